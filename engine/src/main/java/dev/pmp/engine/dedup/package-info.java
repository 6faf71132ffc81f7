/** The content-hash registry several collectors share so that each payload is ingested once. */
package dev.pmp.engine.dedup;
