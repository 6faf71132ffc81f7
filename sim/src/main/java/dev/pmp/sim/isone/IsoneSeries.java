package dev.pmp.sim.isone;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The simulated ISO-NE values: deterministic functions of the interval start, so a test can compute what the
 * simulator served. Prices and loads have at most two decimals and are exact as text.
 */
public final class IsoneSeries {

    /** ISO-NE's market zone. */
    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    /** The LMP locations served: id, name, ISO-NE type. */
    public static final List<List<String>> LOCATIONS = List.of(
            List.of("4000", ".H.INTERNAL_HUB", "HUB"),
            List.of("4001", ".Z.MAINE", "LOAD ZONE"),
            List.of("4002", ".Z.NEWHAMPSHIRE", "LOAD ZONE"));

    private IsoneSeries() {
    }

    /** Hourly system load {@code Load} of the hour starting at {@code start}, MW. */
    public static String load(Instant start) {
        return decimal(11000 + hourIndex(start) % 97 * 37.25);
    }

    /** {@code NativeLoad}: load less the asset-related demand. */
    public static String nativeLoad(Instant start) {
        return decimal(Double.parseDouble(load(start)) - 250.25);
    }

    /** {@code ArdDemand}, MW. */
    public static String ardDemand() {
        return "250.25";
    }

    /** The energy component of every location's LMP in the hour starting at {@code start}, $/MWh. */
    public static String energy(Instant start) {
        return decimal(20 + hourIndex(start) % 50 * 0.75);
    }

    /** The congestion component at the {@code location}-th location. */
    public static String congestion(int location) {
        return decimal(location * 0.25);
    }

    /** The loss component at the {@code location}-th location. */
    public static String loss(int location) {
        return decimal(-location * 0.05);
    }

    /** The LMP: the sum of the components, at two decimals. */
    public static String lmp(Instant start, int location) {
        return decimal(Double.parseDouble(energy(start)) + Double.parseDouble(congestion(location))
                + Double.parseDouble(loss(location)));
    }

    /** Local midnight starting {@code day}. */
    public static Instant dayStart(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    private static long hourIndex(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 3600);
    }

    private static String decimal(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.equals("-0.00") ? "0.00" : s;
    }
}
