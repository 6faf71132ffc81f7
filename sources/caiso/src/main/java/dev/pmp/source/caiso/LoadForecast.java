package dev.pmp.source.caiso;

import dev.pmp.source.caiso.oasis.ZipMember;
import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OASIS {@code SLD_FCST} (version 1) hourly load forecasts by TAC area, every vintage kept: one window
 * is read in three pages, {@code market_run_id=DAM}, {@code 2DA}, {@code 7DA} (through
 * {@link Parsed#next()}), and each row carries the forecast's publication time. Only the last page
 * claims coverage, so a window counts as covered once all three vintages were read. Immutable and
 * thread-safe.
 */
public final class LoadForecast extends OasisFeed {

    /** The forecast vintages read, in page order. */
    enum Vintage {
        /** Day-ahead: published D−1. */
        DAM(1),
        /** Two days ahead: published D−2. */
        TWO_DAY(2),
        /** Seven days ahead: published D−7. */
        SEVEN_DAY(7);

        final int daysAhead;

        Vintage(int daysAhead) {
            this.daysAhead = daysAhead;
        }

        /** OASIS' {@code market_run_id}, also the value of the {@code forecast} column. */
        String marketRunId() {
            return switch (this) {
                case DAM -> "DAM";
                case TWO_DAY -> "2DA";
                case SEVEN_DAY -> "7DA";
            };
        }

        Optional<Vintage> next() {
            return switch (this) {
                case DAM -> Optional.of(TWO_DAY);
                case TWO_DAY -> Optional.of(SEVEN_DAY);
                case SEVEN_DAY -> Optional.empty();
            };
        }
    }

    /**
     * When CAISO publishes its load forecasts, Pacific time on D−1, D−2, D−7 (the OASIS publication
     * schedule, as gridstatus assigns it; OASIS itself does not say).
     */
    static final LocalTime PUBLISHED_AT = LocalTime.of(9, 10);

    /** {@code caiso.load_forecast}. */
    public static final Dataset DATASET = new Dataset(
            "caiso.load_forecast",
            "CAISO hourly load forecasts by TAC area (day-ahead, 2-day, 7-day vintages)",
            "OASIS SingleZip resultformat=6&queryname=SLD_FCST&version=1&market_run_id=DAM|2DA|7DA ("
                    + CaisoSettings.DEFAULT_OASIS_URL + ")",
            Schema.builder(TimeShape.INTERVAL)
                    .key("tac_area", ColumnType.VARCHAR, "OASIS TAC_AREA_NAME (CA ISO-TAC is the whole ISO)")
                    .key("forecast", ColumnType.VARCHAR, "OASIS MARKET_RUN_ID of the request: DAM, 2DA or 7DA")
                    .key("publish_time_utc", ColumnType.TIMESTAMP, "when the vintage was published: 09:10 Pacific on "
                            + "the operating day minus 1, 2 or 7 days (OASIS publication schedule), UTC")
                    .value("load_forecast_mw", ColumnType.DOUBLE, "MW", "OASIS MW: forecast load over the hour")
                    .build(),
            TimeShape.INTERVAL,
            Access.WINDOWED,
            Duration.ofHours(1),
            Caiso.ZONE,
            Duration.ZERO,
            Duration.ofHours(1),
            LocalDate.of(2009, 4, 1),
            Optional.of(Caiso.OASIS_RETENTION),
            false,
            Duration.ofDays(30));

    LoadForecast(CaisoSettings settings) {
        super(DATASET, settings.oasisUrl(), query(Vintage.DAM));
    }

    /**
     * Reads one page and points to the next vintage; only the last page reports the window covered.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when the answered URI names no vintage this feed
     *     asks for, and as {@link OasisFeed#parse}
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        Vintage vintage = vintage(response);
        Parsed page = super.parse(window, response);
        Optional<FetchRequest> next = vintage.next().map(v -> request(window, query(v)));
        List<String> notes = page.notes().stream().map(n -> vintage.marketRunId() + ": " + n).toList();
        return new Parsed(page.rows(), next.isPresent() ? List.of() : page.covered(), page.quarantined(), notes, next);
    }

    @Override
    Parsed parseReports(Window window, FetchResponse response, List<ZipMember> reports) throws SourceException {
        Vintage vintage = vintage(response);
        LongReport report = new LongReport(window, DATASET.cadence(), List.of("TAC_AREA_NAME"),
                ActualLoad.KNOWN_COLUMNS);
        for (ZipMember m : reports) {
            report.read(m);
        }
        LongReport.Result result = report.finish();
        Map<LocalDate, Instant> published = new HashMap<>();
        List<Row> rows = new ArrayList<>(result.entries().size());
        for (LongReport.Entry e : result.entries()) {
            LocalDate day = e.start().atZone(Caiso.ZONE).toLocalDate();
            Instant at = published.computeIfAbsent(day,
                    d -> d.minusDays(vintage.daysAhead).atTime(PUBLISHED_AT).atZone(Caiso.ZONE).toInstant());
            rows.add(Row.of(e.start(), e.end(), e.keys().get(0), vintage.marketRunId(), at, e.value()));
        }
        return Parsed.of(rows, covered(window, response.fetchedAt(), result.lastEnd(), result.quarantined()),
                result.quarantined(), result.notes());
    }

    private static Vintage vintage(FetchResponse response) throws SourceException {
        String query = response.uri().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("market_run_id=")) {
                    String id = pair.substring("market_run_id=".length());
                    for (Vintage v : Vintage.values()) {
                        if (v.marketRunId().equals(id)) {
                            return v;
                        }
                    }
                }
            }
        }
        throw new SourceException(Failure.BAD_DATA, DATASET.id() + ": the answered URI " + response.uri()
                + " names no market_run_id of DAM, 2DA or 7DA");
    }

    private static String query(Vintage vintage) {
        return "resultformat=6&queryname=SLD_FCST&version=1&market_run_id=" + vintage.marketRunId();
    }
}
