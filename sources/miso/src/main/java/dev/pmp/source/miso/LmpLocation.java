package dev.pmp.source.miso;

import java.util.Locale;

/** Location types of MISO pricing nodes, as the standard LMP table names them. Stateless. */
public final class LmpLocation {

    private LmpLocation() {
    }

    /** Whether a node without a published type is a trading hub ({@code ARKANSAS.HUB}, {@code MINN.HUB}). */
    static boolean isHubName(String node) {
        return node.endsWith(".HUB");
    }

    /**
     * The standard {@code location_type} of a market-report {@code Type}: Hub, Loadzone, Interface, Gennode.
     *
     * @return the type, or null for a type MISO did not publish before
     */
    public static String ofReportType(String type) {
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "hub" -> "hub";
            case "loadzone" -> "load_zone";
            case "interface" -> "interface";
            case "gennode" -> "node";
            default -> null;
        };
    }

    /** {@code lmp − congestion − loss}, rounded to 1e-6 $/MWh so float noise does not show. */
    public static double energy(double lmp, double congestion, double loss) {
        return Math.round((lmp - congestion - loss) * 1e6) / 1e6;
    }
}
