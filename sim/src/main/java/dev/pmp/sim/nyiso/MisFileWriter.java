package dev.pmp.sim.nyiso;

import dev.pmp.sim.SimRequest;
import dev.pmp.sim.nyiso.MisFileKind.Stamp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes one synthetic MIS daily file in the documented layout (spec §2): the intervals of the market day
 * in UTC order, stamped in local prevailing time (the fall-back hour twice, the spring-forward hour
 * absent), values derived from the instant and the location so every reader can check them. Stateless.
 */
final class MisFileWriter {

    static final ZoneId ZONE = ZoneId.of("America/New_York");

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm", Locale.ROOT);
    private static final Duration RTC_AHEAD = Duration.ofHours(1);

    private MisFileWriter() {
    }

    /**
     * The file of {@code kind} for {@code day} as served at {@code cutoff} (now minus the publication lag).
     *
     * @param request supplies the withheld windows and the variant
     */
    static byte[] write(MisFileKind kind, LocalDate day, Instant cutoff, SimRequest request) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append(header(kind)).append("\r\n");
        if (request.variant() == SimRequest.Variant.EMPTY_DATA) {
            return bytes(sb);
        }
        boolean spoil = request.variant() == SimRequest.Variant.NOT_A_NUMBER;
        Instant dayStart = day.atStartOfDay(ZONE).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(ZONE).toInstant();
        if (kind.layout == MisFileKind.Layout.FORECAST) {
            Instant until = day.plusDays(6).atStartOfDay(ZONE).toInstant();
            for (Instant t = dayStart; t.isBefore(until); t = t.plus(kind.cadence)) {
                if (!request.isWithheld(t)) {
                    forecast(sb, t, spoil);
                    spoil = false;
                }
            }
            return bytes(sb);
        }
        Instant lastEnd = null;
        for (Instant t = dayStart; t.isBefore(dayEnd); t = t.plus(kind.cadence)) {
            Instant published = kind.stamp == Stamp.INSTANT ? t : t.plus(kind.cadence);
            if (!kind.ahead && published.isAfter(cutoff)) {
                break;
            }
            lastEnd = t.plus(kind.cadence);
            if (request.isWithheld(t)) {
                continue;
            }
            Instant stamp = kind.stamp == Stamp.END ? t.plus(kind.cadence) : t;
            spoil = rows(sb, kind, stamp, spoil);
        }
        if (kind == MisFileKind.REALTIME_ZONE || kind == MisFileKind.REALTIME_GEN) {
            advisory(sb, kind, lastEnd == null ? dayStart : lastEnd, dayEnd);
        }
        return bytes(sb);
    }

    /** RTC 15-minute advisory rows for the hour after the newest RTD interval, on quarter hours, while the day lasts. */
    private static void advisory(StringBuilder sb, MisFileKind kind, Instant lastRtdEnd, Instant dayEnd) {
        if (!lastRtdEnd.isBefore(dayEnd)) {
            return;
        }
        long q = Math.floorDiv(lastRtdEnd.getEpochSecond(), 900) * 900 + 900;
        for (Instant end = Instant.ofEpochSecond(q); !end.isAfter(dayEnd) && !end.isAfter(lastRtdEnd.plus(RTC_AHEAD));
                end = end.plusSeconds(900)) {
            rows(sb, kind, end, false);
        }
    }

    private static String header(MisFileKind kind) {
        return switch (kind.layout) {
            case LBMP -> "\"Time Stamp\",\"Name\",\"PTID\",\"LBMP ($/MWHr)\",\"Marginal Cost Losses ($/MWHr)\","
                    + "\"Marginal Cost Congestion ($/MWHr)\"";
            case DAY_AHEAD_RESERVES -> "Time Stamp,Time Zone,Name,PTID,10 Min Spinning Reserve ($/MWHr),"
                    + "10 Min Non-Synchronous Reserve ($/MWHr),30 Min Operating Reserve ($/MWHr),"
                    + "NYCA Regulation Capacity ($/MWHr)";
            case REAL_TIME_RESERVES -> "Time Stamp,Time Zone,Name,PTID,10 Min Spinning Reserve ($/MWHr),"
                    + "10 Min Non-Synchronous Reserve ($/MWHr),30 Min Operating Reserve ($/MWHr),"
                    + "NYCA Regulation Capacity ($/MWHr),NYCA Regulation Movement ($/MW)";
            case LOAD -> "\"Time Stamp\",\"Time Zone\",\"Name\",\"PTID\",\"Load\"";
            case FORECAST -> "\"Time Stamp\",\"Capitl\",\"Centrl\",\"Dunwod\",\"Genese\",\"Hud Vl\",\"Longil\","
                    + "\"Mhk Vl\",\"Millwd\",\"N.Y.C.\",\"North\",\"West\",\"NYISO\"";
            case FUEL -> "Time Stamp,Time Zone,Fuel Category,Gen MW";
        };
    }

    /** The rows of one stamp, one per name; returns whether the spoiled value is still to be written. */
    private static boolean rows(StringBuilder sb, MisFileKind kind, Instant stamp, boolean spoil) {
        ZonedDateTime local = stamp.atZone(ZONE);
        String ts = SECONDS.format(local);
        String tz = ZONE.getRules().isDaylightSavings(stamp) ? "EDT" : "EST";
        List<String> names = kind.names();
        long minute = stamp.getEpochSecond() / 60;
        for (int n = 0; n < names.size(); n++) {
            String first = spoil ? "N/A" : null;
            spoil = false;
            switch (kind.layout) {
                case LBMP -> sb.append('"').append(ts).append("\",\"").append(names.get(n)).append("\",")
                        .append(ptid(n)).append(',').append(first != null ? first : price(minute, n)).append(',')
                        .append(money(1 + n * 0.11)).append(',').append(money(n % 3 == 0 ? 0 : -2.5 - n))
                        .append("\r\n");
                case DAY_AHEAD_RESERVES, REAL_TIME_RESERVES -> {
                    sb.append(ts).append(',').append(tz).append(',').append(names.get(n)).append(',').append(ptid(n))
                            .append(',').append(first != null ? first : price(minute, n)).append(',')
                            .append(money(3.5 + n)).append(',').append(money(1 + n * 0.5)).append(',')
                            .append(money(9 + (minute % 13)));
                    if (kind.layout == MisFileKind.Layout.REAL_TIME_RESERVES) {
                        sb.append(',').append(money(0.25));
                    }
                    sb.append("\r\n");
                }
                case LOAD -> sb.append('"').append(ts).append("\",\"").append(tz).append("\",\"").append(names.get(n))
                        .append("\",").append(ptid(n)).append(',')
                        .append(first != null ? first : String.format(Locale.ROOT, "%.1f", 500 + n * 90 + minute % 211 * 0.5))
                        .append("\r\n");
                case FUEL -> sb.append(ts).append(',').append(tz).append(',').append(names.get(n)).append(',')
                        .append(first != null ? first : String.format(Locale.ROOT, "%.1f", 800.0 + n * 400 + minute % 97))
                        .append("\r\n");
                case FORECAST -> throw new IllegalStateException("the forecast is wide; see forecast()");
            }
        }
        return spoil;
    }

    private static void forecast(StringBuilder sb, Instant t, boolean spoil) {
        sb.append('"').append(MINUTES.format(t.atZone(ZONE))).append('"');
        long hour = t.getEpochSecond() / 3600;
        int total = 0;
        for (int z = 0; z < 11; z++) {
            int v = 500 + z * 150 + (int) (hour % 24) * 20;
            total += v;
            sb.append(',').append(spoil && z == 0 ? "N/A" : Integer.toString(v));
        }
        sb.append(',').append(total).append('\n');
    }

    /** The PTID of the {@code n}th name: 61752 onwards, as NYISO's zone ids. */
    static long ptid(int n) {
        return 61752 + n;
    }

    /** The LBMP of a location at a minute: 20.00 ... 55.52 $/MWh in steps of 0.37. */
    static String price(long minute, int n) {
        return money(20 + ((minute / 5 + n * 7) % 97) * 0.37);
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static byte[] bytes(StringBuilder sb) {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
