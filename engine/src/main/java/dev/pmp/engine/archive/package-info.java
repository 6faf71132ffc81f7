/** The raw-payload archive: every distinct payload kept once, gzip, by fetch time and sha256. */
package dev.pmp.engine.archive;
