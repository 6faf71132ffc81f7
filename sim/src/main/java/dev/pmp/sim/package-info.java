/** A loopback simulator of operator endpoints with fault injection, for {@code pmp demo}, end-to-end tests and benchmarks. */
package dev.pmp.sim;
