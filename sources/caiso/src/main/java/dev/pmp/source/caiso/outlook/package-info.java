/** Reading the Today's Outlook CSVs, whose rows carry only a local {@code HH:MM}. */
package dev.pmp.source.caiso.outlook;
