/** Benchmarks of the ERCOT Public API paths: monthly bundle parsing, DuckDB bulk writes, the end-to-end backfill. */
package dev.pmp.bench.ercotapi;
