/** The fetch path: HTTP with gzip, failure classification, retries with backoff and per-source request budgets. */
package dev.pmp.engine.http;
