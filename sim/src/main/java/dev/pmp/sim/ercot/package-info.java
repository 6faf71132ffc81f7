/** ERCOT's energy-storage-resources dashboard, replayed from a recorded payload and shifted to the simulated day. */
package dev.pmp.sim.ercot;
