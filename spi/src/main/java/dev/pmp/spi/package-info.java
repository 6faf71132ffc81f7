/** Contracts between the pmp engine and its plugins (sources, stores); depends on the JDK only. */
package dev.pmp.spi;
