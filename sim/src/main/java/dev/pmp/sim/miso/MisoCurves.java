package dev.pmp.sim.miso;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Deterministic synthetic values for the MISO endpoints: daily curves of load, capacity and price, so the
 * same instant always gives the same number and tests can predict what is served. Stateless.
 */
final class MisoCurves {

    /** MISO labels every time in EST, UTC−05:00 all year. */
    static final ZoneOffset EST = ZoneOffset.ofHours(-5);

    /** The hourly-report nodes of the recorded 2026-10-01 file, with their MISO {@code Type}. */
    static final List<String[]> REPORT_NODES = List.of(new String[] {"AECI", "Interface"},
            new String[] {"ALTE.ALTE", "Loadzone"}, new String[] {"ARKANSAS.HUB", "Hub"},
            new String[] {"CIN.PSI", "Loadzone"}, new String[] {"ILLINOIS.HUB", "Hub"},
            new String[] {"INDIANA.HUB", "Hub"}, new String[] {"LEPA.LEPA", "Loadzone"},
            new String[] {"LGEE", "Interface"}, new String[] {"LOUISIANA.HUB", "Hub"},
            new String[] {"MGE.AZ", "Hub"}, new String[] {"MHEB", "Interface"}, new String[] {"MICHIGAN.HUB", "Hub"},
            new String[] {"MINN.HUB", "Hub"}, new String[] {"MS.HUB", "Hub"}, new String[] {"ONT", "Interface"},
            new String[] {"PJMC", "Interface"}, new String[] {"SOCO", "Interface"}, new String[] {"SWPP", "Interface"},
            new String[] {"TEXAS.HUB", "Hub"}, new String[] {"TVA", "Interface"}, new String[] {"WEC.AZ", "Hub"},
            new String[] {"WPS.AZ", "Hub"});

    /** The commercial pricing nodes of the 5-minute ex-post answer: MISO's eight hubs and three others. */
    static final List<String> FIVE_MINUTE_NODES = List.of("AMIL.RICHLAND", "ARKANSAS.HUB", "ILLINOIS.HUB",
            "INDIANA.HUB", "LOUISIANA.HUB", "MICHIGAN.HUB", "MINN.HUB", "MS.HUB", "SWPP", "TEXAS.HUB", "WEC.AZ");

    /** The fuel categories of {@code FuelMix}, in MISO's order. */
    static final List<String> FUELS = List.of("Coal", "Natural Gas", "Nuclear", "Wind", "Solar", "Battery Storage",
            "Other", "Imports");

    private MisoCurves() {
    }

    /** Hours since midnight EST, fractional. */
    private static double hourOfDay(Instant t) {
        return Math.floorMod(t.getEpochSecond() + EST.getTotalSeconds(), 86_400L) / 3600.0;
    }

    /** System load in whole MW: a daily curve peaking at 17:00 EST. */
    static long load(Instant t) {
        return Math.round(74_000 + 9_000 * Math.sin((hourOfDay(t) - 11) / 24 * 2 * Math.PI));
    }

    /** Committed capacity in whole MW, always above load. */
    static long committed(Instant t) {
        return load(t) + 9_000 + Math.floorMod(t.getEpochSecond() / 900, 7) * 100;
    }

    /** Available capacity of a forecast, above the committed forecast. */
    static long available(Instant t) {
        return committed(t) + 2_500;
    }

    /** A fuel's output in whole MW; the fuels sum to {@link #load}. */
    static long fuel(int index, Instant t) {
        long total = load(t);
        long[] shares = {30, 36, 12, 6, 10, 1, 3};
        if (index < shares.length) {
            return total * shares[index] / 100;
        }
        long sum = 0;
        for (long s : shares) {
            sum += total * s / 100;
        }
        return total - sum;
    }

    /** A price component in cents, for a node index, an hour start and a component (0 LMP, 1 MCC, 2 MLC). */
    static long cents(int node, Instant t, int component) {
        double h = hourOfDay(t);
        return switch (component) {
            case 0 -> Math.round(100 * (30 + 12 * Math.sin((h - 12) / 24 * 2 * Math.PI) + node * 0.37));
            case 1 -> Math.round(100 * (((node * 7) % 11) - 5) * 0.61);
            default -> Math.round(100 * (((node * 3) % 5) - 2) * 0.29);
        };
    }

    /** An AS clearing price in cents for a product index and reserve zone. */
    static long mcpCents(int product, int zone, Instant t) {
        return Math.round(100 * (product < 3 ? 17.53 / (product + 1) : 0.2 * (product % 3)) + zone - 1
                + Math.floorMod(t.getEpochSecond() / 300, 5));
    }

    /** Cents as MISO writes them: {@code 27.17}, {@code .61}, {@code -.79}, {@code 0}. */
    static String reportNumber(long cents) {
        if (cents == 0) {
            return "0";
        }
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        String whole = abs / 100 == 0 ? "" : Long.toString(abs / 100);
        long frac = abs % 100;
        if (frac == 0) {
            return sign + (whole.isEmpty() ? "0" : whole);
        }
        String f = String.format("%02d", frac);
        if (f.endsWith("0")) {
            f = f.substring(0, 1);
        }
        return sign + whole + "." + f;
    }

    /** Cents with two decimals, as the public API writes them ({@code "17.53"}, {@code "0.00"}). */
    static String apiNumber(long cents) {
        return (cents < 0 ? "-" : "") + Math.abs(cents) / 100 + "." + String.format("%02d", Math.abs(cents) % 100);
    }

    /** The EST market day holding {@code t}. */
    static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, EST);
    }

    /** 00:00 EST of {@code day}. */
    static Instant start(LocalDate day) {
        return day.atStartOfDay().toInstant(EST);
    }
}
