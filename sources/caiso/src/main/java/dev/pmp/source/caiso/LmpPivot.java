package dev.pmp.source.caiso;

import dev.pmp.source.caiso.oasis.CsvTable;
import dev.pmp.source.caiso.oasis.Decimal;
import dev.pmp.source.caiso.oasis.GmtTime;
import dev.pmp.source.caiso.oasis.NameIndex;
import dev.pmp.source.caiso.oasis.ZipMember;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pivots OASIS LMP reports (one line per node, interval and component, in any order, over one or
 * more CSV members) into one row per node and interval with the total and its components, and checks
 * LMP = energy + congestion + loss (+ GHG) for each. Byte-level: cells become strings only for node
 * names (once each) and messages. One thread; one instance per answer.
 *
 * <p>Columns are found by name; the price is in {@code MW}, {@code VALUE} or {@code PRC} depending on
 * the report version. Times come from {@code INTERVALSTARTTIME_GMT}/{@code INTERVALENDTIME_GMT} only.
 */
final class LmpPivot {
    static final int LMP = 0;
    static final int ENERGY = 1;
    static final int CONGESTION = 2;
    static final int LOSS = 3;
    static final int GHG = 4;
    private static final int COMPONENTS = 5;
    private static final int REQUIRED = 1 << LMP | 1 << ENERGY | 1 << CONGESTION | 1 << LOSS;
    private static final String[] TYPES = {"LMP", "MCE", "MCC", "MCL", "MGHG"};

    /** The largest |LMP − sum of components| accepted, $/MWh: OASIS rounds each to 5 decimals. */
    static final double TOLERANCE = 0.005;

    /** The value column names across report versions, in the order they are looked for. */
    static final List<String> VALUE_COLUMNS = List.of("MW", "VALUE", "PRC");

    private static final Set<String> KNOWN_COLUMNS = Set.of("INTERVALSTARTTIME_GMT", "INTERVALENDTIME_GMT", "OPR_DT",
            "OPR_HR", "OPR_INTERVAL", "NODE_ID_XML", "NODE_ID", "NODE", "MARKET_RUN_ID", "LMP_TYPE", "XML_DATA_ITEM",
            "PNODE_RESMRID", "GRP_TYPE", "POS", "MW", "VALUE", "PRC", "GROUP");

    private final long windowStart;
    private final long windowEnd;
    private final long first;
    private final int step;
    private final int intervals;
    private final NameIndex nodes = new NameIndex();
    private double[][] values = new double[64][];
    private byte[][] seen = new byte[64][];
    private final Map<Long, String> problems = new HashMap<>();
    private final Set<String> unknownTypes = new TreeSet<>();
    private final Set<String> unknownColumns = new TreeSet<>();
    private long outside;
    private long repeats;

    LmpPivot(Window window, Duration cadence) {
        this.step = (int) cadence.toSeconds();
        this.windowStart = window.start().getEpochSecond();
        this.windowEnd = window.end().getEpochSecond();
        this.first = Math.floorDiv(windowStart, step) * (long) step;
        this.intervals = (int) ((windowEnd - first + step - 1) / step);
    }

    /**
     * Reads one CSV member.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when a required column is missing, a line is cut
     *     short, or a time cannot be read or is off the dataset's grid (the answer as a whole is then
     *     not to be trusted); a bad price only holds back its node and interval
     */
    void read(ZipMember member) throws SourceException {
        CsvTable t = CsvTable.open(member.bytes(), member.name());
        int cs = t.required("INTERVALSTARTTIME_GMT");
        int ce = t.required("INTERVALENDTIME_GMT");
        int ct = t.required("LMP_TYPE");
        int cn = t.column("NODE") >= 0 ? t.column("NODE") : t.required("NODE_ID");
        int cv = valueColumn(t);
        String valueName = t.header().get(cv);
        for (String h : t.header()) {
            if (!KNOWN_COLUMNS.contains(h)) {
                unknownColumns.add(h);
            }
        }
        int need = Math.max(Math.max(cs, ce), Math.max(Math.max(ct, cn), cv));
        GmtTime startTimes = new GmtTime();
        GmtTime endTimes = new GmtTime();
        byte[] b = t.bytes();
        while (t.next()) {
            if (t.fields() <= need) {
                throw new SourceException(Failure.BAD_DATA, t.where() + " has " + t.fields() + " fields, the header "
                        + t.header().size() + ": the line is cut short");
            }
            long s = startTimes.epochSecond(b, t.start(cs), t.end(cs));
            long e = endTimes.epochSecond(b, t.start(ce), t.end(ce));
            if (s == GmtTime.INVALID || e == GmtTime.INVALID) {
                throw new SourceException(Failure.BAD_DATA, t.where() + ": INTERVALSTARTTIME_GMT \"" + t.text(cs)
                        + "\" / INTERVALENDTIME_GMT \"" + t.text(ce) + "\" is not an ISO instant");
            }
            if (e - s != step) {
                throw new SourceException(Failure.BAD_DATA, t.where() + ": the interval " + t.text(cs) + " to "
                        + t.text(ce) + " lasts " + (e - s) + " s, this report's intervals last " + step + " s");
            }
            if (s < windowStart || s >= windowEnd) {
                outside++;
                continue;
            }
            long offset = s - first;
            if (offset % step != 0) {
                throw new SourceException(Failure.BAD_DATA, t.where() + ": INTERVALSTARTTIME_GMT " + t.text(cs)
                        + " is not on the " + step / 60 + "-minute grid");
            }
            int i = (int) (offset / step);
            int type = type(b, t.start(ct), t.end(ct));
            if (type < 0) {
                unknownTypes.add(t.text(ct));
                continue;
            }
            if (t.isEmpty(cn)) {
                throw new SourceException(Failure.BAD_DATA, t.where() + " names no node");
            }
            int n = nodes.index(b, t.start(cn), t.end(cn));
            if (n >= seen.length || seen[n] == null) {
                slots(n);
            }
            int bit = 1 << type;
            double v = Decimal.parse(b, t.start(cv), t.end(cv));
            if (Double.isNaN(v)) {
                problems.putIfAbsent(key(n, i), t.where() + ": " + TYPES[type] + " " + valueName + " \""
                        + t.text(cv) + "\" is not a number");
                seen[n][i] |= (byte) bit;
                continue;
            }
            if ((seen[n][i] & bit) != 0) {
                double earlier = values[n][i * COMPONENTS + type];
                if (earlier == v) {
                    repeats++;
                } else {
                    problems.putIfAbsent(key(n, i), t.where() + " repeats " + TYPES[type] + " with " + v + " after "
                            + earlier);
                }
                continue;
            }
            seen[n][i] |= (byte) bit;
            values[n][i * COMPONENTS + type] = v;
        }
    }

    /**
     * The pivoted rows in time then node order: {@code interval_start_utc, interval_end_utc, node,
     * location_type, lmp, energy, congestion, loss, ghg}; node-intervals with a bad or repeated-with-
     * another-value price, a missing component or a broken identity are held back, one quarantine per
     * interval naming them.
     */
    Result finish() {
        int count = nodes.size();
        Integer[] sorted = new Integer[count];
        String[] types = new String[count];
        for (int n = 0; n < count; n++) {
            sorted[n] = n;
            types[n] = locationType(nodes.name(n));
        }
        Arrays.sort(sorted, Comparator.comparing(nodes::name));
        int[] order = new int[count];
        for (int k = 0; k < count; k++) {
            order[k] = sorted[k];
        }
        boolean anyProblem = !problems.isEmpty();
        List<Row> rows = new ArrayList<>(count * Math.min(intervals, 4096));
        TreeMap<Integer, List<String>> held = new TreeMap<>();
        int last = -1;
        Object[] cells = new Object[9];
        for (int i = 0; i < intervals; i++) {
            Instant start = null;
            Instant end = null;
            for (int n : order) {
                byte mask = seen[n][i];
                if (mask == 0) {
                    continue;
                }
                last = i;
                double[] v = values[n];
                int o = i * COMPONENTS;
                String problem = anyProblem ? problems.get(key(n, i)) : null;
                if (problem == null && (mask & REQUIRED) != REQUIRED) {
                    problem = "no " + missing(mask) + " line for " + nodes.name(n);
                }
                if (problem == null) {
                    double ghg = (mask & 1 << GHG) != 0 ? v[o + GHG] : 0;
                    double sum = v[o + ENERGY] + v[o + CONGESTION] + v[o + LOSS] + ghg;
                    if (Math.abs(v[o + LMP] - sum) > TOLERANCE) {
                        problem = nodes.name(n) + " LMP " + v[o + LMP] + " is not energy + congestion + loss"
                                + ((mask & 1 << GHG) != 0 ? " + GHG" : "") + " = " + round(sum);
                    }
                }
                if (problem != null) {
                    held.computeIfAbsent(i, k -> new ArrayList<>()).add(problem);
                    continue;
                }
                if (start == null) {
                    start = Instant.ofEpochSecond(first + (long) i * step);
                    end = Instant.ofEpochSecond(first + (long) (i + 1) * step);
                }
                cells[0] = start;
                cells[1] = end;
                cells[2] = nodes.name(n);
                cells[3] = types[n];
                cells[4] = v[o + LMP];
                cells[5] = v[o + ENERGY];
                cells[6] = v[o + CONGESTION];
                cells[7] = v[o + LOSS];
                cells[8] = (mask & 1 << GHG) != 0 ? v[o + GHG] : null;
                rows.add(Row.of(cells));
            }
        }
        List<Quarantine> quarantined = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> e : held.entrySet()) {
            Window w = new Window(Instant.ofEpochSecond(first + (long) e.getKey() * step),
                    Instant.ofEpochSecond(first + (long) (e.getKey() + 1) * step));
            List<String> reasons = e.getValue();
            String reason = String.join("; ", reasons.subList(0, Math.min(3, reasons.size())))
                    + (reasons.size() > 3 ? "; and " + (reasons.size() - 3) + " more nodes" : "");
            quarantined.add(new Quarantine(w, reasons.size(), reason));
        }
        List<String> notes = new ArrayList<>();
        if (outside > 0) {
            notes.add(outside + " lines outside the requested window left out");
        }
        if (repeats > 0) {
            notes.add(repeats + " lines repeated an earlier line with the same price; merged");
        }
        if (!unknownTypes.isEmpty()) {
            notes.add("LMP_TYPE values this reader does not know, left out: " + String.join(", ", unknownTypes));
        }
        if (!unknownColumns.isEmpty()) {
            notes.add("columns this reader does not know, ignored: " + String.join(", ", unknownColumns));
        }
        Instant lastEnd = last < 0 ? null : Instant.ofEpochSecond(first + (long) (last + 1) * step);
        return new Result(rows, quarantined, notes, lastEnd);
    }

    /**
     * What a pivot produced.
     *
     * @param lastEnd the end of the last interval that had any line, null when none had
     */
    record Result(List<Row> rows, List<Quarantine> quarantined, List<String> notes, Instant lastEnd) {
    }

    /** {@code hub} for trading hubs, {@code load_zone} for DLAPs, {@code zone} for other aggregates, else {@code node}. */
    static String locationType(String node) {
        if (node.startsWith("TH_")) {
            return "hub";
        }
        if (node.startsWith("DLAP_")) {
            return "load_zone";
        }
        return node.endsWith("-APND") ? "zone" : "node";
    }

    private static int valueColumn(CsvTable t) throws SourceException {
        for (String name : VALUE_COLUMNS) {
            int i = t.column(name);
            if (i >= 0) {
                return i;
            }
        }
        throw new SourceException(Failure.BAD_DATA, t.file() + " has no price column (" + String.join(", ", VALUE_COLUMNS)
                + ") (schema drift?); header: " + String.join(",", t.header()));
    }

    private static int type(byte[] b, int s, int e) {
        int n = e - s;
        if (n == 3) {
            byte a = b[s];
            byte c = b[s + 1];
            byte d = b[s + 2];
            if (a == 'L' && c == 'M' && d == 'P') {
                return LMP;
            }
            if (a == 'M' && c == 'C') {
                return d == 'E' ? ENERGY : d == 'C' ? CONGESTION : d == 'L' ? LOSS : -1;
            }
            return -1;
        }
        return n == 4 && b[s] == 'M' && b[s + 1] == 'G' && b[s + 2] == 'H' && b[s + 3] == 'G' ? GHG : -1;
    }

    private void slots(int n) {
        if (n >= seen.length) {
            int size = Math.max(n + 1, seen.length * 2);
            seen = Arrays.copyOf(seen, size);
            values = Arrays.copyOf(values, size);
        }
        seen[n] = new byte[intervals];
        values[n] = new double[intervals * COMPONENTS];
    }

    private static long key(int node, int interval) {
        return (long) node << 32 | interval;
    }

    private static String missing(byte mask) {
        List<String> out = new ArrayList<>();
        for (int t = LMP; t <= LOSS; t++) {
            if ((mask & 1 << t) == 0) {
                out.add(TYPES[t]);
            }
        }
        return String.join("/", out);
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
