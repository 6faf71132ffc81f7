/** Benchmarks of the hot paths: the daemon update tick (JMH) and the cold pmp update process. */
package dev.pmp.bench;
