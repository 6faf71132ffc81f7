package dev.pmp.source.miso;

import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * MISO CSAT next-day short-term reserve requirement ({@code api/CsatNextDayShortTermReserveRequirement}):
 * one row per region for the next operating day, published daily by about 14:00 EST. Rows are keyed by
 * the operating day (00:00 EST of the forecast peak hour's day) and region. Immutable and thread-safe.
 */
public final class CsatReserveRequirement extends ApiFeed {

    /** Path under the API base. */
    public static final String PATH = "CsatNextDayShortTermReserveRequirement";

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "miso.csat_reserve_requirement",
            "MISO CSAT next-day short-term reserve requirement by region",
            MisoSettings.DEFAULT_API_BASE + "/" + PATH,
            Schema.builder(TimeShape.INTERVAL)
                    .key("region", ColumnType.VARCHAR, "MISO region: " + String.join(", ", MisoSettings.REGIONS))
                    .value("forecast_peak_hour_utc", ColumnType.TIMESTAMP, "",
                            "MISO forecastPeakHourEst, the labelled peak hour converted from EST")
                    .value("forecast_created_utc", ColumnType.TIMESTAMP, "", "MISO forecastCreatedTime, from EST")
                    .value("str_requirement_mw", ColumnType.DOUBLE, "MW", "MISO strReq: short-term reserve requirement")
                    .value("str_overwrite_mw", ColumnType.DOUBLE, "MW", "MISO strOverwrite: operator override")
                    .build(),
            TimeShape.INTERVAL,
            Access.SNAPSHOT,
            Duration.ofDays(1),
            MisoTime.EST,
            Duration.ZERO,
            Duration.ofHours(15),
            LocalDate.of(2025, 12, 12),
            Optional.of(Duration.ofDays(1)),
            true,
            Duration.ofDays(2));

    private final Optional<String> region;

    public CsatReserveRequirement(MisoSettings settings) {
        super(DATASET, settings, PATH);
        this.region = settings.region();
    }

    /**
     * One row per region; with {@link MisoSettings#REGION} set only that region's row is kept. A row whose
     * requirement is not a non-negative number is quarantined. Covers each operating day that has a row.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when the payload is not an array of these rows;
     *     {@link Failure#NOT_PUBLISHED} for an empty array
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        String what = DATASET.id();
        List<Object> items = Json.array(Json.read(response.body(), what), what + ": the payload");
        if (items.isEmpty()) {
            throw new SourceException(Failure.NOT_PUBLISHED, what + ": the API answered an empty array");
        }
        List<String> notes = new ArrayList<>();
        Map<List<Object>, Row> rows = new LinkedHashMap<>();
        List<Quarantine> quarantined = new ArrayList<>();
        TreeSet<LocalDate> days = new TreeSet<>();
        int skipped = 0;
        for (int i = 0; i < items.size(); i++) {
            String where = what + ": row " + i;
            Map<String, Object> item = Json.object(items.get(i), where);
            String name = Json.text(item, "region", where);
            LocalDateTime peak = time(item, "forecastPeakHourEst", where);
            LocalDateTime created = time(item, "forecastCreatedTime", where);
            Object rawReq = Json.member(item, "strReq", where);
            Object rawOver = Json.member(item, "strOverwrite", where);
            if (region.isPresent() && !region.get().equalsIgnoreCase(name.strip())) {
                skipped++;
                continue;
            }
            LocalDate day = peak.toLocalDate();
            Instant start = MisoTime.startOfDay(day);
            Window span = new Window(start, MisoTime.startOfDay(day.plusDays(1)));
            Double req = Json.number(rawReq);
            Double over = rawOver == null ? null : Json.number(rawOver);
            if (req == null || req < 0 || (rawOver != null && (over == null || over < 0))) {
                quarantined.add(new Quarantine(span, 1, where + " (" + name + ", " + day + "): strReq "
                        + Json.describe(rawReq) + " / strOverwrite " + Json.describe(rawOver)
                        + " is not a non-negative number of MW"));
                continue;
            }
            Row row = Row.of(start, span.end(), name.strip(), MisoTime.instant(peak), MisoTime.instant(created), req, over);
            Row earlier = rows.putIfAbsent(List.of(start, name.strip()), row);
            if (earlier != null && !earlier.equals(row)) {
                throw new SourceException(Failure.BAD_DATA, where + ": region " + name + " is published twice for "
                        + day + " with different values");
            } else if (earlier != null) {
                notes.add(where + ": region " + name + " repeated; kept once");
            }
            days.add(day);
        }
        if (skipped > 0) {
            notes.add(what + ": " + skipped + " row(s) of other regions left out (" + MisoSettings.REGION + "="
                    + region.orElseThrow() + ")");
        }
        List<Window> covered = new ArrayList<>();
        for (LocalDate d : days) {
            covered.add(new Window(MisoTime.startOfDay(d), MisoTime.startOfDay(d.plusDays(1))));
        }
        return Parsed.of(new ArrayList<>(rows.values()), Window.merge(covered), quarantined, notes);
    }

    private static LocalDateTime time(Map<String, Object> item, String field, String where) throws SourceException {
        String text = Json.text(item, field, where);
        try {
            return MisoTime.isoLocal(text);
        } catch (DateTimeParseException e) {
            throw new SourceException(Failure.BAD_DATA, where + ": " + field + " \"" + text + "\" is not an ISO local time");
        }
    }
}
