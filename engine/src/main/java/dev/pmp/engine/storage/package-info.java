/** Decorators of the store contract the engine needs when several threads share one store. */
package dev.pmp.engine.storage;
