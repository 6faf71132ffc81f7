/** ERCOT's dashboards: energy-storage-resources replayed from a recorded payload, system-wide-prices and fuel-mix synthetic, all shifted to the simulated day. */
package dev.pmp.sim.ercot;
