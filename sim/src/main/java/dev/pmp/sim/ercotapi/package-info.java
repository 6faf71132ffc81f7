/** A fake of ERCOT's Public API (api.ercot.com public-reports) for the simulator: NP6-905-CD query, archive, bundles. */
package dev.pmp.sim.ercotapi;
