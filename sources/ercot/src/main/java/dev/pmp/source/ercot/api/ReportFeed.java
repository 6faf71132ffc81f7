package dev.pmp.source.ercot.api;

import dev.pmp.source.ercot.report.ErcotReport;
import dev.pmp.source.ercot.report.ReportParser;
import dev.pmp.source.ercot.report.ReportRows;
import dev.pmp.source.ercot.time.ErcotTime;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads one {@link ErcotReport} from the Public API, choosing the route from the window alone:
 *
 * <ul>
 *   <li><b>archive</b> for a window of exactly one interval of a report posted one interval per document
 *       ({@link ErcotReport#intervalPostingPrefix()}, NP6-905-CD): {@code GET /archive/{emil}?postDatetimeFrom=..}
 *       lists the postings of the hour after the interval's end, the one named by that end is downloaded
 *       with {@code ?download={docId}} through {@link Parsed#next()}: a zip with one CSV;
 *   <li><b>bundle</b> for a window of {@link #BUNDLE_WINDOW} or more: {@code GET /bundle/{emil}} lists the
 *       monthly bundles (later listing pages through {@link Parsed#next()} until the month is found), the bundle
 *       of the window's first month (Central Prevailing Time) is downloaded with {@code ?download={docId}}
 *       through {@link Parsed#next()}, and every posting zip inside is parsed. When no bundle of that month is
 *       listed (bundles lag about two months, README section 3.5), the window goes the bulk route instead;
 *   <li><b>bulk</b> for a shorter window starting before the query endpoints hold data ({@link #QUERY_START}),
 *       and as the bundle route's fall-back: the archive listing of the window's postings by post time, each
 *       listing page's documents downloaded in one {@code POST /archive/{emil}/download} of at most the
 *       product's {@code downloadLimit} doc ids, a zip of posting zips ({@link BulkDownload}). A short old
 *       window costs two requests per thousand postings instead of a whole month's bundle, and the query
 *       endpoint answers nothing before {@link #QUERY_START};
 *   <li><b>query</b> otherwise: {@code GET /{emil}/{artifact}?{filter}From=..&{filter}To=..&page=n&size=..},
 *       the next page through {@link Parsed#next()} until {@code _meta.currentPage == totalPages}.
 * </ul>
 *
 * <p>Rows are kept only inside the window. Covered: the interval (archive), from the window's start to the
 * end of the newest row (query, once the last page is read) or the span of the rows inside the window of
 * each bundle or bulk download, so a tail not yet published is fetched again later; no rows at all is
 * {@link Failure#NOT_PUBLISHED}. Downloads by doc id are marked {@link FetchRequest#asImmutable()}. Every
 * request is authenticated and spends the {@value ErcotApi#BUDGET} budget. Immutable and thread-safe.
 */
public final class ReportFeed implements Feed {

    /** The query endpoints hold data from the products' API activation (README section 1.2). */
    public static final Instant QUERY_START = LocalDate.of(2023, 12, 11).atStartOfDay(ErcotTime.ZONE).toInstant();
    /** A window at least this long is read from a monthly bundle. */
    public static final Duration BUNDLE_WINDOW = Duration.ofDays(28);

    private static final DateTimeFormatter LOCAL_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter POSTING_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmm");

    private final ErcotReport report;
    private final ApiSettings settings;
    private final BulkDownload bulk;

    public ReportFeed(ErcotReport report, ApiSettings settings) {
        this.report = Objects.requireNonNull(report, "report");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (report.query().isEmpty()) {
            throw new IllegalArgumentException(report.reportId() + " has no query endpoint; use DisclosureFeed");
        }
        this.bulk = new BulkDownload(report, settings, ArchiveProduct.of(report).orElseThrow(
                () -> new IllegalArgumentException(report.reportId() + " has no archive facts in ArchiveProduct")));
    }

    @Override
    public Dataset dataset() {
        return report.dataset();
    }

    /** Whether {@code window} is read from a monthly bundle first (and by bulk download when none is listed). */
    public static boolean bundleRoute(Window window) {
        return window.length().compareTo(BUNDLE_WINDOW) >= 0;
    }

    /** Whether {@code window} is read by bulk download of its archive postings from the start. */
    public boolean bulkRoute(Window window) {
        return !archiveRoute(window) && !bundleRoute(window) && window.start().isBefore(QUERY_START);
    }

    /** Whether {@code window} is one posting of a report posted one interval per document. */
    public boolean archiveRoute(Window window) {
        return report.intervalPostingPrefix().isPresent() && window.length().equals(report.dataset().cadence());
    }

    @Override
    public FetchRequest request(Window window) {
        if (archiveRoute(window)) {
            // postDatetime is local wall-clock text; a posting appears a few minutes after its interval ends.
            return ErcotApi.request(settings.api("archive/" + report.emil() + "?postDatetimeFrom="
                    + LOCAL_SECONDS.format(window.end().atZone(ErcotTime.ZONE)) + "&postDatetimeTo="
                    + LOCAL_SECONDS.format(window.end().plus(ErcotTime.HOUR).atZone(ErcotTime.ZONE)) + "&size=1000&page=1"));
        }
        if (bundleRoute(window)) {
            return ErcotApi.request(settings.api("bundle/" + report.emil()));
        }
        if (bulkRoute(window)) {
            return bulk.listing(window, 1);
        }
        return ErcotApi.request(queryUri(window, 1));
    }

    /** The query page {@code page} (1-based) for {@code window}. */
    URI queryUri(Window window, long page) {
        ErcotReport.Query q = report.query().orElseThrow();
        String from;
        String to;
        if (q.timestamps()) {
            // Local stamps carry no offset: widen by an hour so both passes of a repeated hour are inside.
            from = LOCAL_SECONDS.format(window.start().minus(ErcotTime.HOUR).atZone(ErcotTime.ZONE));
            to = LOCAL_SECONDS.format(window.end().plus(ErcotTime.HOUR).atZone(ErcotTime.ZONE));
        } else {
            from = window.start().atZone(ErcotTime.ZONE).toLocalDate().toString();
            to = window.end().minusNanos(1).atZone(ErcotTime.ZONE).toLocalDate().toString();
        }
        return settings.api(q.path() + "?" + q.filter() + "From=" + from + "&" + q.filter() + "To=" + to + "&page="
                + page + "&size=" + settings.pageSize());
    }

    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        String what = report.reportId() + " " + response.uri();
        ErcotApi.checkDownload(what, response);
        if (archiveRoute(window)) {
            return Zips.isZip(response.body()) ? posting(window, what, response.body())
                    : postingListing(window, what, response.body());
        }
        if (bulk.isDownload(response.uri())) {
            return bulk.downloaded(window, what, response);
        }
        if (bulk.isListing(response.uri())) {
            return bulk.listed(window, what, response);
        }
        if (Zips.isZip(response.body())) {
            return bundle(window, what, response.body());
        }
        if (bundleRoute(window)) {
            return bundleListing(window, what, response.body());
        }
        return queryPage(window, what, response);
    }

    /**
     * A bundle or a bulk download (thousands of postings, millions of rows) is handed over
     * {@value BulkDownload#POSTINGS_PER_WRITE} postings at a time, after the download as a whole is checked;
     * every other answer is one part, as {@link #parse} reads it.
     */
    @Override
    public Optional<FetchRequest> parseParts(Window window, FetchResponse response, Parts parts)
            throws SourceException, StoreException {
        String what = report.reportId() + " " + response.uri();
        ErcotApi.checkDownload(what, response);
        if (!archiveRoute(window)) {
            if (bulk.isDownload(response.uri())) {
                return bulk.downloadedInParts(window, what, response, parts);
            }
            if (!bulk.isListing(response.uri()) && Zips.isZip(response.body())) {
                inParts(report, window, what, Zips.members(what, response.body()), parts, true);
                return Optional.empty();
            }
        }
        return Feed.super.parseParts(window, response, parts);
    }

    private Parsed queryPage(Window window, String what, FetchResponse response) throws SourceException {
        byte[] body = response.body();
        ApiErrors.check(what, body);
        ReportRows page = ReportParser.parseApiPage(report, what, body);
        List<Row> rows = inside(window, page.rows());
        List<String> notes = new ArrayList<>(page.notes());
        int outside = page.rows().size() - rows.size();
        if (outside > 0) {
            notes.add(what + ": " + outside + " row(s) outside " + window + " left out");
        }
        if (page.morePages()) {
            long asked = ErcotApi.queryLong(response.uri(), "page").orElse(page.page());
            if (page.page() < asked) {
                // The server ignored the page asked for: following _meta would loop forever.
                throw new SourceException(Failure.BAD_DATA, what + ": asked for page " + asked + ", got page "
                        + page.page() + " of " + page.pages());
            }
            return new Parsed(rows, List.of(), List.of(), notes,
                    Optional.of(ErcotApi.request(queryUri(window, page.page() + 1))), page.unknownColumns());
        }
        if (rows.isEmpty() && page.page() <= 1) {
            throw new SourceException(Failure.NOT_PUBLISHED, what + ": no rows for " + window + " yet");
        }
        return Parsed.of(rows, covered(report, window, rows, false), List.of(), notes)
                .withUnknownColumns(page.unknownColumns());
    }

    private Parsed bundleListing(Window window, String what, byte[] body) throws SourceException {
        Listing listing = Listing.parse(what, body);
        YearMonth month = YearMonth.from(window.start().atZone(ErcotTime.ZONE));
        String suffix = "_" + month;
        Optional<Document> bundle = listing.documents().stream().filter(d -> d.friendlyName().endsWith(suffix))
                .max(Comparator.comparingLong(Document::docId));
        if (bundle.isEmpty() && listing.page() < listing.pages()) {
            // Listings come newest first: an older month may be on a later page.
            return new Parsed(List.of(), List.of(), List.of(), List.of(), Optional.of(ErcotApi.request(
                    settings.api("bundle/" + report.emil() + "?page=" + (listing.page() + 1)))));
        }
        if (bundle.isEmpty()) {
            // Bundles lag about two months: the postings of a month not bundled yet are downloaded in bulk.
            return new Parsed(List.of(), List.of(), List.of(), List.of(what + ": no " + report.reportId() + " bundle for "
                    + month + " listed yet; reading " + window + " by bulk download"), Optional.of(bulk.listing(window, 1)));
        }
        List<String> notes = new ArrayList<>();
        if (listing.documents().stream().filter(d -> d.friendlyName().endsWith(suffix)).count() > 1) {
            notes.add(what + ": several bundles for " + month + "; the newest, doc " + bundle.get().docId() + ", is read");
        }
        URI download = settings.api("bundle/" + report.emil() + "?download=" + bundle.get().docId());
        return new Parsed(List.of(), List.of(), List.of(), notes, Optional.of(ErcotApi.request(download).asImmutable()));
    }

    /**
     * The archive listing of the postings after one interval: the posting named by the interval's local end.
     * In the fall-back hour both passes carry the same name; the first pass takes the older document, the
     * second the newer. Otherwise the newest document of that name wins (a re-post).
     */
    private Parsed postingListing(Window window, String what, byte[] body) throws SourceException {
        Listing listing = Listing.parse(what, body);
        java.time.ZonedDateTime end = window.end().atZone(ErcotTime.ZONE);
        String name = report.intervalPostingPrefix().orElseThrow() + POSTING_STAMP.format(end);
        List<Document> named = listing.documents().stream().filter(d -> d.friendlyName().equals(name)).toList();
        if (named.isEmpty()) {
            throw new SourceException(Failure.NOT_PUBLISHED, what + ": posting " + name + " not listed yet");
        }
        List<java.time.ZoneOffset> offsets = ErcotTime.ZONE.getRules().getValidOffsets(end.toLocalDateTime());
        boolean firstPass = offsets.size() > 1 && end.getOffset().equals(end.withEarlierOffsetAtOverlap().getOffset());
        Comparator<Document> byId = Comparator.comparingLong(Document::docId);
        Document doc = firstPass ? named.stream().min(byId).orElseThrow() : named.stream().max(byId).orElseThrow();
        URI download = settings.api("archive/" + report.emil() + "?download=" + doc.docId());
        return new Parsed(List.of(), List.of(), List.of(), List.of(), Optional.of(ErcotApi.request(download).asImmutable()));
    }

    /** One posting: a zip with one CSV whose rows are the window's interval. */
    private Parsed posting(Window window, String what, byte[] zip) throws SourceException {
        Zips.Member csv = Zips.singleCsv(what, zip);
        ReportRows rows = ReportParser.parseCsv(report, csv.name(), csv.bytes());
        List<Row> in = inside(window, rows.rows());
        if (in.isEmpty()) {
            throw new SourceException(Failure.BAD_DATA, what + ": posting " + csv.name() + " holds no rows for " + window);
        }
        List<String> notes = new ArrayList<>(rows.notes());
        if (in.size() < rows.rows().size()) {
            notes.add(what + ": " + (rows.rows().size() - in.size()) + " row(s) outside " + window + " left out");
        }
        return Parsed.of(in, List.of(window), List.of(), notes).withUnknownColumns(rows.unknownColumns());
    }

    /**
     * A bundle: a zip of posting zips, each with one CSV. A posting whose first interval an earlier posting
     * already had is a re-post ({@code _retry}) and replaces it.
     */
    private Parsed bundle(Window window, String what, byte[] zip) throws SourceException {
        List<String> notes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<Row> all = inside(window, BulkDownload.readPostings(report, what, Zips.members(what, zip), notes, unknown));
        if (all.isEmpty()) {
            throw new SourceException(Failure.NOT_PUBLISHED, what + ": the bundle holds no rows inside " + window);
        }
        return Parsed.of(all, covered(report, window, all, true), List.of(), notes).withUnknownColumns(unknown);
    }

    /**
     * Reads a download of posting zips {@value BulkDownload#POSTINGS_PER_WRITE} postings at a time, each part
     * with its rows inside the window and what they vouch for. A part without rows inside the window is not
     * handed over (its notes go with the next part), but at least one part is.
     *
     * @param requireRows whether a download without a row inside the window is {@link Failure#NOT_PUBLISHED}
     *     (a bundle), checked once every posting is read
     */
    static void inParts(ErcotReport report, Window window, String what, List<Zips.Member> postings, Parts parts,
            boolean requireRows) throws SourceException, StoreException {
        List<String> notes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        boolean[] handed = {false};
        BulkDownload.readPostings(report, what, postings, BulkDownload.POSTINGS_PER_WRITE, (rows, n, u) -> {
            notes.addAll(n);
            unknown.addAll(u);
            List<Row> in = inside(window, rows);
            if (!in.isEmpty()) {
                parts.accept(Parsed.of(in, covered(report, window, in, true), List.of(), List.copyOf(notes))
                        .withUnknownColumns(List.copyOf(unknown)));
                notes.clear();
                unknown.clear();
                handed[0] = true;
            }
        });
        if (!handed[0]) {
            if (requireRows) {
                throw new SourceException(Failure.NOT_PUBLISHED, what + ": the bundle holds no rows inside " + window);
            }
            parts.accept(Parsed.of(List.of(), List.of(), List.of(), notes).withUnknownColumns(unknown));
        }
    }

    /** Rows whose grid instant lies inside the window. */
    static List<Row> inside(Window window, List<Row> rows) {
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (window.contains(r.instant(0))) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * What rows inside {@code window} vouch for: from the earliest row (the window's start for a query,
     * which asked for exactly the window) to the end of the newest row.
     */
    static List<Window> covered(ErcotReport report, Window window, List<Row> rows, boolean fromFirst) {
        Instant first = null;
        Instant last = null;
        boolean interval = report.dataset().timeShape() == TimeShape.INTERVAL;
        for (Row r : rows) {
            Instant start = r.instant(0);
            Instant end = interval ? r.instant(1) : start.plusMillis(1);
            if (first == null || start.isBefore(first)) {
                first = start;
            }
            if (last == null || end.isAfter(last)) {
                last = end;
            }
        }
        if (first == null) {
            return List.of();
        }
        Instant from = fromFirst ? first : window.start();
        Instant to = last.isAfter(window.end()) ? window.end() : last;
        return to.isAfter(from) ? List.of(new Window(from, to)) : List.of();
    }

    @Override
    public String toString() {
        return "ReportFeed[" + report.reportId() + ", " + settings.apiBase() + "]";
    }
}
