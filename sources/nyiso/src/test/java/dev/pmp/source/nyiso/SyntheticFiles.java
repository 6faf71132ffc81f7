package dev.pmp.source.nyiso;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Daily MIS files synthesised from the documented layouts (spec §2) for days no recording covers: every
 * interval of the market day in UTC order, stamped in local prevailing time the way the spec says each file
 * labels it, with values derived from the row's position.
 */
final class SyntheticFiles {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm", Locale.ROOT);

    static final String LBMP_HEADER = "\"Time Stamp\",\"Name\",\"PTID\",\"LBMP ($/MWHr)\","
            + "\"Marginal Cost Losses ($/MWHr)\",\"Marginal Cost Congestion ($/MWHr)\"";
    static final String DAMASP_HEADER = "Time Stamp,Time Zone,Name,PTID,10 Min Spinning Reserve ($/MWHr),"
            + "10 Min Non-Synchronous Reserve ($/MWHr),30 Min Operating Reserve ($/MWHr),NYCA Regulation Capacity ($/MWHr)";
    static final String RTASP_HEADER = DAMASP_HEADER + ",NYCA Regulation Movement ($/MW)";
    static final String PAL_HEADER = "\"Time Stamp\",\"Time Zone\",\"Name\",\"PTID\",\"Load\"";
    static final String FUEL_HEADER = "Time Stamp,Time Zone,Fuel Category,Gen MW";
    static final String ISOLF_HEADER = "\"Time Stamp\",\"Capitl\",\"Centrl\",\"Dunwod\",\"Genese\",\"Hud Vl\","
            + "\"Longil\",\"Mhk Vl\",\"Millwd\",\"N.Y.C.\",\"North\",\"West\",\"NYISO\"";

    private SyntheticFiles() {
    }

    /** How a file stamps an interval. */
    enum Stamp {
        START, END
    }

    /** The stamps of a day: each interval's start or end (or each sample), as zoned times, in UTC order. */
    static List<ZonedDateTime> stamps(LocalDate day, Duration step, Stamp stamp) {
        List<ZonedDateTime> out = new ArrayList<>();
        Instant end = day.plusDays(1).atStartOfDay(ZONE).toInstant();
        for (Instant t = day.atStartOfDay(ZONE).toInstant(); t.isBefore(end); t = t.plus(step)) {
            out.add((stamp == Stamp.START ? t : t.plus(step)).atZone(ZONE));
        }
        return out;
    }

    static String stamp(ZonedDateTime t) {
        return STAMP.format(t);
    }

    static String zone(ZonedDateTime t) {
        return ZONE.getRules().isDaylightSavings(t.toInstant()) ? "EDT" : "EST";
    }

    /** An LBMP file ({@code damlbmp}, {@code realtime}, {@code rtlbmp}) for the named locations. */
    static String lbmp(LocalDate day, Duration step, Stamp stamp, List<String> names) {
        StringBuilder sb = new StringBuilder(LBMP_HEADER).append("\r\n");
        int i = 0;
        for (ZonedDateTime t : stamps(day, step, stamp)) {
            for (int n = 0; n < names.size(); n++, i++) {
                sb.append('"').append(stamp(t)).append("\",\"").append(names.get(n)).append("\",").append(61752 + n)
                        .append(',').append(price(i)).append(',').append("1.25").append(',').append("-2.50")
                        .append("\r\n");
            }
        }
        return sb.toString();
    }

    /** {@code damasp} ({@code realTime} false, hour start) or {@code rtasp} (5-minute interval end). */
    static String reserves(LocalDate day, boolean realTime, List<String> regions) {
        StringBuilder sb = new StringBuilder(realTime ? RTASP_HEADER : DAMASP_HEADER).append("\r\n");
        int i = 0;
        for (ZonedDateTime t : stamps(day, realTime ? Duration.ofMinutes(5) : Duration.ofHours(1),
                realTime ? Stamp.END : Stamp.START)) {
            for (int n = 0; n < regions.size(); n++, i++) {
                sb.append(stamp(t)).append(',').append(zone(t)).append(',').append(regions.get(n)).append(',')
                        .append(61752 + n).append(",5.00,3.50,1.00,").append(price(i));
                if (realTime) {
                    sb.append(",0.25");
                }
                sb.append("\r\n");
            }
        }
        return sb.toString();
    }

    /** {@code pal}: a reading per zone at every 5-minute mark of the day, 00:00 included. */
    static String actualLoad(LocalDate day, List<String> zones) {
        StringBuilder sb = new StringBuilder(PAL_HEADER).append("\r\n");
        int i = 0;
        for (ZonedDateTime t : stamps(day, Duration.ofMinutes(5), Stamp.START)) {
            for (int n = 0; n < zones.size(); n++, i++) {
                sb.append('"').append(stamp(t)).append("\",\"").append(zone(t)).append("\",\"").append(zones.get(n))
                        .append("\",").append(61752 + n).append(',').append(1000 + i % 500).append(".5\r\n");
            }
        }
        return sb.toString();
    }

    /** {@code rtfuelmix}: a reading per fuel at every 5-minute mark of the day. */
    static String fuelMix(LocalDate day, List<String> fuels) {
        StringBuilder sb = new StringBuilder(FUEL_HEADER).append("\r\n");
        int i = 0;
        for (ZonedDateTime t : stamps(day, Duration.ofMinutes(5), Stamp.START)) {
            for (int n = 0; n < fuels.size(); n++, i++) {
                sb.append(stamp(t)).append(',').append(zone(t)).append(',').append(fuels.get(n)).append(',')
                        .append(2000 + i % 700).append(".0\r\n");
            }
        }
        return sb.toString();
    }

    /** {@code isolf} for the hours of its own day only, no time zone column. */
    static String loadForecast(LocalDate day) {
        StringBuilder sb = new StringBuilder(ISOLF_HEADER).append('\n');
        int i = 0;
        for (ZonedDateTime t : stamps(day, Duration.ofHours(1), Stamp.START)) {
            sb.append('"').append(MINUTES.format(t)).append('"');
            for (int z = 0; z < 12; z++, i++) {
                sb.append(',').append(1000 + i);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String price(int i) {
        return String.format(Locale.ROOT, "%.2f", 20 + (i % 97) * 0.37);
    }
}
