package dev.pmp.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open range of instants {@code [start, end)}: the unit of work, retry, coverage and progress.
 *
 * @param start first instant inside the window (inclusive)
 * @param end first instant after the window (exclusive); strictly after {@code start}
 */
public record Window(Instant start, Instant end) implements Comparable<Window> {

    public Window {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window end " + end + " must be after start " + start);
        }
    }

    /** The window {@code [start, start + length)}. */
    public static Window of(Instant start, Duration length) {
        return new Window(start, start.plus(length));
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public boolean contains(Window other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    /** True when the two windows share at least one instant. */
    public boolean overlaps(Window other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** True when the windows overlap or one ends exactly where the other starts. */
    public boolean touches(Window other) {
        return !start.isAfter(other.end) && !other.start.isAfter(end);
    }

    /** The smallest window holding both. */
    public Window span(Window other) {
        return new Window(min(start, other.start), max(end, other.end));
    }

    /** The shared part, or {@code null} when the windows do not overlap. */
    public Window intersection(Window other) {
        Instant s = max(start, other.start);
        Instant e = min(end, other.end);
        return e.isAfter(s) ? new Window(s, e) : null;
    }

    /** The windows sorted and merged where they overlap or touch, as a new list. */
    public static java.util.List<Window> merge(java.util.Collection<Window> windows) {
        java.util.List<Window> sorted = new java.util.ArrayList<>(windows);
        sorted.sort(null);
        java.util.List<Window> out = new java.util.ArrayList<>();
        for (Window w : sorted) {
            int last = out.size() - 1;
            if (last >= 0 && out.get(last).touches(w)) {
                out.set(last, out.get(last).span(w));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    @Override
    public int compareTo(Window o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : end.compareTo(o.end);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
