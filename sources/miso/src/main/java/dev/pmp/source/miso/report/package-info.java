/** MISO market-report files ({@code docs.misoenergy.org/marketreports}): hourly LMP CSVs per market day. */
package dev.pmp.source.miso.report;
