/** The pmp command line, daemon and the one place that wires engine, sources and stores together. */
package dev.pmp.app;
