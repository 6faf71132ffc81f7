/** ERCOT Public API (api.ercot.com) feeds: query pages, archive documents, monthly bundles, 60-day disclosures. */
package dev.pmp.source.ercot.api;
