/** CAISO (California) datasets: OASIS SingleZip reports and the Today's Outlook CSVs. */
package dev.pmp.source.caiso;
