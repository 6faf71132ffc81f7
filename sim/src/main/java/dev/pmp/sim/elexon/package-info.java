/** Elexon's BMRS Insights API on the simulator: generated rows in the documented shapes. */
package dev.pmp.sim.elexon;
