/** The simulated NESO data portal (CKAN) and Carbon Intensity API. */
package dev.pmp.sim.neso;
