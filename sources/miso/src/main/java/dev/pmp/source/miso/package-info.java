/** MISO datasets: the public real-time API (CSAT, fuel mix, load, prices) and the daily market reports. */
package dev.pmp.source.miso;
