package dev.pmp.source.neso;

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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code embedded-wind-and-solar-forecasts}: NESO's forecast of distribution-connected wind and solar per
 * settlement period, a whole-file snapshot re-issued through the day. Every issue is kept: its vintage is
 * the {@code YYYYMMDDHHMM} (UTC) stamp of the live file's name, else the resource's {@code last_modified},
 * read in the catalogue answer and echoed back by the SQL as a constant column ({@code PMP_VINTAGE}) so the
 * stateless parse of the data page knows it. {@code DATE_GMT} + {@code TIME_GMT} is the UTC <em>end</em> of
 * the period; it is checked against {@code SETTLEMENT_DATE}/{@code SETTLEMENT_PERIOD}. Immutable and
 * thread-safe.
 */
public final class EmbeddedForecast extends PortalFeed {

    /** The portal package. */
    public static final String PACKAGE = "embedded-wind-and-solar-forecasts";

    /** The live resource ({@code Embedded Solar and Wind Forecast}), the same UUID since at least 2024. */
    public static final String RESOURCE = "db6c038f-98af-4570-ab60-24d71ebd0ae5";

    static final String VINTAGE = "PMP_VINTAGE";

    static final List<String> OPERATOR_COLUMNS = List.of("DATE_GMT", "TIME_GMT", "SETTLEMENT_DATE",
            "SETTLEMENT_PERIOD", "EMBEDDED_WIND_FORECAST", "EMBEDDED_WIND_CAPACITY", "EMBEDDED_SOLAR_FORECAST",
            "EMBEDDED_SOLAR_CAPACITY");

    private static final Pattern FILE_STAMP = Pattern.compile("/(\\d{12})_[^/]*$");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmm", Locale.ROOT);

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "neso.embedded_wind_solar_forecast",
            "NESO embedded wind and solar forecast (every issue kept)",
            "https://www.neso.energy/data-portal/embedded-wind-and-solar-forecasts (resource " + RESOURCE + ")",
            Schema.builder(TimeShape.INTERVAL)
                    .key("forecast_vintage_utc", ColumnType.TIMESTAMP, "when NESO issued the forecast file (the "
                            + "UTC stamp of its file name, else the resource's last_modified)")
                    .value("settlement_date", ColumnType.DATE, "", "SETTLEMENT_DATE: the local settlement day")
                    .value("settlement_period", ColumnType.BIGINT, "", "SETTLEMENT_PERIOD: 1 = 00:00-00:30 local")
                    .value("embedded_wind_forecast_mw", ColumnType.DOUBLE, "MW", "EMBEDDED_WIND_FORECAST")
                    .value("embedded_wind_capacity_mw", ColumnType.DOUBLE, "MW", "EMBEDDED_WIND_CAPACITY")
                    .value("embedded_solar_forecast_mw", ColumnType.DOUBLE, "MW", "EMBEDDED_SOLAR_FORECAST")
                    .value("embedded_solar_capacity_mw", ColumnType.DOUBLE, "MW", "EMBEDDED_SOLAR_CAPACITY")
                    .build(),
            TimeShape.INTERVAL,
            Access.SNAPSHOT,
            SettlementPeriods.PERIOD,
            SettlementPeriods.LONDON,
            Duration.ZERO,
            Duration.ofHours(3),
            LocalDate.of(2019, 1, 1),
            Optional.of(Duration.ofDays(1)),
            false,
            Duration.ofDays(14));

    /** A feed reading the portal under {@link NesoSettings#apiBase()}. */
    public EmbeddedForecast(NesoSettings settings) {
        super(DATASET, settings, PACKAGE);
    }

    /**
     * @throws SourceException {@link Failure#BAD_DATA} when the package no longer lists the live resource
     */
    @Override
    CkanPackage.Resource resource(Window window, CkanPackage pkg) throws SourceException {
        CkanPackage.Resource r = fixed(pkg, RESOURCE);
        if (vintage(r).isEmpty()) {
            throw new SourceException(Failure.BAD_DATA, PACKAGE + " resource " + RESOURCE + " has neither a stamped"
                    + " file name nor a last_modified, so its forecast vintage is unknown");
        }
        return r;
    }

    /** The issue time of the resource's current file. */
    static Optional<Instant> vintage(CkanPackage.Resource r) {
        Matcher m = FILE_STAMP.matcher(r.url());
        if (m.find()) {
            try {
                return Optional.of(LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return r.lastModified();
            }
        }
        return r.lastModified();
    }

    @Override
    FetchRequest firstPage(Window window, CkanPackage.Resource resource) {
        StringBuilder sql = new StringBuilder("SELECT '").append(vintage(resource).orElseThrow())
                .append("' AS ").append(quoted(VINTAGE));
        for (String c : OPERATOR_COLUMNS) {
            sql.append(',').append(quoted(c));
        }
        sql.append(" FROM ").append(quoted(resource.id())).append(" ORDER BY \"_id\" LIMIT ")
                .append(HistoricGenerationMix.PAGE_ROWS).append(" OFFSET 0");
        return sql(sql.toString());
    }

    /**
     * Each page covers the span of its rows.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when a column is missing or a row's time cannot be
     *     read; {@link Failure#NOT_PUBLISHED} when the file is empty
     */
    @Override
    Parsed page(Window window, FetchResponse response) throws SourceException {
        DatastorePage page = DatastorePage.read(response.body(), "datastore_search_sql");
        Optional<FetchRequest> next = nextSqlPage(page, response);
        if (page.records().isEmpty()) {
            if (sqlOf(response).endsWith(" OFFSET 0")) {
                throw new SourceException(Failure.NOT_PUBLISHED, "the embedded forecast file holds no rows");
            }
            return new Parsed(List.of(), List.of(), List.of(), List.of(), next);
        }
        ColumnNames names = new ColumnNames(page.fields(), "embedded forecast answer");
        String vintageName = names.required(VINTAGE);
        String[] cols = new String[OPERATOR_COLUMNS.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = names.required(OPERATOR_COLUMNS.get(i));
        }
        HalfHourRows rows = new HalfHourRows();
        if (!names.unknown().isEmpty()) {
            rows.note("embedded forecast: columns this reader does not store: " + names.unknown());
        }
        for (int i = 0; i < page.records().size(); i++) {
            Map<String, Object> record = page.records().get(i);
            String where = "embedded forecast record " + (i + 1);
            Instant vintage;
            Instant end;
            LocalDate day;
            long period;
            try {
                vintage = Instant.parse(String.valueOf(record.get(vintageName)));
                end = Cells.date(record.get(cols[0])).atTime(Cells.time(record.get(cols[1]))).toInstant(ZoneOffset.UTC);
                day = Cells.date(record.get(cols[2]));
                period = Cells.whole(record.get(cols[3]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new SourceException(Failure.BAD_DATA, where + ": its time cannot be read: " + e.getMessage());
            }
            Instant start = end.minus(SettlementPeriods.PERIOD);
            Window half = Window.of(start, SettlementPeriods.PERIOD);
            String problem = labelProblem(day, period, start);
            Object[] values = new Object[9];
            values[0] = start;
            values[1] = end;
            values[2] = vintage;
            values[3] = day;
            values[4] = period;
            for (int c = 4; c < cols.length && problem == null; c++) {
                try {
                    values[c + 1] = Cells.number(record.get(cols[c]));
                } catch (IllegalArgumentException e) {
                    problem = "column " + cols[c] + ": " + e.getMessage();
                }
            }
            if (problem != null) {
                rows.hold(half, 1, where + ": " + problem + "; half-hour held back");
                if (period >= 1 && period <= SettlementPeriods.count(day)
                        && !SettlementPeriods.start(day, period).equals(start)) {
                    // The row may belong to the half-hour its label names: that one is not vouched for either.
                    rows.hold(Window.of(SettlementPeriods.start(day, period), SettlementPeriods.PERIOD), 0,
                            where + ": labelled " + day + " period " + period + " but timed " + start
                                    + "; the labelled half-hour is held back too");
                }
                continue;
            }
            rows.add(start, "", Row.of(values), where);
        }
        List<Window> covered = rows.isEmpty() ? List.of()
                : rows.covered(new Window(rows.firstStart(), rows.lastStart().plus(SettlementPeriods.PERIOD)));
        return new Parsed(rows.rows(), covered, rows.quarantined(), rows.notes(), next);
    }

    /** Why the settlement label disagrees with the UTC time, or null when it agrees. */
    private static String labelProblem(LocalDate day, long period, Instant start) {
        if (period < 1 || period > SettlementPeriods.count(day)) {
            return "settlement period " + period + " does not exist on " + day;
        }
        Instant labelled = SettlementPeriods.start(day, period);
        return labelled.equals(start) ? null : "DATE_GMT/TIME_GMT say the period starts " + start + ", but "
                + day + " period " + period + " starts " + labelled;
    }
}
