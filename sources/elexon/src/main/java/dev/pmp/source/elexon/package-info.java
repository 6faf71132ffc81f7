/** Elexon BMRS Insights API: the dataset catalogue, its request builder and its streaming JSON parser. */
package dev.pmp.source.elexon;
