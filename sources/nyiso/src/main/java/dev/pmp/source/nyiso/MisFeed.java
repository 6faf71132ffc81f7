package dev.pmp.source.nyiso;

import dev.pmp.source.nyiso.FilePlan.Fetch;
import dev.pmp.source.nyiso.mis.DayFileReader;
import dev.pmp.source.nyiso.mis.DayRead;
import dev.pmp.source.nyiso.mis.MonthlyArchive;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads one NYISO dataset from the MIS daily CSV files and monthly zip archives; see {@link FilePlan} for
 * which files answer a window. A window's files are fetched one after the other through
 * {@link Parsed#next()}. Immutable and thread-safe.
 *
 * <p>Coverage: a day of a monthly archive is final, so its member covers the whole day; a day missing
 * from an archive is covered too (an explicit source gap, with a note) when a later day of the month is
 * in the archive or the day ended a week before the fetch, and left uncovered otherwise (it may still be
 * added). A daily file may still be growing: it covers its day up to its newest row. A day whose file has
 * a bad row is quarantined as a whole.
 */
final class MisFeed implements Feed {

    /** How long after its end a day missing from an archive counts as never coming (the daily files' life). */
    static final Duration ARCHIVE_SETTLED = Duration.ofDays(7);

    /** When a dataset needs two files per day, the second covers only intervals older than this at fetch time. */
    static final Duration SECOND_FILE_LAG = Duration.ofMinutes(15);

    /**
     * One file kind of the dataset with its reader.
     *
     * @param file where the file lives
     * @param reader how it is read
     */
    record Part(MisFile file, DayFileReader reader) {
    }

    private final Dataset dataset;
    private final List<Part> parts;
    private final List<MisFile> files;
    private final URI base;
    private final ZoneId zone;

    MisFeed(Dataset dataset, List<Part> parts, NyisoSettings settings) {
        this.dataset = dataset;
        this.parts = List.copyOf(parts);
        this.files = parts.stream().map(Part::file).toList();
        this.base = settings.misBase();
        this.zone = dataset.marketZone();
    }

    @Override
    public Dataset dataset() {
        return dataset;
    }

    @Override
    public FetchRequest request(Window window) {
        return request(FilePlan.of(window, files, zone).get(0));
    }

    private FetchRequest request(Fetch f) {
        return FetchRequest.get(f.file().uri(base, f.fileName()));
    }

    /**
     * @throws SourceException {@link Failure#BAD_DATA} for an answer that is not one of the window's files,
     *     an HTML page, a truncated archive or a file whose header lacks a required column;
     *     {@link Failure#NOT_PUBLISHED} for an empty daily file
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        List<Fetch> plan = FilePlan.of(window, files, zone);
        String path = response.uri().getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        int index = -1;
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).fileName().equals(name)) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            throw new SourceException(Failure.BAD_DATA, dataset.id() + ": the answer " + response.uri()
                    + " is not one of the files of window " + window);
        }
        Fetch fetch = plan.get(index);
        DayFileReader reader = parts.get(files.indexOf(fetch.file())).reader();
        Result result = fetch.monthly() ? monthly(fetch, reader, response) : daily(fetch, reader, response);
        Optional<FetchRequest> next = index + 1 < plan.size() ? Optional.of(request(plan.get(index + 1))) : Optional.empty();
        return new Parsed(result.rows, fetch.claims() ? Window.merge(result.covered) : List.of(), result.quarantined,
                result.notes, next);
    }

    private Result daily(Fetch fetch, DayFileReader reader, FetchResponse response) throws SourceException {
        String name = fetch.fileName();
        byte[] body = response.body();
        if (body.length == 0) {
            throw new SourceException(Failure.NOT_PUBLISHED, dataset.id() + ": " + name + " is empty (not written yet?)");
        }
        DayRead read = reader.read(name, fetch.day(), body, 0, body.length, false);
        Result result = new Result();
        result.notes.addAll(read.notes());
        Window day = day(fetch.day());
        if (read.problem().isPresent()) {
            result.quarantined.add(new Quarantine(day, read.records(), read.problem().get() + "; day held back"));
            return result;
        }
        result.rows.addAll(read.rows());
        result.rows.addAll(read.neighbours());
        Instant until;
        if (reader.format().multiDay()) {
            until = day.end();
        } else if (read.coveredUntil().isPresent()) {
            until = read.coveredUntil().get();
            if (until.isAfter(day.end())) {
                until = day.end();
            }
            // a file reaching past the fetch was published ahead (day-ahead) and is complete; only a growing one waits
            if (parts.size() > 1 && !until.isAfter(response.fetchedAt())) {
                Instant settled = Instant.ofEpochSecond(Math.floorDiv(
                        response.fetchedAt().minus(SECOND_FILE_LAG).getEpochSecond(), dataset.cadence().toSeconds())
                        * dataset.cadence().toSeconds());
                if (until.isAfter(settled)) {
                    until = settled;
                    result.notes.add(name + ": coverage held at " + settled + " until the other file of the day has "
                            + "surely caught up (NYISO does not update them together)");
                }
            }
        } else {
            result.notes.add(name + ": no rows yet; nothing covered");
            return result;
        }
        if (until.isAfter(day.start())) {
            result.covered.add(new Window(day.start(), until));
        }
        return result;
    }

    private Result monthly(Fetch fetch, DayFileReader reader, FetchResponse response) throws SourceException {
        String name = fetch.fileName();
        YearMonth month = YearMonth.from(fetch.day());
        SortedMap<LocalDate, DayRead> reads = new TreeMap<>();
        List<String> archiveNotes = MonthlyArchive.read(dataset.id() + ": " + name, response.body(),
                fetch.file().name(), month, (day, data, length) ->
                        reads.put(day, reader.read(fetch.file().dailyName(day), day, data, 0, length, true)));
        Result result = new Result();
        result.notes.addAll(archiveNotes);
        int size = 0;
        for (DayRead read : reads.values()) {
            size += read.rows().size();
        }
        result.rows = new ArrayList<>(size);
        List<Row> neighbours = new ArrayList<>();
        LocalDate lastFound = reads.isEmpty() ? null : reads.lastKey();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            Window day = day(d);
            DayRead read = reads.get(d);
            if (read == null) {
                missing(name, d, day, lastFound, response.fetchedAt(), result);
                continue;
            }
            result.notes.addAll(read.notes());
            if (read.problem().isPresent()) {
                result.quarantined.add(new Quarantine(day, read.records(), name + ": " + read.problem().get()
                        + "; day held back"));
                continue;
            }
            result.rows.addAll(read.rows());
            neighbours.addAll(read.neighbours());
            result.covered.add(day);
        }
        mergeNeighbours(neighbours, reader, result);
        return result;
    }

    private void missing(String name, LocalDate d, Window day, LocalDate lastFound, Instant fetchedAt, Result result) {
        if (lastFound == null) {
            if (d.getDayOfMonth() == 1) {
                result.notes.add(name + " holds no day at all; nothing covered");
            }
            return;
        }
        boolean settled = d.isBefore(lastFound) || !day.end().plus(ARCHIVE_SETTLED).isAfter(fetchedAt);
        if (settled) {
            result.covered.add(day);
            result.notes.add(name + " has no member for " + d + "; recorded as a source gap");
        } else {
            result.notes.add(name + " has no member for " + d + " yet; left uncovered");
        }
    }

    /**
     * Adds the rows a member held for the edge of a neighbouring day unless that day's own member has the
     * same key; its own member wins, and a disagreement is noted.
     */
    private static void mergeNeighbours(List<Row> neighbours, DayFileReader reader, Result result) {
        if (neighbours.isEmpty()) {
            return;
        }
        int[] key = reader.format().keyColumns().stream().mapToInt(Integer::intValue).toArray();
        Map<List<Object>, Row> pending = new HashMap<>();
        Set<Instant> times = new HashSet<>();
        for (Row r : neighbours) {
            pending.putIfAbsent(key(r, key), r);
            times.add(r.instant(0));
        }
        for (Row r : result.rows) {
            if (times.contains(r.instant(0))) {
                Row other = pending.remove(key(r, key));
                if (other != null && !other.equals(r)) {
                    result.notes.add("the files of two days disagree on " + key(r, key) + ": " + other + " vs " + r
                            + "; the row of its own day kept");
                }
            }
        }
        result.rows.addAll(pending.values().stream().sorted((a, b) -> a.instant(0).compareTo(b.instant(0))).toList());
    }

    private static List<Object> key(Row r, int[] key) {
        Object[] k = new Object[key.length];
        for (int i = 0; i < key.length; i++) {
            k[i] = r.get(key[i]);
        }
        return Arrays.asList(k);
    }

    private Window day(LocalDate d) {
        return new Window(d.atStartOfDay(zone).toInstant(), d.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** What one answer made, before it becomes a {@link Parsed}. */
    private static final class Result {
        List<Row> rows = new ArrayList<>();
        final List<Window> covered = new ArrayList<>();
        final List<Quarantine> quarantined = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
    }
}
