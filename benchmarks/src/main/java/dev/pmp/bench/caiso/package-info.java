/** Benchmarks of the CAISO source's hot path: parsing an all-node OASIS real-time LMP zip. */
package dev.pmp.bench.caiso;
