/** The completeness ledger: the expected grid of a dataset and the gaps in it. */
package dev.pmp.engine.ledger;
