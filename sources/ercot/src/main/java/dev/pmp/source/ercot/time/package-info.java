/** ERCOT's time labels (hour ending, delivery interval, time ending, SCED stamps) turned into UTC instants. */
package dev.pmp.source.ercot.time;
