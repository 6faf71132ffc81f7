/** The embedded DuckDB {@link dev.pmp.spi.Store}: one file, one schema per source, one table per dataset. */
package dev.pmp.store.duckdb;
