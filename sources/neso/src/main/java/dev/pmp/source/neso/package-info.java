/** NESO: the GB system operator's CKAN data portal and the Carbon Intensity API. */
package dev.pmp.source.neso;
