/** Parquet copies of the stored datasets, partitioned by dataset, year and month, rewritten only where they changed. */
package dev.pmp.lake;
