package dev.pmp.sim.caiso;

import java.time.Instant;

/**
 * The simulator's CAISO numbers: deterministic functions of the node and the interval, exact binary
 * fractions so that LMP = energy + congestion + loss + GHG holds exactly. Tests compare stored rows with
 * these.
 */
public final class SimPrices {
    private SimPrices() {
    }

    private static int slot(Instant start) {
        return (int) Math.floorMod(start.getEpochSecond() / 300, 40);
    }

    /** Energy component, $/MWh. */
    public static double energy(int node, Instant start) {
        return 30 + slot(start) * 0.25 + node;
    }

    /** Congestion component, $/MWh. */
    public static double congestion(int node, Instant start) {
        return 0.0 - 0.125 * (node % 5);
    }

    /** Loss component, $/MWh. */
    public static double loss(int node, Instant start) {
        return 0.03125 * (slot(start) % 7) - 0.0625 * (node % 3);
    }

    /** GHG component, $/MWh. */
    public static double ghg(int node, Instant start) {
        return slot(start) % 2 == 0 ? 0.25 : 0;
    }

    /** The LMP: the sum of the components. */
    public static double lmp(int node, Instant start) {
        return energy(node, start) + congestion(node, start) + loss(node, start) + ghg(node, start);
    }

    /** An ancillary service price, $/MW. */
    public static double ancillary(int region, int product, Instant start) {
        return 2 + slot(start) * 0.5 + region + product * 0.25;
    }

    /** A load (actual or forecast), MW. */
    public static double load(int area, int vintage, Instant start) {
        return 20_000 + 10 * slot(start) + 1_000 * area + vintage;
    }

    /** A fuel's generation, MW (Batteries, fuel 10, negative). */
    public static double fuel(int fuel, Instant start) {
        double mw = 100 * fuel + slot(start);
        return fuel == 10 ? -mw : mw;
    }

    /** System demand, MW. */
    public static double demand(Instant start) {
        return 25_000 + 5 * slot(start);
    }
}
