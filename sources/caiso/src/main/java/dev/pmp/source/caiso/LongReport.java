package dev.pmp.source.caiso;

import dev.pmp.source.caiso.oasis.CsvTable;
import dev.pmp.source.caiso.oasis.GmtTime;
import dev.pmp.source.caiso.oasis.ZipMember;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads small OASIS reports that carry one value per interval and key ({@code PRC_AS}: region and
 * service; {@code SLD_FCST}: TAC area), in any order, over one or more CSV members. Columns are found by
 * name; times come from the {@code *_GMT} columns only. One thread; one instance per answer.
 */
final class LongReport {
    private final long windowStart;
    private final long windowEnd;
    private final long step;
    private final List<String> keyColumns;
    private final Set<String> knownColumns;
    private final TreeMap<Long, TreeMap<List<String>, Double>> values = new TreeMap<>();
    private final TreeMap<Long, List<String>> problems = new TreeMap<>();
    private final Set<String> unknownColumns = new TreeSet<>();
    private long outside;
    private long repeats;

    /**
     * @param keyColumns the report columns that, with the interval, identify a value
     * @param knownColumns every column the report is known to have (others are noted)
     */
    LongReport(Window window, Duration cadence, List<String> keyColumns, Set<String> knownColumns) {
        this.windowStart = window.start().getEpochSecond();
        this.windowEnd = window.end().getEpochSecond();
        this.step = cadence.toSeconds();
        this.keyColumns = List.copyOf(keyColumns);
        this.knownColumns = Set.copyOf(knownColumns);
    }

    /**
     * Reads one CSV member.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when a required column is missing, a line is cut
     *     short, or a time cannot be read, has another length than the cadence or is off its grid
     */
    void read(ZipMember member) throws SourceException {
        CsvTable t = CsvTable.open(member.bytes(), member.name());
        int cs = t.required("INTERVALSTARTTIME_GMT");
        int ce = t.required("INTERVALENDTIME_GMT");
        int[] keys = new int[keyColumns.size()];
        int need = Math.max(cs, ce);
        for (int k = 0; k < keys.length; k++) {
            keys[k] = t.required(keyColumns.get(k));
            need = Math.max(need, keys[k]);
        }
        int cv = -1;
        for (String name : LmpPivot.VALUE_COLUMNS) {
            if (cv < 0 && t.column(name) >= 0) {
                cv = t.column(name);
            }
        }
        if (cv < 0) {
            throw new SourceException(Failure.BAD_DATA, t.file() + " has no value column (" + String.join(", ",
                    LmpPivot.VALUE_COLUMNS) + ") (schema drift?); header: " + String.join(",", t.header()));
        }
        need = Math.max(need, cv);
        for (String h : t.header()) {
            if (!knownColumns.contains(h)) {
                unknownColumns.add(h);
            }
        }
        GmtTime times = new GmtTime();
        GmtTime ends = new GmtTime();
        byte[] b = t.bytes();
        while (t.next()) {
            if (t.fields() <= need) {
                throw new SourceException(Failure.BAD_DATA, t.where() + " has " + t.fields() + " fields, the header "
                        + t.header().size() + ": the line is cut short");
            }
            long s = times.epochSecond(b, t.start(cs), t.end(cs));
            long e = ends.epochSecond(b, t.start(ce), t.end(ce));
            if (s == GmtTime.INVALID || e == GmtTime.INVALID) {
                throw new SourceException(Failure.BAD_DATA, t.where() + ": INTERVALSTARTTIME_GMT \"" + t.text(cs)
                        + "\" / INTERVALENDTIME_GMT \"" + t.text(ce) + "\" is not an ISO instant");
            }
            if (e - s != step || Math.floorMod(s, step) != 0) {
                throw new SourceException(Failure.BAD_DATA, t.where() + ": the interval " + t.text(cs) + " to "
                        + t.text(ce) + " is not one " + step / 60 + "-minute interval of this report's grid");
            }
            if (s < windowStart || s >= windowEnd) {
                outside++;
                continue;
            }
            List<String> key = new ArrayList<>(keys.length);
            for (int k : keys) {
                String cell = t.text(k).strip();
                if (cell.isEmpty()) {
                    throw new SourceException(Failure.BAD_DATA, t.where() + " has no " + t.header().get(k));
                }
                key.add(cell);
            }
            double v = t.number(cv);
            if (Double.isNaN(v)) {
                problem(s, t.where() + ": " + t.header().get(cv) + " \"" + t.text(cv) + "\" for " + key
                        + " is not a number");
                continue;
            }
            Double earlier = values.computeIfAbsent(s, x -> new TreeMap<>(LongReport::compare)).putIfAbsent(key, v);
            if (earlier != null) {
                if (earlier == v) {
                    repeats++;
                } else {
                    problem(s, t.where() + " repeats " + key + " with " + v + " after " + earlier);
                }
            }
        }
    }

    /** The values, the intervals held back and the notes. */
    Result finish() {
        List<Quarantine> quarantined = new ArrayList<>();
        for (Map.Entry<Long, List<String>> e : problems.entrySet()) {
            Map<List<String>, Double> held = values.remove(e.getKey());
            List<String> reasons = e.getValue();
            quarantined.add(new Quarantine(interval(e.getKey()), (held == null ? 0 : held.size()) + reasons.size(),
                    String.join("; ", reasons.subList(0, Math.min(3, reasons.size())))
                            + (reasons.size() > 3 ? "; and " + (reasons.size() - 3) + " more" : "")
                            + "; interval held back"));
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<Long, TreeMap<List<String>, Double>> e : values.entrySet()) {
            Window w = interval(e.getKey());
            for (Map.Entry<List<String>, Double> v : e.getValue().entrySet()) {
                entries.add(new Entry(w.start(), w.end(), v.getKey(), v.getValue()));
            }
        }
        List<String> notes = new ArrayList<>();
        if (outside > 0) {
            notes.add(outside + " lines outside the requested window left out");
        }
        if (repeats > 0) {
            notes.add(repeats + " lines repeated an earlier line with the same value; merged");
        }
        if (!unknownColumns.isEmpty()) {
            notes.add("columns this reader does not know, ignored: " + String.join(", ", unknownColumns));
        }
        Long last = lastInterval();
        return new Result(entries, quarantined, notes, last == null ? null : interval(last).end());
    }

    private Long lastInterval() {
        Long a = values.isEmpty() ? null : values.lastKey();
        Long b = problems.isEmpty() ? null : problems.lastKey();
        return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
    }

    private void problem(long start, String reason) {
        problems.computeIfAbsent(start, x -> new ArrayList<>()).add(reason);
    }

    private Window interval(long start) {
        return new Window(Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + step));
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * One value of the report.
     *
     * @param keys the key cells, in the order of the key columns
     */
    record Entry(Instant start, Instant end, List<String> keys, double value) {
        Entry {
            Objects.requireNonNull(start, "start");
            keys = List.copyOf(keys);
        }
    }

    /**
     * What a report held.
     *
     * @param entries values in time, then key order
     * @param lastEnd the end of the last interval that had any line, null when none had
     */
    record Result(List<Entry> entries, List<Quarantine> quarantined, List<String> notes, Instant lastEnd) {
    }
}
