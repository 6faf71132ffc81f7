/** ISO New England: Web Services API v1.1 and ISO Express CSV feeds, pure and without I/O. */
package dev.pmp.source.isone;
