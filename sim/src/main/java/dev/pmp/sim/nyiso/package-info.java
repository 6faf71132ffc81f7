/** NYISO's MIS server on the simulator: daily CSV files and monthly zip archives, synthesised. */
package dev.pmp.sim.nyiso;
