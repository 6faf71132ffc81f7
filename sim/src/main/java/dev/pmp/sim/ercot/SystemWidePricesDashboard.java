package dev.pmp.sim.ercot;

import dev.pmp.spi.Window;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * ERCOT's {@code system-wide-prices.json} dashboard as it would read at a given instant, with
 * <b>synthetic</b> prices (no payload of this dashboard was recorded): a smooth daily curve per settlement
 * point, the same every day. Today only: {@code rtSppData} holds the 15-minute intervals of today that
 * ended at or before {@code now - publicationLag}; {@code damSppData} holds every hour of today, labelled
 * by hour ending (on the fall-back day hour ending 2 twice, the second flagged {@code Y}; on the
 * spring-forward day hour ending 3 is skipped). Field names and order follow a live payload of 2026-09.
 * Stateless and thread-safe.
 */
public final class SystemWidePricesDashboard {

    /** Path of the dashboard on ERCOT's web server and on the simulator. */
    public static final String PATH = "/api/1/services/read/dashboards/system-wide-prices.json";

    /** The JSON keys of the prices, in ERCOT's order. */
    public static final List<String> PRICE_KEYS = List.of("hbBusAvg", "hbHubAvg", "hbHouston", "hbNorth", "hbPan",
            "hbSouth", "hbWest", "lzAen", "lzCps", "lzHouston", "lzLcra", "lzNorth", "lzRaybn", "lzSouth", "lzWest");

    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final Duration HOUR = Duration.ofHours(1);

    private final Duration publicationLag;

    /** @param publicationLag how long after its end an interval first appears; not negative */
    public SystemWidePricesDashboard(Duration publicationLag) {
        this.publicationLag = Objects.requireNonNull(publicationLag, "publicationLag");
        if (publicationLag.isNegative()) {
            throw new IllegalArgumentException("publicationLag must not be negative: " + publicationLag);
        }
    }

    /**
     * The body as served at {@code now}; intervals (hours) whose start lies in a window of {@code withheld}
     * are left out.
     */
    public byte[] render(Instant now, List<Window> withheld, EnergyStorageDashboard.Variant variant) {
        LocalDate today = LocalDate.ofInstant(now, EnergyStorageDashboard.MARKET_ZONE);
        Window day = new Window(today.atStartOfDay(EnergyStorageDashboard.MARKET_ZONE).toInstant(),
                today.plusDays(1).atStartOfDay(EnergyStorageDashboard.MARKET_ZONE).toInstant());
        Window repeated = DashboardText.repeatedHour(day);
        Instant cutoff = now.minus(publicationLag);
        boolean spoil = variant == EnergyStorageDashboard.Variant.NOT_A_NUMBER;
        boolean empty = variant == EnergyStorageDashboard.Variant.EMPTY_DATA;
        StringBuilder json = new StringBuilder(40_000);
        json.append("{\"lastUpdated\":\"").append(DashboardText.stamp(Instant.ofEpochSecond(now.getEpochSecond())))
                .append("\",\"rtSppData\":[");
        boolean first = true;
        int k = 0;
        for (Instant start = day.start(); !empty && start.isBefore(day.end()); start = start.plus(INTERVAL), k++) {
            Instant end = start.plus(INTERVAL);
            if (end.isAfter(cutoff)) {
                break;
            }
            if (DashboardText.isWithheld(start, withheld)) {
                continue;
            }
            LocalDateTime endLocal = LocalDateTime.ofInstant(end, EnergyStorageDashboard.MARKET_ZONE);
            json.append(first ? "" : ",").append("{\"intervalEnding\":\"")
                    .append(String.format("%02d:%02d", endLocal.getHour(), endLocal.getMinute()))
                    .append("\",\"dstFlag\":\"").append(flag(repeated, start)).append('"');
            appendPrices(json, k / 4.0, 0.0, spoil);
            spoil = false;
            json.append(",\"timestamp\":\"").append(DashboardText.stamp(end)).append("\",\"interval\":")
                    .append(end.toEpochMilli()).append('}');
            first = false;
        }
        json.append("],\"damSppData\":[");
        first = true;
        int h = 0;
        for (Instant start = day.start(); !empty && start.isBefore(day.end()); start = start.plus(HOUR), h++) {
            if (DashboardText.isWithheld(start, withheld)) {
                continue;
            }
            Instant end = start.plus(HOUR);
            int hourEnding = LocalDateTime.ofInstant(start, EnergyStorageDashboard.MARKET_ZONE).getHour() + 1;
            json.append(first ? "" : ",").append("{\"hourEnding\":").append(hourEnding)
                    .append(",\"dstFlag\":\"").append(flag(repeated, start)).append('"');
            appendPrices(json, h + 0.5, -2.5, spoil);
            spoil = false;
            json.append(",\"timestamp\":\"").append(DashboardText.stamp(end)).append("\",\"interval\":")
                    .append(end.toEpochMilli()).append('}');
            first = false;
        }
        json.append("]}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code Y} on the repeated (standard-time) hour of the fall-back day, else {@code N}. */
    private static char flag(Window repeated, Instant start) {
        return repeated != null && repeated.contains(start) ? 'Y' : 'N';
    }

    /**
     * The fifteen prices at {@code hours} elapsed since local midnight: a daily curve between about
     * $10 and $60/MWh, each point a little apart from the others.
     */
    private static void appendPrices(StringBuilder json, double hours, double shift, boolean spoilFirst) {
        double base = 35 + shift + 22 * Math.sin(2 * Math.PI * (hours - 10) / 24) + 4 * Math.sin(hours * 1.7);
        for (int j = 0; j < PRICE_KEYS.size(); j++) {
            json.append(",\"").append(PRICE_KEYS.get(j)).append("\":");
            if (j == 0 && spoilFirst) {
                json.append("\"abc\"");
            } else {
                json.append(DashboardText.number(base + (j - 7) * 0.37));
            }
        }
    }
}
