package dev.pmp.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * Faults armed for the coming requests, in the order they were armed. Each request to an operator
 * endpoint takes one turn of the oldest armed fault that applies to its path (a fault armed without a
 * path applies to all); a fault armed with count -1 never runs out, so
 * faults armed after it never come. Thread-safe.
 */
final class FaultSchedule {

    private static final class Armed {
        final String path;
        final Fault fault;
        int remaining;

        Armed(String path, Fault fault, int remaining) {
            this.path = path;
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Deque<Armed> armed = new ArrayDeque<>();

    /**
     * Arms {@code fault} for the next {@code count} requests after those already armed.
     *
     * @param path the only path the fault applies to, or null for every path
     * @param count at least 1, or -1 for every request from then on
     */
    synchronized void arm(String path, Fault fault, int count) {
        Objects.requireNonNull(fault, "fault");
        if (count < 1 && count != -1) {
            throw new IllegalArgumentException("count must be at least 1, or -1 for forever: " + count);
        }
        armed.addLast(new Armed(path, fault, count));
    }

    /** Takes the fault for one request to {@code path}: the oldest armed for it or for every path; empty when service is normal. */
    synchronized Optional<Fault> take(String path) {
        Iterator<Armed> it = armed.iterator();
        while (it.hasNext()) {
            Armed a = it.next();
            if (a.path != null && !a.path.equals(path)) {
                continue;
            }
            if (a.remaining != -1 && --a.remaining == 0) {
                it.remove();
            }
            return Optional.of(a.fault);
        }
        return Optional.empty();
    }

    synchronized void clear() {
        armed.clear();
    }
}
