package dev.pmp.source.ercot;

import dev.pmp.spi.FetchResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code system-wide-prices.json} and {@code fuel-mix.json} payloads for any day in the format of
 * README section 2.4 (field names and order as in a live 2026-09 prices payload), because no payload of
 * either dashboard was recorded. Values are simple functions of the row number so tests can name them.
 */
final class PriceAndFuelPayloads {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final List<String> KEYS = List.of("hbBusAvg", "hbHubAvg", "hbHouston", "hbNorth", "hbPan", "hbSouth",
            "hbWest", "lzAen", "lzCps", "lzHouston", "lzLcra", "lzNorth", "lzRaybn", "lzSouth", "lzWest");
    static final List<String> FUELS = List.of("Coal and Lignite", "Hydro", "Nuclear", "Power Storage", "Solar",
            "Wind", "Natural Gas", "Other");

    private PriceAndFuelPayloads() {
    }

    /** The price of key {@code j} in row {@code i}: {@code i + j/100}, e.g. row 3 hbPan = 3.04. */
    static String price(int i, int j) {
        return i + "." + String.format("%02d", j);
    }

    /** One {@code rtSppData} row per 15 minutes of {@code date}, the first {@code count}. */
    static List<String> realTime(LocalDate date, int count) {
        Window day = day(date);
        List<String> rows = new ArrayList<>();
        int i = 0;
        for (Instant end = day.start.plus(Duration.ofMinutes(15)); !end.isAfter(day.end) && i < count;
                end = end.plus(Duration.ofMinutes(15)), i++) {
            Instant start = end.minus(Duration.ofMinutes(15));
            LocalDateTime local = LocalDateTime.ofInstant(end, CHICAGO);
            rows.add("{\"intervalEnding\":\"" + String.format("%02d:%02d", local.getHour(), local.getMinute())
                    + "\",\"dstFlag\":\"" + flag(date, start) + "\"" + prices(i) + ",\"timestamp\":\""
                    + DashboardPayloads.STAMP.format(end.atZone(CHICAGO)) + "\",\"interval\":" + end.toEpochMilli() + "}");
        }
        return rows;
    }

    /** One {@code damSppData} row per hour of {@code date}, labelled by hour ending, with timestamps when asked. */
    static List<String> dayAhead(LocalDate date, boolean withTimestamp) {
        Window day = day(date);
        List<String> rows = new ArrayList<>();
        int i = 0;
        for (Instant start = day.start; start.isBefore(day.end); start = start.plus(Duration.ofHours(1)), i++) {
            Instant end = start.plus(Duration.ofHours(1));
            int hourEnding = LocalDateTime.ofInstant(start, CHICAGO).getHour() + 1;
            rows.add(dayAheadRow(hourEnding, flag(date, start), i,
                    withTimestamp ? DashboardPayloads.STAMP.format(end.atZone(CHICAGO)) : null));
        }
        return rows;
    }

    static String dayAheadRow(int hourEnding, String flag, int i, String timestamp) {
        return "{\"hourEnding\":" + hourEnding + ",\"dstFlag\":\"" + flag + "\"" + prices(i)
                + (timestamp == null ? "" : ",\"timestamp\":\"" + timestamp + "\",\"interval\":0") + "}";
    }

    static String prices(List<String> realTime, List<String> dayAhead, String lastUpdated) {
        return "{\"lastUpdated\":\"" + lastUpdated + "\",\"rtSppData\":[" + String.join(",", realTime)
                + "],\"damSppData\":[" + String.join(",", dayAhead) + "]}";
    }

    /** The marks of {@code date} ({@code (midnight, next midnight]}), each stamped 3 s early, the first {@code count}. */
    static List<String> fuelStamps(LocalDate date, int count) {
        Window day = day(date);
        List<String> stamps = new ArrayList<>();
        int i = 0;
        for (Instant mark = day.start.plus(Duration.ofMinutes(5)); !mark.isAfter(day.end) && i < count;
                mark = mark.plus(Duration.ofMinutes(5)), i++) {
            stamps.add(fuelStamp(mark.minusSeconds(3), i, 0, FUELS.size()));
        }
        return stamps;
    }

    /** Fuels {@code from..to} of sample {@code i} under one timestamp; fuel {@code f} has {@code 1000*f + i}. */
    static String fuelStamp(Instant stamped, int i, int from, int to) {
        StringBuilder json = new StringBuilder("\"" + DashboardPayloads.STAMP.format(stamped.atZone(CHICAGO)) + "\":{");
        for (int f = from; f < to; f++) {
            json.append(f == from ? "" : ",").append('"').append(FUELS.get(f)).append("\":{\"gen\":")
                    .append(1000 * f + i).append(".5}");
        }
        return json.append('}').toString();
    }

    static String fuelMix(LocalDate previous, List<String> previousStamps, LocalDate current, List<String> currentStamps) {
        return "{\"lastUpdated\":\"2025-11-09 15:31:00-0600\",\"monthlyCapacity\":{\"Hydro\":579},\"types\":[\"Hydro\"],"
                + "\"data\":{\"" + previous + "\":{" + String.join(",", previousStamps) + "},\"" + current + "\":{"
                + String.join(",", currentStamps) + "}}}";
    }

    static FetchResponse response(String body) {
        return new FetchResponse(URI.create("https://www.ercot.com/x.json"), 200, "application/json",
                body.getBytes(StandardCharsets.UTF_8), Instant.parse("2025-11-09T21:33:01Z"));
    }

    private static String prices(int i) {
        StringBuilder json = new StringBuilder();
        for (int j = 0; j < KEYS.size(); j++) {
            json.append(",\"").append(KEYS.get(j)).append("\":").append(price(i, j));
        }
        return json.toString();
    }

    /** {@code Y} when {@code start} lies in the repeated (standard-time) hour of a fall-back day. */
    private static String flag(LocalDate date, Instant start) {
        ZoneOffsetTransition t = CHICAGO.getRules().nextTransition(date.atStartOfDay(CHICAGO).toInstant());
        boolean repeated = t != null && t.isOverlap() && t.getDateTimeBefore().toLocalDate().equals(date)
                && !start.isBefore(t.getInstant()) && start.isBefore(t.getInstant().plus(Duration.ofHours(1)));
        return repeated ? "Y" : "N";
    }

    private static Window day(LocalDate date) {
        return new Window(date.atStartOfDay(CHICAGO).toInstant(), date.plusDays(1).atStartOfDay(CHICAGO).toInstant());
    }

    private record Window(Instant start, Instant end) {
    }
}
