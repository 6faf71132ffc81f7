package dev.pmp.source.neso;

import dev.pmp.spi.Quarantine;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Collects the rows of one response keyed by half-hour start (and, for regional data, a second key): drops
 * exact repeats with a note, holds back a key published twice with different values, puts rows in time
 * order (noting when the payload was not), and leaves out every row inside a quarantined span. One
 * instance per parse; not thread-safe.
 */
final class HalfHourRows {

    private record Key(Instant start, String part) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = start.compareTo(o.start);
            return c != 0 ? c : part.compareTo(o.part);
        }
    }

    private final TreeMap<Key, Row> rows = new TreeMap<>();
    private final Set<Key> conflicting = new HashSet<>();
    private final List<Quarantine> quarantined = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int repeats;
    private Key previous;
    private boolean outOfOrder;

    /** Adds the row of half-hour {@code start} and second key {@code part} ({@code ""} when none). */
    void add(Instant start, String part, Row row, String where) {
        Key key = new Key(start, part);
        if (previous != null && key.compareTo(previous) < 0) {
            outOfOrder = true;
        }
        previous = key;
        Row earlier = rows.putIfAbsent(key, row);
        if (earlier == null) {
            return;
        }
        if (earlier.equals(row)) {
            repeats++;
        } else if (conflicting.add(key)) {
            quarantined.add(new Quarantine(Window.of(start, SettlementPeriods.PERIOD), 2, where + ": the half-hour "
                    + start + (part.isEmpty() ? "" : " of " + part) + " is published twice with different values"));
        }
    }

    /** Holds back {@code span}: its rows are left out and it is not covered. */
    void hold(Window span, int rowCount, String reason) {
        quarantined.add(new Quarantine(span, rowCount, reason));
    }

    /** Adds a note for the log. */
    void note(String note) {
        notes.add(note);
    }

    /** The rows kept, in time order. */
    List<Row> rows() {
        List<Row> out = new ArrayList<>(rows.size());
        for (Map.Entry<Key, Row> e : rows.entrySet()) {
            if (!conflicting.contains(e.getKey()) && !held(e.getKey().start())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /** The first and last half-hour starts seen, or null when there are none. */
    Instant firstStart() {
        return rows.isEmpty() ? null : rows.firstKey().start();
    }

    Instant lastStart() {
        return rows.isEmpty() ? null : rows.lastKey().start();
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    List<Quarantine> quarantined() {
        return List.copyOf(quarantined);
    }

    /** The notes, with the repeat and order findings added. */
    List<String> notes() {
        List<String> out = new ArrayList<>(notes);
        if (repeats > 0) {
            out.add(repeats + " row(s) published twice with the same values; kept once");
        }
        if (outOfOrder) {
            out.add("rows were not in time order; sorted");
        }
        return out;
    }

    /** {@code span} without the quarantined spans, as disjoint windows. */
    List<Window> covered(Window span) {
        List<Window> out = new ArrayList<>(List.of(span));
        for (Quarantine q : quarantined) {
            List<Window> next = new ArrayList<>();
            for (Window w : out) {
                if (!w.overlaps(q.window())) {
                    next.add(w);
                    continue;
                }
                if (w.start().isBefore(q.window().start())) {
                    next.add(new Window(w.start(), q.window().start()));
                }
                if (q.window().end().isBefore(w.end())) {
                    next.add(new Window(q.window().end(), w.end()));
                }
            }
            out = next;
        }
        return Window.merge(out);
    }

    private boolean held(Instant start) {
        for (Quarantine q : quarantined) {
            if (q.window().contains(start)) {
                return true;
            }
        }
        return false;
    }
}
