/** MISO on the simulator: the public real-time API and the hourly LMP market reports, with synthetic values. */
package dev.pmp.sim.miso;
