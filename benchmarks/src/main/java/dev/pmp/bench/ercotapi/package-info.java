/** Benchmarks of the ERCOT Public API paths: monthly bundle backfill parsing. */
package dev.pmp.bench.ercotapi;
