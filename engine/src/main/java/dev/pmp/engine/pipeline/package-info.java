/** One pass over a dataset: plan, fetch, archive, parse, validate, write, notify. */
package dev.pmp.engine.pipeline;
