/** ISO-NE on the simulator: the Web Services API (HTTP Basic) and ISO Express CSV downloads (session cookie). */
package dev.pmp.sim.isone;
