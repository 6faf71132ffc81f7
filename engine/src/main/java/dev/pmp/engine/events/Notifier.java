package dev.pmp.engine.events;

import dev.pmp.spi.Event;
import java.io.IOException;
import java.util.List;

/**
 * Delivers events somewhere (Kafka, a webhook). Delivery is at least once: after a failure the relay sends
 * the same events again, each carrying its outbox {@code seq} so receivers can drop repeats.
 */
public interface Notifier extends AutoCloseable {

    /** A short name for logs ({@code kafka}, {@code webhook}). */
    String name();

    /**
     * Delivers the events in order, returning only once the receiver has them.
     *
     * @throws IOException when the receiver is unreachable or refuses; nothing is then taken as delivered
     */
    void send(List<Event> events) throws IOException;

    @Override
    default void close() {
    }

    /** The event as sent: its payload with {@code "seq"} first. */
    static String message(Event e) {
        String p = e.payload().strip();
        return "{\"seq\":" + e.seq() + (p.equals("{}") ? "}" : "," + p.substring(1));
    }
}
