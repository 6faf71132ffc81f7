package dev.pmp.sim.ercot;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The values of one five-minute sample of ERCOT's energy-storage-resources dashboard, in MW, exactly as
 * written in the recorded payload (at most three decimals). ERCOT rounds each value on its own, so
 * {@code netOutput} can differ from {@code totalDischarging + totalCharging} by 0.001; the simulator
 * serves ERCOT's own numbers.
 *
 * @param totalCharging sum of ESR charging, negative by ERCOT's sign convention
 * @param totalDischarging sum of ESR discharging, zero or positive
 * @param netOutput ERCOT's net output as recorded
 */
public record EsrValues(BigDecimal totalCharging, BigDecimal totalDischarging, BigDecimal netOutput) {

    public EsrValues {
        Objects.requireNonNull(totalCharging, "totalCharging");
        Objects.requireNonNull(totalDischarging, "totalDischarging");
        Objects.requireNonNull(netOutput, "netOutput");
    }
}
