/** Benchmarks of the Elexon Insights parser. */
package dev.pmp.bench.elexon;
