package dev.pmp.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Faults armed for the coming requests, in the order they were armed. Each request to an operator
 * endpoint takes one turn of the oldest armed fault; a fault armed with count -1 never runs out, so
 * faults armed after it never come. Thread-safe.
 */
final class FaultSchedule {

    private static final class Armed {
        final Fault fault;
        int remaining;

        Armed(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Deque<Armed> armed = new ArrayDeque<>();

    /**
     * Arms {@code fault} for the next {@code count} requests after those already armed.
     *
     * @param count at least 1, or -1 for every request from then on
     */
    synchronized void arm(Fault fault, int count) {
        Objects.requireNonNull(fault, "fault");
        if (count < 1 && count != -1) {
            throw new IllegalArgumentException("count must be at least 1, or -1 for forever: " + count);
        }
        armed.addLast(new Armed(fault, count));
    }

    /** Takes the fault for one request, or empty when service is normal. */
    synchronized Optional<Fault> take() {
        Armed head = armed.peekFirst();
        if (head == null) {
            return Optional.empty();
        }
        if (head.remaining != -1 && --head.remaining == 0) {
            armed.removeFirst();
        }
        return Optional.of(head.fault);
    }

    synchronized void clear() {
        armed.clear();
    }
}
