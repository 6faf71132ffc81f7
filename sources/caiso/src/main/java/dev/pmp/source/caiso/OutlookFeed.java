package dev.pmp.source.caiso;

import dev.pmp.source.caiso.outlook.OutlookDay;
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
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What both Today's Outlook feeds share: one file per Pacific day,
 * {@code <outlook>/history/YYYYMMDD/<file>}, read through {@link Parsed#next()} for every day a window
 * touches, spending the {@value #BUDGET} request budget. A file that holds only its header is "not
 * published" for a recent day and a source gap for an older one. An older day's file is vouched for
 * whole only when it lists the day through 23:55 (CAISO lists every time, empty when it has no
 * value), so a file cut at a line end cannot turn the rest of the day into a source gap; otherwise,
 * and for a recent day, coverage stops after the last row with data. Immutable and thread-safe.
 */
abstract class OutlookFeed implements Feed {

    /** The request budget of the Outlook site (a CDN, not OASIS). */
    static final String BUDGET = "outlook";

    static final Duration CADENCE = Duration.ofMinutes(5);

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Dataset dataset;
    private final URI base;
    private final String file;

    OutlookFeed(Dataset dataset, URI base, String file) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.base = Objects.requireNonNull(base, "base");
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public final Dataset dataset() {
        return dataset;
    }

    /** The file of the Pacific day {@code window} starts in. */
    @Override
    public final FetchRequest request(Window window) {
        return request(window.start().atZone(Caiso.ZONE).toLocalDate());
    }

    private FetchRequest request(LocalDate day) {
        return new FetchRequest(URI.create(base + "/history/" + DAY.format(day) + "/" + file), Map.of("Accept", "text/csv"))
                .withBudget(BUDGET);
    }

    /**
     * Reads one day's file (the day comes from the answered URI) and asks for the next day's while the
     * window goes on.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when the URI names no day or the file cannot be
     *     trusted; {@link Failure#NOT_PUBLISHED} for a header-only file of a recent day;
     *     {@link Failure#TRANSIENT} for an HTML page
     */
    @Override
    public final Parsed parse(Window window, FetchResponse response) throws SourceException {
        LocalDate day = day(response.uri());
        Window whole = new Window(day.atStartOfDay(Caiso.ZONE).toInstant(),
                day.plusDays(1).atStartOfDay(Caiso.ZONE).toInstant());
        Window span = whole.intersection(window);
        Optional<FetchRequest> next = window.end().isAfter(whole.end()) ? Optional.of(request(day.plusDays(1)))
                : Optional.empty();
        if (span == null) {
            throw new SourceException(Failure.BAD_DATA, dataset.id() + ": the answered file " + response.uri()
                    + " is for " + day + ", outside the window " + window);
        }
        String name = file + " of " + day;
        OutlookDay outlook = OutlookDay.read(response.body(), day, Caiso.ZONE, name);
        List<Row> rows = new ArrayList<>();
        List<Quarantine> quarantined = new ArrayList<>();
        List<String> notes = new ArrayList<>(outlook.notes());
        notes.addAll(checkColumns(name, outlook.columns()));
        Instant lastEnd = null;
        for (OutlookDay.Sample s : outlook.samples()) {
            if (!span.contains(s.start())) {
                continue;
            }
            Window interval = Window.of(s.start(), CADENCE);
            int before = rows.size();
            String problem = rows(s, interval, outlook.columns(), rows, notes);
            if (problem != null) {
                quarantined.add(new Quarantine(interval, s.cells().size(), name + " line " + s.line() + ": " + problem));
            }
            if (problem != null || rows.size() > before) {
                lastEnd = interval.end();
            }
        }
        boolean recent = span.end().isAfter(response.fetchedAt().minus(
                dataset.publicationDelay().plus(dataset.grace()).plus(OasisFeed.SETTLING)));
        if (lastEnd == null && recent) {
            throw new SourceException(Failure.NOT_PUBLISHED, dataset.id() + ": " + name + " holds no data for " + span
                    + " yet" + (outlook.samples().isEmpty() ? " (header only)" : ""));
        }
        List<Window> covered;
        if (!recent && (outlook.listsWholeDay() || outlook.samples().isEmpty())) {
            covered = Coverage.minus(span, quarantined);
            if (lastEnd == null) {
                notes.add(dataset.id() + ": " + name + " holds no data for " + span + ": recorded as a source gap");
            }
        } else if (lastEnd == null) {
            covered = List.of();
        } else {
            covered = Coverage.minus(new Window(span.start(), lastEnd.isBefore(span.end()) ? lastEnd : span.end()),
                    quarantined);
        }
        return new Parsed(rows, covered, quarantined, notes, next);
    }

    /**
     * Checks the file's value columns before any row is read.
     *
     * @param file the file's name and day, for messages
     * @return notes on columns this feed does not know
     * @throws SourceException {@link Failure#BAD_DATA} when a required column is missing
     */
    abstract List<String> checkColumns(String file, List<String> columns) throws SourceException;

    /**
     * Adds the rows of one sample.
     *
     * @return why the sample is held back (its rows are then not added), or null
     */
    abstract String rows(OutlookDay.Sample sample, Window interval, List<String> columns, List<Row> rows,
            List<String> notes);

    private LocalDate day(URI uri) throws SourceException {
        String path = uri.getPath();
        int at = path.lastIndexOf("/history/");
        if (at >= 0) {
            int end = path.indexOf('/', at + 9);
            if (end > at) {
                try {
                    return LocalDate.parse(path.substring(at + 9, end), DAY);
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
        }
        throw new SourceException(Failure.BAD_DATA, dataset.id() + ": the answered URI " + uri
                + " names no /history/YYYYMMDD/ day");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + base + "/history/YYYYMMDD/" + file + "]";
    }
}
