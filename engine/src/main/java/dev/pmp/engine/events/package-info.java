/** Notifications: events made from passes, kept in the store's outbox, relayed to Kafka or a webhook. */
package dev.pmp.engine.events;
