/** ERCOT battery (PWRSTR / ESR) revenue per resource and period from the 60-day disclosures and prices. */
package dev.pmp.analytics.bess;
