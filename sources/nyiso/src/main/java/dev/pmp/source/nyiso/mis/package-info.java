/** Byte-level reading of NYISO MIS daily CSV files and their monthly zip archives. */
package dev.pmp.source.nyiso.mis;
