package dev.pmp.sim;

import java.util.List;

/** The operator endpoints a simulator serves besides the ERCOT dashboards, by default. */
final class SimEndpoints {

    private SimEndpoints() {
    }

    static List<SimEndpoint> standard() {
        return List.of();
    }
}
