package dev.pmp.sim.ercotapi;

import java.util.List;

/** NP6-345-CD actual system load by weather zone (recorded sample {@code archive/np6-345-cd.csv}). */
final class WeatherZoneLoad extends ZoneLoad {

    WeatherZoneLoad() {
        super("np6-345-cd", "act_sys_load_by_wzn", 2_400_000_000L, "00013101", "ACTSYSLDWZNNP6345_");
    }

    @Override
    List<String> zones() {
        return List.of("COAST", "EAST", "FAR_WEST", "NORTH", "NORTH_C", "SOUTHERN", "SOUTH_C", "WEST");
    }

    @Override
    double[] typical() {
        return new double[] {15634.67, 1931.13, 7675.68, 1686.86, 16704.14, 5028.49, 9970.70, 1840.18};
    }

    @Override
    List<String> fields() {
        return List.of("operatingDay", "hourEnding", "coast", "east", "farWest", "north", "northC", "southern", "southC",
                "west", "total", "DSTFlag");
    }
}
