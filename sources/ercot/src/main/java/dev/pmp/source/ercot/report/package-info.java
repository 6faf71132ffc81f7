/** ERCOT report files (archive CSV and Public API JSON pages) parsed into rows; not yet served as datasets. */
package dev.pmp.source.ercot.report;
