/** Shared test code: the store contract, an in-memory store, a manual clock and a fixture HTTP server. */
package dev.pmp.testkit;
