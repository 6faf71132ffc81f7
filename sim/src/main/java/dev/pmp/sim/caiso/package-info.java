/** CAISO on the simulator: OASIS SingleZip reports and the Today's Outlook history CSVs. */
package dev.pmp.sim.caiso;
