/** Reading OASIS answers: the zip container, its CSV reports and its XML error documents. */
package dev.pmp.source.caiso.oasis;
