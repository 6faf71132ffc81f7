/** JMH benchmarks of the NYISO source's parsers. */
package dev.pmp.bench.nyiso;
