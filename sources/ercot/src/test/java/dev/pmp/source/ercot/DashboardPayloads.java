package dev.pmp.source.ercot;

import dev.pmp.spi.FetchResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code energy-storage-resources.json} payloads for any day, in the format of the recorded
 * fixture (same field names, order and number style), because no recorded payload of a DST day exists.
 * The fall-back defect is reproduced as README section 2.3.2 documents it.
 */
final class DashboardPayloads {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssxx");
    static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    static final URI URL = URI.create("https://www.ercot.com" + EnergyStorageResources.PATH);

    private DashboardPayloads() {
    }

    /**
     * One row of {@code data}; the three values are raw JSON text, so a test can put {@code "abc"} or
     * {@code null} there.
     */
    record Line(String tagCLastTime, String dstFlag, String totalCharging, String totalDischarging,
            String netOutput, String timestamp, long epoch) {

        Line withTimestamp(String stamp) {
            return new Line(tagCLastTime, dstFlag, totalCharging, totalDischarging, netOutput, stamp, epoch);
        }

        Line withDstFlag(String flag) {
            return new Line(tagCLastTime, flag, totalCharging, totalDischarging, netOutput, timestamp, epoch);
        }

        Line withNetOutput(String json) {
            return new Line(tagCLastTime, dstFlag, totalCharging, totalDischarging, json, timestamp, epoch);
        }

        String json() {
            return "      {\n"
                    + "        \"tagCLastTime\": \"" + tagCLastTime + "\",\n"
                    + "        \"dstFlag\": \"" + dstFlag + "\",\n"
                    + "        \"totalCharging\": " + totalCharging + ",\n"
                    + "        \"totalDischarging\": " + totalDischarging + ",\n"
                    + "        \"netOutput\": " + netOutput + ",\n"
                    + "        \"timestamp\": \"" + timestamp + "\",\n"
                    + "        \"epoch\": " + epoch + "\n"
                    + "      }";
        }
    }

    /** Every 5-minute sample of the local day, correctly labelled; {@code Y} on the repeated hour. */
    static List<Line> day(LocalDate date) {
        return day(date, Integer.MAX_VALUE);
    }

    /** The first {@code count} samples of the local day (fewer when the day has fewer). */
    static List<Line> day(LocalDate date, int count) {
        Instant end = date.plusDays(1).atStartOfDay(CHICAGO).toInstant();
        ZoneOffsetTransition fallBack = fallBack(date);
        List<Line> lines = new ArrayList<>();
        int i = 0;
        for (Instant t = date.atStartOfDay(CHICAGO).toInstant(); t.isBefore(end) && i < count;
                t = t.plus(Duration.ofMinutes(5)), i++) {
            // ERCOT's flag: Y on the samples labelled 01:05 .. 02:00 standard time (hour-ending 02 repeated).
            boolean repeated = fallBack != null && t.isAfter(fallBack.getInstant())
                    && !t.isAfter(fallBack.getInstant().plus(Duration.ofHours(1)));
            lines.add(line(t, repeated ? "Y" : "N", i));
        }
        return lines;
    }

    /**
     * The day as ERCOT publishes it on a fall-back day: the sample at 01:00 standard time is stamped
     * 02:00 standard time, flagged {@code N}, with the epoch of that wrong stamp.
     */
    static List<Line> withFallBackDefect(List<Line> lines, LocalDate date) {
        ZoneOffsetTransition fallBack = fallBack(date);
        Instant wrong = fallBack.getInstant().plus(Duration.ofHours(1));
        List<Line> defective = new ArrayList<>(lines);
        for (int i = 0; i < defective.size(); i++) {
            Line l = defective.get(i);
            if (l.epoch() == fallBack.getInstant().toEpochMilli()) {
                ZonedDateTime stamped = wrong.atZone(CHICAGO);
                defective.set(i, new Line(WALL.format(stamped), "N", l.totalCharging(), l.totalDischarging(),
                        l.netOutput(), STAMP.format(stamped), wrong.toEpochMilli()));
            }
        }
        return defective;
    }

    /** The envelope around two blocks. */
    static String envelope(LocalDate previous, List<Line> previousData, LocalDate current, List<Line> currentData) {
        return "{\n"
                + "  \"lastUpdated\": \"" + STAMP.format(current.atTime(15, 26, 1).atZone(CHICAGO)) + "\",\n"
                + "  \"previousDay\": " + block(previous, previousData) + ",\n"
                + "  \"currentDay\": " + block(current, currentData) + "\n"
                + "}";
    }

    /** A full day before {@code current} and the first {@code currentCount} samples of {@code current}. */
    static String snapshot(LocalDate current, int currentCount) {
        return envelope(current.minusDays(1), day(current.minusDays(1)), current, day(current, currentCount));
    }

    static FetchResponse response(String body) {
        return response(body.getBytes(StandardCharsets.UTF_8));
    }

    static FetchResponse response(byte[] body) {
        return new FetchResponse(URL, 200, "application/json", body, Instant.parse("2025-11-09T21:33:01Z"));
    }

    private static String block(LocalDate date, List<Line> data) {
        List<String> rows = data.stream().map(Line::json).toList();
        return "{\n"
                + "    \"dayDate\": \"" + STAMP.format(date.atTime(3, 0).atZone(CHICAGO)) + "\",\n"
                + "    \"data\": [" + (rows.isEmpty() ? "" : "\n" + String.join(",\n", rows) + "\n    ") + "]\n"
                + "  }";
    }

    private static Line line(Instant t, String dstFlag, int i) {
        ZonedDateTime local = t.atZone(CHICAGO);
        BigDecimal charging = new BigDecimal(-(400 + (i * 37) % 900)).subtract(new BigDecimal("0.125"));
        BigDecimal discharging = new BigDecimal((i * 53) % 1200).add(new BigDecimal("0.5"));
        return new Line(WALL.format(local), dstFlag, charging.toPlainString(), discharging.toPlainString(),
                discharging.add(charging).toPlainString(), STAMP.format(local), t.toEpochMilli());
    }

    private static ZoneOffsetTransition fallBack(LocalDate date) {
        ZoneOffsetTransition t = CHICAGO.getRules().nextTransition(date.atStartOfDay(CHICAGO).toInstant());
        return t != null && t.isOverlap() && t.getDateTimeBefore().toLocalDate().equals(date) ? t : null;
    }
}
