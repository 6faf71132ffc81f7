package dev.pmp.source.nyiso.mis;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one MIS daily CSV file of a {@link FileFormat} into rows. Columns are found by header name.
 * Times are local prevailing Eastern time: with a {@code Time Zone} column {@code EDT} means UTC-4 and
 * {@code EST} UTC-5; without one, a repeated fall-back time is resolved by file order within each location
 * (first occurrence daylight time, second standard time), as NYISO writes the repeated hour twice.
 * Immutable and thread-safe; each call keeps its own state.
 */
public final class DayFileReader {

    /** NYISO's market time zone. */
    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    private static final ZoneRules RULES = ZONE.getRules();
    private static final int EDT = -4 * 3600;
    private static final int EST = -5 * 3600;
    private static final byte[] EDT_BYTES = bytes("EDT");
    private static final byte[] EST_BYTES = bytes("EST");

    private final FileFormat format;

    public DayFileReader(FileFormat format) {
        this.format = format;
    }

    public FileFormat format() {
        return format;
    }

    /**
     * Reads {@code data[from, to)}, the file {@code file} named for {@code day}.
     *
     * @param closedDay whether the day is over and the file final (a member of a monthly archive): a final
     *     {@code realtime} file holds RTD rows only
     * @throws SourceException {@link Failure#BAD_DATA} when the file is not the expected CSV at all: no
     *     header, a required column missing (schema drift)
     */
    public DayRead read(String file, LocalDate day, byte[] data, int from, int to, boolean closedDay)
            throws SourceException {
        CsvCursor csv = new CsvCursor(data, from, to);
        List<String> notes = new ArrayList<>();
        Header header;
        try {
            if (!csv.next()) {
                notes.add(file + " is empty: no header, no rows");
                return new DayRead(file, day, List.of(), List.of(), 0, Optional.empty(), Optional.empty(), notes);
            }
            header = header(file, csv, notes);
        } catch (IllegalArgumentException e) {
            throw new SourceException(Failure.BAD_DATA, file + ": unreadable header: " + e.getMessage());
        }
        return new Pass(file, day, csv, header, closedDay, notes).run();
    }

    private Header header(String file, CsvCursor csv, List<String> notes) throws SourceException {
        int n = csv.count();
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = csv.text(i);
        }
        if (names[0].startsWith("<")) {
            throw new SourceException(Failure.BAD_DATA, file + " is an HTML or XML page, not a CSV file");
        }
        boolean[] used = new boolean[n];
        int time = find(file, names, used, List.of("Time Stamp"), true);
        int zone = format.hasTimeZone() ? find(file, names, used, List.of("Time Zone"), true) : -1;
        int name = format.nameColumn().isPresent() ? find(file, names, used, List.of(format.nameColumn().get()), true) : -1;
        int ptid = format.ptidColumn() ? find(file, names, used, List.of("PTID"), true) : -1;
        int[] values;
        String[] valueNames;
        if (name >= 0) {
            values = new int[format.values().size()];
            valueNames = new String[values.length];
            for (int v = 0; v < values.length; v++) {
                FileFormat.ValueColumn c = format.values().get(v);
                values[v] = find(file, names, used, c.headers(), c.required());
                valueNames[v] = values[v] >= 0 ? names[values[v]] : c.headers().get(0);
            }
            for (int i = 0; i < n; i++) {
                if (!used[i]) {
                    notes.add(file + ": unknown column \"" + names[i] + "\" ignored");
                }
            }
        } else {
            values = new int[n - 1];
            valueNames = new String[n - 1];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (i != time) {
                    values[k] = i;
                    valueNames[k] = names[i];
                    k++;
                }
            }
            if (k == 0) {
                throw new SourceException(Failure.BAD_DATA, file + ": no zone columns next to \"Time Stamp\"");
            }
        }
        return new Header(n, time, zone, name, ptid, values, valueNames);
    }

    private static int find(String file, String[] names, boolean[] used, List<String> accepted, boolean required)
            throws SourceException {
        for (String a : accepted) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(a)) {
                    used[i] = true;
                    return i;
                }
            }
        }
        if (!required) {
            return -1;
        }
        throw new SourceException(Failure.BAD_DATA, file + ": required column \"" + accepted.get(0)
                + "\" is missing (schema drift?); header is " + Arrays.toString(names));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Column positions of one file. */
    private record Header(int width, int time, int zone, int name, int ptid, int[] values, String[] valueNames) {
    }

    /** One read of one file; holds the per-file caches. */
    private final class Pass {
        private final String file;
        private final LocalDate day;
        private final CsvCursor csv;
        private final Header h;
        private final boolean closedDay;
        private final List<String> notes;
        private final NameCache names = new NameCache();
        private final List<Row> rows;
        private final List<Row> neighbours = new ArrayList<>();
        private final long dayLocal;
        private final long dayStart;
        private final long dayEnd;
        private final long step;
        private long[] lastSecond = new long[256];
        private Long[] ptids = new Long[256];
        private Map<Long, Integer> occurrences;
        private boolean unordered;
        private int records;
        private long[] stamps = new long[64];
        private int stampCount;
        // cache of the previous record's time cells
        private int prevStart = -1;
        private int prevEnd = -1;
        private byte prevZone;
        private long localSecond;
        private boolean ambiguous;
        private Instant start;
        private Instant end;

        Pass(String file, LocalDate day, CsvCursor csv, Header h, boolean closedDay, List<String> notes) {
            this.file = file;
            this.day = day;
            this.csv = csv;
            this.h = h;
            this.closedDay = closedDay;
            this.notes = notes;
            this.dayLocal = day.toEpochDay() * 86_400L;
            this.dayStart = day.atStartOfDay(ZONE).toEpochSecond();
            this.dayEnd = day.plusDays(1).atStartOfDay(ZONE).toEpochSecond();
            this.step = format.cadence().toSeconds();
            // about one row per 50 bytes in the LBMP files; a guess that spares most regrowth
            this.rows = new ArrayList<>(Math.max(16, csv.remaining() / 50));
            Arrays.fill(lastSecond, Long.MIN_VALUE);
        }

        DayRead run() throws SourceException {
            double[] values = new double[h.values.length];
            double[] one = new double[1];
            byte[] d = csv.data();
            try {
                while (csv.next()) {
                    records++;
                    if (csv.count() != h.width) {
                        if (csv.count() == 1 && csv.isEmpty(0)) {
                            records--;
                            continue;
                        }
                        return refuse("line " + csv.line() + " has " + csv.count() + " cells, the header has " + h.width);
                    }
                    String problem = time(d);
                    if (problem != null) {
                        return refuse("line " + csv.line() + ": " + problem);
                    }
                    int id = h.name >= 0 ? names.id(d, csv.start(h.name), csv.end(h.name)) : 0;
                    Long ptid = null;
                    if (h.ptid >= 0 && !csv.isEmpty(h.ptid)) {
                        ptid = ptid(id, d);
                        if (ptid == null) {
                            return refuse("line " + csv.line() + ": PTID \"" + csv.text(h.ptid) + "\" is not a number");
                        }
                    }
                    Instant s = start;
                    Instant e = end;
                    if (ambiguous) {
                        int offset = occurrence(id);
                        if (offset == 0) {
                            return refuse("line " + csv.line() + ": local time " + csv.text(h.time)
                                    + " appears more than twice for " + (h.name >= 0 ? names.name(id) : "the file"));
                        }
                        Instant at = Instant.ofEpochSecond(localSecond - offset);
                        s = format.labelling() == Labelling.INTERVAL_END ? at.minusSeconds(step) : at;
                        e = format.labelling() == Labelling.INTERVAL_START ? at.plusSeconds(step) : at;
                    }
                    long grid = s.getEpochSecond();
                    if (h.name >= 0) {
                        ordered(id, grid);
                    }
                    boolean own = format.multiDay() || (grid >= dayStart && grid < dayEnd);
                    List<Row> out = own ? rows : neighbours;
                    if (h.name >= 0) {
                        for (int v = 0; v < values.length; v++) {
                            int c = h.values[v];
                            if (c < 0 || csv.isEmpty(c)) {
                                values[v] = Double.NaN;
                                continue;
                            }
                            double x = Decimal.parse(d, csv.start(c), csv.end(c));
                            if (Double.isNaN(x)) {
                                return refuse(notNumber(h.valueNames[v], c));
                            }
                            values[v] = x;
                        }
                        format.maker().rows(day, s, e, names.name(id), ptid, values, out);
                    } else {
                        for (int v = 0; v < h.values.length; v++) {
                            int c = h.values[v];
                            if (csv.isEmpty(c)) {
                                one[0] = Double.NaN;
                            } else {
                                double x = Decimal.parse(d, csv.start(c), csv.end(c));
                                if (Double.isNaN(x)) {
                                    return refuse(notNumber(h.valueNames[v], c));
                                }
                                one[0] = x;
                            }
                            format.maker().rows(day, s, e, h.valueNames[v], null, one, out);
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                return refuse(e.getMessage());
            }
            if (format.splitsAdvisory() && !closedDay) {
                dropAdvisory();
            }
            if (unordered || h.name < 0) {
                String problem = mergeRepeats();
                if (problem != null) {
                    return refuse(problem);
                }
            }
            return new DayRead(file, day, rows, neighbours, records, coveredUntil(), Optional.empty(), notes);
        }

        private String notNumber(String column, int cell) {
            return "line " + csv.line() + " column \"" + column + "\": \"" + csv.text(cell) + "\" is not a number";
        }

        /** The file refused; counts the records it held back, up to any line that cannot be read at all. */
        private DayRead refuse(String problem) {
            try {
                while (csv.next()) {
                    if (csv.count() > 1 || !csv.isEmpty(0)) {
                        records++;
                    }
                }
            } catch (IllegalArgumentException unreadable) {
                notes.add(file + ": held-back records counted up to " + unreadable.getMessage());
            }
            return DayRead.refused(file, day, records, problem, notes);
        }

        /** Reads the record's time cells into the cache; returns a problem or null. */
        private String time(byte[] d) {
            int ts = csv.start(h.time);
            int te = csv.end(h.time);
            byte zone = 0;
            if (h.zone >= 0) {
                if (csv.is(h.zone, EDT_BYTES)) {
                    zone = 'D';
                } else if (csv.is(h.zone, EST_BYTES)) {
                    zone = 'S';
                } else {
                    return "Time Zone \"" + csv.text(h.zone) + "\" is neither EST nor EDT";
                }
            }
            if (prevStart >= 0 && zone == prevZone && Arrays.equals(d, ts, te, d, prevStart, prevEnd)) {
                return null;
            }
            long local = localSecond(d, ts, te);
            if (local == Long.MIN_VALUE) {
                return "Time Stamp \"" + csv.text(h.time) + "\" is not MM/DD/YYYY HH:MM[:SS]";
            }
            if (!format.multiDay() && (local < dayLocal || local > dayLocal + 86_400L)) {
                return "Time Stamp \"" + csv.text(h.time) + "\" is not on " + day + ", the day the file is named for";
            }
            localSecond = local;
            ambiguous = false;
            int offset;
            if (zone != 0) {
                offset = zone == 'D' ? EDT : EST;
                LocalDateTime ldt = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
                if (!RULES.isValidOffset(ldt, ZoneOffset.ofTotalSeconds(offset)) && notes.size() < 50) {
                    notes.add(file + " line " + csv.line() + ": " + csv.text(h.time) + " " + csv.text(h.zone)
                            + " is not a local time of New York; read as UTC" + (offset / 3600));
                }
            } else {
                LocalDateTime ldt = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
                List<ZoneOffset> valid = RULES.getValidOffsets(ldt);
                if (valid.isEmpty()) {
                    return "local time " + csv.text(h.time) + " does not exist (spring-forward gap)";
                }
                if (valid.size() == 2) {
                    ambiguous = true;
                }
                offset = valid.get(0).getTotalSeconds();
            }
            Instant at = Instant.ofEpochSecond(local - offset);
            switch (format.labelling()) {
                case INTERVAL_START -> {
                    start = at;
                    end = at.plusSeconds(step);
                }
                case INTERVAL_END -> {
                    start = at.minusSeconds(step);
                    end = at;
                }
                case INSTANT -> {
                    start = at;
                    end = at;
                }
            }
            long stampSecond = local - offset;
            if (!ambiguous && (stampCount == 0 || stamps[stampCount - 1] != stampSecond)) {
                addStamp(stampSecond);
            }
            prevStart = ambiguous ? -1 : ts;
            prevEnd = te;
            prevZone = zone;
            return null;
        }

        /** The UTC offset of the current ambiguous record, by its occurrence for the location; 0 past the second. */
        private int occurrence(int id) {
            if (occurrences == null) {
                occurrences = new HashMap<>();
            }
            long key = (localSecond << 20) ^ id;
            int seen = occurrences.merge(key, 1, Integer::sum);
            int offset = seen == 1 ? EDT : seen == 2 ? EST : 0;
            if (offset != 0) {
                long stamp = localSecond - offset;
                if (stampCount == 0 || stamps[stampCount - 1] < stamp) {
                    addStamp(stamp);
                }
            }
            return offset;
        }

        private void addStamp(long second) {
            if (stampCount == stamps.length) {
                stamps = Arrays.copyOf(stamps, stampCount * 2);
            }
            stamps[stampCount++] = second;
        }

        private Long ptid(int id, byte[] d) {
            if (id >= ptids.length) {
                ptids = Arrays.copyOf(ptids, Math.max(id + 1, ptids.length * 2));
            }
            long v = Decimal.integer(d, csv.start(h.ptid), csv.end(h.ptid));
            if (v == Long.MIN_VALUE) {
                return null;
            }
            Long cached = ptids[id];
            if (cached == null || cached != v) {
                cached = v;
                ptids[id] = cached;
            }
            return cached;
        }

        private void ordered(int id, long second) {
            if (id >= lastSecond.length) {
                int old = lastSecond.length;
                lastSecond = Arrays.copyOf(lastSecond, Math.max(id + 1, old * 2));
                Arrays.fill(lastSecond, old, lastSecond.length, Long.MIN_VALUE);
            }
            if (second <= lastSecond[id]) {
                unordered = true;
            }
            lastSecond[id] = second;
        }

        /**
         * Leaves out the RTC 15-minute advisory rows a {@code realtime} file carries after its newest RTD
         * interval: the trailing run of interval ends a quarter hour apart. The RTD interval just before that
         * run is left out too when it ends on a quarter hour, as it cannot be told from the first RTC row.
         */
        private void dropAdvisory() {
            long[] s = Arrays.copyOf(stamps, stampCount);
            Arrays.sort(s);
            int n = 0;
            for (int i = 0; i < s.length; i++) {
                if (n == 0 || s[n - 1] != s[i]) {
                    s[n++] = s[i];
                }
            }
            int first = n;
            for (int i = n - 1; i >= 1 && s[i] - s[i - 1] == 900 && s[i] % 900 == 0; i--) {
                first = i;
            }
            if (first == n) {
                return;
            }
            long lastRtd = s[first - 1];
            boolean unsure = lastRtd % 900 == 0;
            long keep = unsure ? (first >= 2 ? s[first - 2] : Long.MIN_VALUE) : lastRtd;
            int before = rows.size();
            rows.removeIf(r -> r.instant(1).getEpochSecond() > keep);
            neighbours.removeIf(r -> r.instant(1).getEpochSecond() > keep);
            notes.add(file + ": " + (before - rows.size()) + " rows after "
                    + (keep == Long.MIN_VALUE ? "the start of the file" : "the newest certain RTD interval (ending "
                            + Instant.ofEpochSecond(keep) + ")") + " left out as RTC 15-minute advisory"
                    + (unsure ? ", including the quarter-hour interval ending " + Instant.ofEpochSecond(lastRtd)
                            + " that cannot be told from RTC" : ""));
        }

        /** Drops exact repeats (with a note); returns a problem when one key has two different rows. */
        private String mergeRepeats() {
            int[] key = format.keyColumns().stream().mapToInt(Integer::intValue).toArray();
            Map<List<Object>, Row> seen = new HashMap<>(rows.size() * 2);
            int repeats = 0;
            for (List<Row> list : List.of(rows, neighbours)) {
                List<Row> kept = new ArrayList<>(list.size());
                for (Row r : list) {
                    Object[] k = new Object[key.length];
                    for (int i = 0; i < key.length; i++) {
                        k[i] = r.get(key[i]);
                    }
                    Row earlier = seen.putIfAbsent(Arrays.asList(k), r);
                    if (earlier == null) {
                        kept.add(r);
                    } else if (earlier.equals(r)) {
                        repeats++;
                    } else {
                        return "two different rows for " + Arrays.toString(k) + ": " + earlier + " and " + r;
                    }
                }
                list.clear();
                list.addAll(kept);
            }
            if (repeats > 0) {
                notes.add(file + ": " + repeats + " repeated rows dropped");
            }
            return null;
        }

        private Optional<Instant> coveredUntil() {
            long until = Long.MIN_VALUE;
            for (Row r : rows) {
                long t = format.labelling() == Labelling.INSTANT
                        ? Math.floorDiv(r.instant(0).getEpochSecond(), step) * step + step
                        : r.instant(1).getEpochSecond();
                if (t > until) {
                    until = t;
                }
            }
            return until == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochSecond(until));
        }
    }

    /**
     * Local seconds since 1970-01-01T00:00 of {@code MM/DD/YYYY HH:MM} or {@code MM/DD/YYYY HH:MM:SS}, or
     * {@link Long#MIN_VALUE} when malformed.
     */
    static long localSecond(byte[] b, int s, int e) {
        int len = e - s;
        if ((len != 16 && len != 19) || b[s + 2] != '/' || b[s + 5] != '/' || b[s + 10] != ' ' || b[s + 13] != ':'
                || (len == 19 && b[s + 16] != ':')) {
            return Long.MIN_VALUE;
        }
        int month = two(b, s);
        int dom = two(b, s + 3);
        int year = two(b, s + 6) * 100 + two(b, s + 8);
        int hour = two(b, s + 11);
        int minute = two(b, s + 14);
        int second = len == 19 ? two(b, s + 17) : 0;
        if (month < 1 || month > 12 || dom < 1 || dom > 31 || year < 0 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        if (dom > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return Long.MIN_VALUE;
        }
        return LocalDate.of(year, month, dom).toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second;
    }

    private static int two(byte[] b, int p) {
        int hi = b[p] - '0';
        int lo = b[p + 1] - '0';
        if (hi < 0 || hi > 9 || lo < 0 || lo > 9) {
            return -1_000;
        }
        return hi * 10 + lo;
    }
}
