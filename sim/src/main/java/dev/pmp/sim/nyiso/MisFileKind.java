package dev.pmp.sim.nyiso;

import java.time.Duration;
import java.util.List;

/**
 * The MIS files the simulator serves, with the layout NYISO documents for each (pmp spec
 * {@code sources/nyiso/README.md} §1-§2): folder, file name, what the stamp means, cadence, whether a
 * {@code Time Zone} column is present, and when a day's file exists.
 */
enum MisFileKind {
    DAMLBMP_ZONE("damlbmp", "damlbmp_zone", Stamp.START, 60, Layout.LBMP, true),
    DAMLBMP_GEN("damlbmp", "damlbmp_gen", Stamp.START, 60, Layout.LBMP, true),
    REALTIME_ZONE("realtime", "realtime_zone", Stamp.END, 5, Layout.LBMP, false),
    REALTIME_GEN("realtime", "realtime_gen", Stamp.END, 5, Layout.LBMP, false),
    RTLBMP_ZONE("rtlbmp", "rtlbmp_zone", Stamp.START, 60, Layout.LBMP, false),
    RTLBMP_GEN("rtlbmp", "rtlbmp_gen", Stamp.START, 60, Layout.LBMP, false),
    DAMASP("damasp", "damasp", Stamp.START, 60, Layout.DAY_AHEAD_RESERVES, true),
    RTASP("rtasp", "rtasp", Stamp.END, 5, Layout.REAL_TIME_RESERVES, false),
    PAL("pal", "pal", Stamp.INSTANT, 5, Layout.LOAD, false),
    ISOLF("isolf", "isolf", Stamp.START, 60, Layout.FORECAST, true),
    RTFUELMIX("rtfuelmix", "rtfuelmix", Stamp.INSTANT, 5, Layout.FUEL, false);

    /** What a stamp means. */
    enum Stamp {
        START, END, INSTANT
    }

    /** The column layout. */
    enum Layout {
        LBMP, DAY_AHEAD_RESERVES, REAL_TIME_RESERVES, LOAD, FORECAST, FUEL
    }

    static final List<String> ZONES = List.of("CAPITL", "CENTRL", "DUNWOD", "GENESE", "HUD VL", "LONGIL", "MHK VL",
            "MILLWD", "N.Y.C.", "NORTH", "WEST");
    static final List<String> EXTERNALS = List.of("H Q", "NPX", "O H", "PJM");
    static final List<String> GENERATORS = List.of("NYISO_LBMP_REFERENCE", "ASTORIA___GT_2_1", "BOWLINE___1",
            "ROSETON___1");
    static final List<String> RESERVE_REGIONS = List.of("EAST", "SENY", "WEST", "NYC", "LONG ISLAND");
    static final List<String> FUELS = List.of("Dual Fuel", "Hydro", "Natural Gas", "Nuclear", "Other Fossil Fuels",
            "Other Renewables", "Wind");

    final String directory;
    final String fileName;
    final Stamp stamp;
    final Duration cadence;
    final Layout layout;
    /** Whether the whole day is published ahead (day-ahead market, forecast) rather than as it happens. */
    final boolean ahead;

    MisFileKind(String directory, String fileName, Stamp stamp, int minutes, Layout layout, boolean ahead) {
        this.directory = directory;
        this.fileName = fileName;
        this.stamp = stamp;
        this.cadence = Duration.ofMinutes(minutes);
        this.layout = layout;
        this.ahead = ahead;
    }

    /** The locations (or regions, fuels) of one file, in the order rows list them per stamp. */
    List<String> names() {
        return switch (layout) {
            case LBMP -> fileName.endsWith("_gen") ? GENERATORS
                    : java.util.stream.Stream.concat(ZONES.stream(), EXTERNALS.stream()).toList();
            case DAY_AHEAD_RESERVES, REAL_TIME_RESERVES -> RESERVE_REGIONS;
            case LOAD -> ZONES;
            case FORECAST -> List.of();
            case FUEL -> FUELS;
        };
    }

    /** The kind served under {@code directory} with {@code fileName}, or null. */
    static MisFileKind of(String directory, String fileName) {
        for (MisFileKind k : values()) {
            if (k.directory.equals(directory) && k.fileName.equals(fileName)) {
                return k;
            }
        }
        return null;
    }
}
