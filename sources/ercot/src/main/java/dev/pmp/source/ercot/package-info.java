/** ERCOT (Texas) datasets: the public dashboard feeds, read with a streaming JSON parser. */
package dev.pmp.source.ercot;
