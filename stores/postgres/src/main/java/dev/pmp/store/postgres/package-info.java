/** The PostgreSQL (optionally TimescaleDB) {@link dev.pmp.spi.Store}: one schema per source, one table per dataset. */
package dev.pmp.store.postgres;
