/** Elexon IRIS push client: receives IRIS messages over AMQP 1.0 and writes them through the engine's pipeline. */
package dev.pmp.push.iris;
