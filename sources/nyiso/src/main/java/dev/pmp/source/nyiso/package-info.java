/** NYISO, the New York grid operator: datasets read from the static CSV files of its MIS server. */
package dev.pmp.source.nyiso;
