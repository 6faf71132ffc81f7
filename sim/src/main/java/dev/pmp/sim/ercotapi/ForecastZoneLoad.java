package dev.pmp.sim.ercotapi;

import java.util.List;

/** NP6-346-CD actual system load by forecast zone (columns of README section 3.7; no recorded sample). */
final class ForecastZoneLoad extends ZoneLoad {

    ForecastZoneLoad() {
        super("np6-346-cd", "act_sys_load_by_fzn", 2_500_000_000L, "00014836", "ACTSYSLDFZNNP6346_");
    }

    @Override
    List<String> zones() {
        return List.of("NORTH", "SOUTH", "WEST", "HOUSTON");
    }

    @Override
    double[] typical() {
        return new double[] {21500.0, 13200.0, 9400.0, 16300.0};
    }

    @Override
    List<String> fields() {
        return List.of("operatingDay", "hourEnding", "north", "south", "west", "houston", "total", "DSTFlag");
    }
}
