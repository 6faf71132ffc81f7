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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Moves events from the store's outbox to the notifiers, oldest first, in batches, marked delivered only when
 * every notifier has taken the batch. Sending happens on a thread of its own, so a slow or unreachable
 * receiver never holds up collection; the store is touched only by the thread that calls {@link #relay}
 * (the one that owns the store). A failure makes the relay wait (doubling from 5 s up to 5 min) before it
 * sends again.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());
    private static final int BATCH = 500;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(5);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    private final Store store;
    private final List<Notifier> notifiers;
    private final Clock clock;
    private final ExecutorService sender;
    private CompletableFuture<List<Event>> inFlight;
    private Instant nextTry = Instant.MIN;
    private Duration wait = FIRST_WAIT;
    private volatile String lastProblem = "";

    public OutboxRelay(Store store, List<Notifier> notifiers, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.notifiers = List.copyOf(notifiers);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sender = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "pmp-events");
            t.setDaemon(true);
            return t;
        });
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
     * One step, without waiting: settles a finished send (marking its events delivered, or backing off after
     * a failure), then starts sending the next pending batch unless one is in flight or the relay is waiting.
     *
     * @return the number of events marked delivered by this call
     */
    public int relay() throws StoreException {
        if (!active()) {
            return 0;
        }
        int delivered = settle();
        if (inFlight == null && !clock.instant().isBefore(nextTry)) {
            List<Event> pending = store.pendingEvents(BATCH);
            if (!pending.isEmpty()) {
                inFlight = CompletableFuture.supplyAsync(() -> send(pending), sender);
            }
        }
        return delivered;
    }

    /**
     * Relays until the outbox is empty, a send fails, or {@code timeout} passes; for commands that exit after
     * one pass.
     *
     * @return the number of events marked delivered
     */
    public int drain(Duration timeout) throws StoreException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int delivered = 0;
        while (active()) {
            delivered += relay();
            if (inFlight == null) {
                if (!lastProblem.isEmpty() || store.pendingEvents(1).isEmpty()) {
                    break;
                }
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                inFlight.get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // settled (or still running) below
            }
        }
        return delivered + settle();
    }

    private int settle() throws StoreException {
        if (inFlight == null || !inFlight.isDone()) {
            return 0;
        }
        List<Event> sent = inFlight.getNow(null);
        inFlight = null;
        if (sent == null) {
            nextTry = clock.instant().plus(wait);
            LOG.log(System.Logger.Level.WARNING, "events not delivered (" + lastProblem + "); kept in the outbox,"
                    + " next try in " + wait.toSeconds() + " s");
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            return 0;
        }
        store.markDelivered(sent.get(sent.size() - 1).seq());
        wait = FIRST_WAIT;
        return sent.size();
    }

    /** On the sender thread: every notifier gets the batch; null when one failed. */
    private List<Event> send(List<Event> batch) {
        for (Notifier n : notifiers) {
            try {
                n.send(batch);
            } catch (IOException | RuntimeException e) {
                lastProblem = n.name() + ": " + e.getMessage();
                return null;
            }
        }
        lastProblem = "";
        return batch;
    }

    /** The last delivery problem, empty when the last send succeeded. */
    public String lastProblem() {
        return lastProblem;
    }

    /** Stops the sender thread and closes the notifiers; undelivered events stay in the outbox. */
    @Override
    public void close() {
        sender.shutdownNow();
        for (Notifier n : notifiers) {
            n.close();
        }
    }
}
