/** The Kafka notifier: pmp's events on a Kafka topic. */
package dev.pmp.notify.kafka;
