package dev.pmp.source.caiso;

import dev.pmp.source.caiso.oasis.ZipMember;
import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Schema;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One of the OASIS LMP reports ({@link LmpMarket}) for the configured nodes, pivoted to one row per
 * node and interval. Immutable and thread-safe.
 */
public final class LocationalMarginalPrices extends OasisFeed {

    /** {@code caiso.lmp_day_ahead_hourly}: {@code PRC_LMP}, {@code market_run_id=DAM}. */
    public static final Dataset DAY_AHEAD_HOURLY = dataset(LmpMarket.DAY_AHEAD_HOURLY,
            LmpMarket.DAY_AHEAD_HOURLY.nodeListWindow);
    /** {@code caiso.lmp_real_time_5min}: {@code PRC_INTVL_LMP}, {@code market_run_id=RTM}. */
    public static final Dataset REAL_TIME_5MIN = dataset(LmpMarket.REAL_TIME_5MIN,
            LmpMarket.REAL_TIME_5MIN.nodeListWindow);
    /** {@code caiso.lmp_real_time_15min}: {@code PRC_RTPD_LMP}, {@code market_run_id=RTPD}. */
    public static final Dataset REAL_TIME_15MIN = dataset(LmpMarket.REAL_TIME_15MIN,
            LmpMarket.REAL_TIME_15MIN.nodeListWindow);

    private final LmpMarket market;

    /**
     * A feed for {@code market} over the settings' nodes. With every node ({@code PMP_CAISO_NODES=ALL})
     * its {@link #dataset()} allows only the window OASIS serves for all nodes at once (1 hour real
     * time, 1 day day-ahead); otherwise 30 days (7 for the 5-minute report, to keep answers small).
     */
    LocationalMarginalPrices(LmpMarket market, CaisoSettings settings) {
        super(settings.allNodes() ? dataset(market, market.allNodesWindow) : dataset(market, market.nodeListWindow),
                settings.oasisUrl(), query(market, settings));
        this.market = market;
    }

    /** The dataset of {@code market} as listed by the source (node-list window). */
    static Dataset of(LmpMarket market) {
        return switch (market) {
            case DAY_AHEAD_HOURLY -> DAY_AHEAD_HOURLY;
            case REAL_TIME_5MIN -> REAL_TIME_5MIN;
            case REAL_TIME_15MIN -> REAL_TIME_15MIN;
        };
    }

    @Override
    Parsed parseReports(Window window, FetchResponse response, List<ZipMember> reports) throws SourceException {
        LmpPivot pivot = new LmpPivot(window, market.cadence);
        for (ZipMember report : reports) {
            pivot.read(report);
        }
        LmpPivot.Result result = pivot.finish();
        List<Window> covered = covered(window, response.fetchedAt(), result.lastEnd(), result.quarantined());
        return Parsed.of(result.rows(), covered, result.quarantined(), result.notes());
    }

    private static String query(LmpMarket market, CaisoSettings settings) {
        return "resultformat=6&queryname=" + market.queryName + "&version=" + market.version + "&market_run_id="
                + market.marketRunId + (settings.allNodes() ? "&grp_type=ALL" : "&node=" + String.join(",", settings.nodes()));
    }

    private static Dataset dataset(LmpMarket market, Duration maxWindow) {
        return new Dataset(
                "caiso." + market.datasetName,
                market.title,
                "OASIS SingleZip queryname=" + market.queryName + "&version=" + market.version + "&market_run_id="
                        + market.marketRunId + " (" + CaisoSettings.DEFAULT_OASIS_URL + ")",
                Schema.builder(TimeShape.INTERVAL)
                        .key("node", ColumnType.VARCHAR, "OASIS NODE: the pricing node (PNode or APNode) name")
                        .value("location_type", ColumnType.VARCHAR, "",
                                "hub (TH_*), load_zone (DLAP_*), zone (other *-APND aggregates) or node; derived from "
                                        + "the name")
                        .value("lmp", ColumnType.DOUBLE, "$/MWh", "LMP_TYPE LMP (LMP_PRC): the locational marginal price")
                        .value("energy", ColumnType.DOUBLE, "$/MWh", "LMP_TYPE MCE (LMP_ENE_PRC): energy component")
                        .value("congestion", ColumnType.DOUBLE, "$/MWh",
                                "LMP_TYPE MCC (LMP_CONG_PRC): congestion component")
                        .value("loss", ColumnType.DOUBLE, "$/MWh", "LMP_TYPE MCL (LMP_LOSS_PRC): loss component")
                        .value("ghg", ColumnType.DOUBLE, "$/MWh",
                                "LMP_TYPE MGHG (LMP_GHG_PRC): greenhouse-gas component; empty when not published")
                        .build(),
                TimeShape.INTERVAL,
                Access.WINDOWED,
                market.cadence,
                Caiso.ZONE,
                market.publicationDelay,
                market == LmpMarket.DAY_AHEAD_HOURLY ? Duration.ofHours(1) : Duration.ofMinutes(30),
                market.earliest,
                Optional.of(Caiso.OASIS_RETENTION),
                // CAISO re-prices intervals for up to about two weeks (PRC_CORR_GRP).
                true,
                maxWindow.compareTo(market.cadence) < 0 ? market.cadence : maxWindow);
    }
}
