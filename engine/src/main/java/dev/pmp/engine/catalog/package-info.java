/** The datasets of every source found on the class path. */
package dev.pmp.engine.catalog;
