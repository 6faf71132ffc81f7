package dev.pmp.source.isone;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the rows a reader makes of one answer, then puts them in order: exact repeats are merged,
 * two different rows for one natural key hold their interval back, rows that came out of order are
 * sorted, and spans a reader refused are quarantined. Not thread-safe; one per answer.
 */
final class Sheet {
    private final String what;
    private final int[] key;
    private final Map<List<Object>, Row> rows = new LinkedHashMap<>();
    private final List<Quarantine> quarantined = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Integer> repairs = new LinkedHashMap<>();
    private final Map<List<Object>, Instant> observed = new LinkedHashMap<>();
    private int repeats;
    private int outOfOrder;
    private Instant previous;
    private Instant lastEnd;

    /**
     * @param what the URI or file name, for messages
     */
    Sheet(Dataset dataset, String what) {
        this.what = what;
        this.key = dataset.schema().naturalKey().stream().mapToInt(dataset.schema()::indexOf).toArray();
    }

    String what() {
        return what;
    }

    /** Adds a row whose span on the grid ends at {@code end}. */
    void add(Row row, Instant end) {
        Instant start = row.instant(0);
        if (previous != null && start.isBefore(previous)) {
            outOfOrder++;
        }
        previous = start;
        extend(end);
        List<Object> k = key(row);
        Row earlier = rows.putIfAbsent(k, row);
        if (earlier != null) {
            if (earlier.equals(row)) {
                repeats++;
            } else {
                quarantine(new Window(start, end), 2, "two different rows for " + k + ": " + earlier + " and " + row);
            }
        }
    }

    /**
     * Adds a row of which only the newest observation per natural key is kept: a later {@code seen}
     * replaces an earlier one (fuel-mix snapshots taken within one 5-minute mark).
     */
    void addNewest(Row row, Instant end, Instant seen) {
        extend(end);
        List<Object> k = key(row);
        Instant before = observed.get(k);
        if (before == null || seen.isAfter(before)) {
            observed.put(k, seen);
            rows.put(k, row);
        }
        if (before != null) {
            repaired("an earlier observation of the same mark replaced by a later one (or a repeat dropped)");
        }
    }

    /** Counts one repair; the notes say how often each happened. */
    void repaired(String repair) {
        repairs.merge(repair, 1, Integer::sum);
    }

    /** Records that the answer reached {@code end} even though the record there was refused. */
    void extend(Instant end) {
        if (lastEnd == null || end.isAfter(lastEnd)) {
            lastEnd = end;
        }
    }

    /** Holds the rows inside {@code window} back. */
    void quarantine(Window window, int rowCount, String reason) {
        quarantined.add(new Quarantine(window, rowCount, what + ": " + reason));
    }

    void note(String note) {
        notes.add(what + ": " + note);
    }

    boolean isEmpty() {
        return rows.isEmpty() && quarantined.isEmpty();
    }

    /** The end of the latest span the answer holds, or null when it holds none. */
    Instant lastEnd() {
        return lastEnd;
    }

    List<Quarantine> quarantined() {
        return List.copyOf(quarantined);
    }

    /** The kept rows, outside every quarantined span, ordered by time then key. */
    List<Row> rows() {
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            if (quarantined.stream().noneMatch(q -> q.window().contains(r.instant(0)))) {
                out.add(r);
            }
        }
        out.sort(order());
        return out;
    }

    /** Notes, including the repairs made. */
    List<String> notes() {
        List<String> out = new ArrayList<>(notes);
        if (repeats > 0) {
            out.add(what + ": " + repeats + " exact repeat(s) of a row merged");
        }
        repairs.forEach((repair, times) -> out.add(what + ": " + times + " x " + repair));
        if (outOfOrder > 0) {
            out.add(what + ": records out of time order " + outOfOrder + " time(s); sorted");
        }
        return out;
    }

    /**
     * The part of {@code period} the answer vouches for: from its start to the end of the latest span
     * it holds, without the quarantined spans.
     */
    List<Window> covered(Window period) {
        if (lastEnd == null || !lastEnd.isAfter(period.start())) {
            return List.of();
        }
        Window claimed = new Window(period.start(), lastEnd.isBefore(period.end()) ? lastEnd : period.end());
        List<Window> out = new ArrayList<>(List.of(claimed));
        for (Window q : Window.merge(quarantined.stream().map(Quarantine::window).toList())) {
            List<Window> next = new ArrayList<>();
            for (Window w : out) {
                if (!w.overlaps(q)) {
                    next.add(w);
                    continue;
                }
                if (q.start().isAfter(w.start())) {
                    next.add(new Window(w.start(), q.start()));
                }
                if (q.end().isBefore(w.end())) {
                    next.add(new Window(q.end(), w.end()));
                }
            }
            out = next;
        }
        return out;
    }

    private List<Object> key(Row row) {
        List<Object> k = new ArrayList<>(key.length);
        for (int c : key) {
            k.add(row.get(c));
        }
        return k;
    }

    private Comparator<Row> order() {
        Comparator<Row> c = Comparator.comparing(r -> r.instant(0));
        for (int i = 1; i < key.length; i++) {
            int col = key[i];
            c = c.thenComparing(r -> String.valueOf(r.get(col)));
        }
        return c;
    }
}
