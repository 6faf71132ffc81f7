package dev.pmp.engine.events;

import dev.pmp.spi.Event;
import dev.pmp.spi.Store;
import dev.pmp.spi.StoreException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Moves events from the store's outbox to the notifiers: the oldest pending first, in batches, marked
 * delivered only when every notifier has taken the batch. A failing notifier makes the relay wait (doubling
 * from 5 s up to 5 min) before it tries again; collection never waits for it. Runs on the thread that owns the
 * store.
 */
public final class OutboxRelay {

    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());
    private static final int BATCH = 500;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(5);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    private final Store store;
    private final List<Notifier> notifiers;
    private final Clock clock;
    private Instant nextTry = Instant.MIN;
    private Duration wait = FIRST_WAIT;
    private String lastProblem = "";

    public OutboxRelay(Store store, List<Notifier> notifiers, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.notifiers = List.copyOf(notifiers);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether any notifier is configured (without one, no events are kept). */
    public boolean active() {
        return !notifiers.isEmpty();
    }

    /** Keeps events in the outbox for delivery; a no-op without notifiers. */
    public void enqueue(List<Event> events) throws StoreException {
        if (active() && !events.isEmpty()) {
            store.appendEvents(events);
        }
    }

    /**
     * Delivers what is pending, unless waiting after a failure.
     *
     * @return the number of events delivered
     */
    public int relay() throws StoreException {
        if (!active() || clock.instant().isBefore(nextTry)) {
            return 0;
        }
        int delivered = 0;
        while (true) {
            List<Event> pending = store.pendingEvents(BATCH);
            if (pending.isEmpty()) {
                break;
            }
            for (Notifier n : notifiers) {
                try {
                    n.send(pending);
                } catch (IOException e) {
                    lastProblem = n.name() + ": " + e.getMessage();
                    nextTry = clock.instant().plus(wait);
                    LOG.log(System.Logger.Level.WARNING, "events not delivered (" + lastProblem + "); "
                            + pending.size() + "+ kept in the outbox, next try in " + wait.toSeconds() + " s");
                    wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
                    return delivered;
                }
            }
            store.markDelivered(pending.get(pending.size() - 1).seq());
            delivered += pending.size();
            wait = FIRST_WAIT;
            lastProblem = "";
            if (pending.size() < BATCH) {
                break;
            }
        }
        return delivered;
    }

    /** The last delivery problem, empty when the last attempt succeeded. */
    public String lastProblem() {
        return lastProblem;
    }
}
