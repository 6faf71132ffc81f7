package dev.pmp.source.caiso;

import dev.pmp.source.caiso.oasis.ZipMember;
import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OASIS {@code PRC_AS} (version 12, {@code market_run_id=DAM}): day-ahead ancillary service clearing
 * prices by region and service, hourly. Immutable and thread-safe.
 */
public final class AncillaryServicePrices extends OasisFeed {

    static final Set<String> KNOWN_COLUMNS = Set.of("INTERVALSTARTTIME_GMT", "INTERVALENDTIME_GMT", "OPR_DT", "OPR_HR",
            "OPR_INTERVAL", "OPR_TYPE", "ANC_TYPE", "ANC_REGION", "MARKET_RUN_ID", "XML_DATA_ITEM", "MW", "GROUP");

    private static final String QUERY = "resultformat=6&queryname=PRC_AS&version=12&market_run_id=DAM"
            + "&anc_type=ALL&anc_region=ALL";

    /** {@code caiso.as_prices}. */
    public static final Dataset DATASET = new Dataset(
            "caiso.as_prices",
            "CAISO day-ahead ancillary service clearing prices",
            "OASIS SingleZip " + QUERY + " (" + CaisoSettings.DEFAULT_OASIS_URL + ")",
            Schema.builder(TimeShape.INTERVAL)
                    .key("region", ColumnType.VARCHAR, "OASIS ANC_REGION: AS_CAISO, AS_CAISO_EXP, AS_NP26, AS_NP26_EXP, "
                            + "AS_SP26, AS_SP26_EXP, ...")
                    .key("product", ColumnType.VARCHAR, "OASIS ANC_TYPE: NR non-spinning, RD/RU regulation down/up, SR "
                            + "spinning, RMD/RMU regulation mileage down/up")
                    .value("price", ColumnType.DOUBLE, "$/MW", "OASIS MW: the clearing price of the service")
                    .build(),
            TimeShape.INTERVAL,
            Access.WINDOWED,
            Duration.ofHours(1),
            Caiso.ZONE,
            // The day-ahead market publishes the day before it runs.
            Duration.ZERO,
            Duration.ofHours(1),
            LocalDate.of(2009, 4, 1),
            Optional.of(Caiso.OASIS_RETENTION),
            true,
            // OASIS serves 31 days but counts calendar days touched: 30 days of UTC touch at most 31.
            Duration.ofDays(30));

    AncillaryServicePrices(CaisoSettings settings) {
        super(DATASET, settings.oasisUrl(), QUERY);
    }

    @Override
    Parsed parseReports(Window window, FetchResponse response, List<ZipMember> reports) throws SourceException {
        LongReport report = new LongReport(window, DATASET.cadence(), List.of("ANC_REGION", "ANC_TYPE"), KNOWN_COLUMNS);
        for (ZipMember m : reports) {
            report.read(m);
        }
        LongReport.Result result = report.finish();
        List<Row> rows = new ArrayList<>(result.entries().size());
        for (LongReport.Entry e : result.entries()) {
            rows.add(Row.of(e.start(), e.end(), e.keys().get(0), e.keys().get(1), e.value()));
        }
        List<Window> covered = covered(window, response.fetchedAt(), result.lastEnd(), result.quarantined());
        return Parsed.of(rows, covered, result.quarantined(), result.notes());
    }
}
