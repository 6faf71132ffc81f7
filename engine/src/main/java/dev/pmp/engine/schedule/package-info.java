/** Runs every enabled dataset at its interval marks, read from an injected clock. */
package dev.pmp.engine.schedule;
