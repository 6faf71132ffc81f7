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
 * OASIS {@code SLD_FCST} (version 1, {@code market_run_id=ACTUAL}): hourly actual load by TAC area.
 * Immutable and thread-safe.
 */
public final class ActualLoad extends OasisFeed {

    /** The columns of an {@code SLD_FCST} CSV report. */
    static final Set<String> KNOWN_COLUMNS = Set.of("INTERVALSTARTTIME_GMT", "INTERVALENDTIME_GMT", "OPR_DT", "OPR_HR",
            "OPR_INTERVAL", "LOAD_TYPE", "XML_DATA_ITEM", "TAC_AREA_NAME", "MARKET_RUN_ID", "MW", "EXECUTION_TYPE",
            "GROUP");

    private static final String QUERY = "resultformat=6&queryname=SLD_FCST&version=1&market_run_id=ACTUAL";

    /** {@code caiso.load_actual}. */
    public static final Dataset DATASET = new Dataset(
            "caiso.load_actual",
            "CAISO hourly actual load by TAC area",
            "OASIS SingleZip " + QUERY + " (" + CaisoSettings.DEFAULT_OASIS_URL + ")",
            Schema.builder(TimeShape.INTERVAL)
                    .key("tac_area", ColumnType.VARCHAR, "OASIS TAC_AREA_NAME: transmission access charge area "
                            + "(CA ISO-TAC is the whole ISO)")
                    .value("load_mw", ColumnType.DOUBLE, "MW", "OASIS MW: average actual load over the hour")
                    .build(),
            TimeShape.INTERVAL,
            Access.WINDOWED,
            Duration.ofHours(1),
            Caiso.ZONE,
            Duration.ofHours(1),
            Duration.ofHours(23),
            LocalDate.of(2009, 4, 1),
            Optional.of(Caiso.OASIS_RETENTION),
            true,
            Duration.ofDays(30));

    ActualLoad(CaisoSettings settings) {
        super(DATASET, settings.oasisUrl(), QUERY);
    }

    @Override
    Parsed parseReports(Window window, FetchResponse response, List<ZipMember> reports) throws SourceException {
        LongReport report = new LongReport(window, DATASET.cadence(), List.of("TAC_AREA_NAME"), KNOWN_COLUMNS);
        for (ZipMember m : reports) {
            report.read(m);
        }
        LongReport.Result result = report.finish();
        List<Row> rows = new ArrayList<>(result.entries().size());
        for (LongReport.Entry e : result.entries()) {
            rows.add(Row.of(e.start(), e.end(), e.keys().get(0), e.value()));
        }
        List<Window> covered = covered(window, response.fetchedAt(), result.lastEnd(), result.quarantined());
        return Parsed.of(rows, covered, result.quarantined(), result.notes());
    }
}
