/** The pmp runtime: everything a plugin must not do itself. */
package dev.pmp.engine;
