package dev.pmp.sim;

import java.time.Duration;
import java.util.List;

/** The operator endpoints a simulator serves besides the ERCOT dashboards, by default. */
final class SimEndpoints {

    private SimEndpoints() {
    }

    static List<SimEndpoint> standard() {
        return List.of(
                new dev.pmp.sim.ercotapi.ErcotApiEndpoint(),
                new dev.pmp.sim.caiso.CaisoEndpoint(),
                new dev.pmp.sim.nyiso.MisEndpoint(),
                new dev.pmp.sim.isone.IsoneEndpoint(),
                new dev.pmp.sim.miso.MisoEndpoint(),
                new dev.pmp.sim.elexon.InsightsEndpoint(Duration.ofMinutes(1)),
                new dev.pmp.sim.neso.NesoEndpoint());
    }
}
