package dev.pmp.source.ercot.api;

import dev.pmp.source.ercot.report.ErcotReport;
import dev.pmp.source.ercot.report.ReportParser;
import dev.pmp.source.ercot.report.ReportRows;
import dev.pmp.source.ercot.time.ErcotTime;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.Window;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ForkJoinTask;

/**
 * The bulk route of {@link ReportFeed} (README section 3.5): the archive listing of a window's documents by post
 * time, one page at a time ({@code GET /archive/{emil}?postDatetimeFrom=..&postDatetimeTo=..&size=..&page=n}),
 * each page's documents downloaded at once ({@code POST /archive/{emil}/download} with {@code {"docIds":[..]}}),
 * then the next page. A page holds at most the product's {@code downloadLimit} documents, so one page is one
 * download. The answer is a zip of {@code <docId>.zip} members, each a posting zip with one CSV.
 *
 * <p>The listing filter compares local wall-clock text without an offset, so on the fall-back night a range
 * that starts in the first 01:xx pass and ends in the second lists nothing: the listing asks for an hour more on
 * both sides, reads each page's documents in docId order (a posting time that goes back inside the repeated
 * hour starts the second pass), and keeps the documents posted inside the window's post-time range
 * ({@link ArchiveProduct#postTime}).
 *
 * <p>A feed reads the response, never the request: the download's URI carries in its fragment, which is never
 * sent, the listing page it came from, the number of pages, and the count and sum of the doc ids asked for, so
 * the answer is checked against the request and the next listing page is known. Immutable and thread-safe.
 */
final class BulkDownload {

    private static final DateTimeFormatter LOCAL_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final ErcotReport report;
    private final ApiSettings settings;
    private final ArchiveProduct product;

    BulkDownload(ErcotReport report, ApiSettings settings, ArchiveProduct product) {
        this.report = Objects.requireNonNull(report, "report");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.product = Objects.requireNonNull(product, "product");
    }

    /**
     * What one bulk download asked for, as its URI's fragment carries it.
     *
     * @param page the listing page (1-based) whose documents were asked for
     * @param pages the listing's page count
     * @param docs how many doc ids were asked for
     * @param sum the sum of those doc ids
     */
    record Asked(long page, long pages, int docs, long sum) {

        String fragment() {
            return "page=" + page + "&pages=" + pages + "&docs=" + docs + "&sum=" + sum;
        }

        static Optional<Asked> of(URI uri) {
            String f = uri.getRawFragment();
            if (f == null) {
                return Optional.empty();
            }
            Map<String, Long> v = new HashMap<>();
            for (String pair : f.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    try {
                        v.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
            }
            if (!v.keySet().containsAll(List.of("page", "pages", "docs", "sum"))) {
                return Optional.empty();
            }
            return Optional.of(new Asked(v.get("page"), v.get("pages"), Math.toIntExact(v.get("docs")), v.get("sum")));
        }
    }

    /** Listing page {@code page} (1-based) of the documents posted for {@code window}, an hour wider on each side. */
    FetchRequest listing(Window window, long page) {
        Instant from = product.postTime(window.start()).minus(ErcotTime.HOUR);
        Instant to = product.postTime(window.end()).plus(ErcotTime.HOUR);
        return ErcotApi.request(settings.api("archive/" + report.emil() + "?postDatetimeFrom="
                + LOCAL_SECONDS.format(from.atZone(ErcotTime.ZONE)) + "&postDatetimeTo="
                + LOCAL_SECONDS.format(to.atZone(ErcotTime.ZONE)) + "&size=" + product.listingPageSize() + "&page=" + page));
    }

    /** Whether {@code uri} is this report's archive listing. */
    boolean isListing(URI uri) {
        return uri.getPath() != null && uri.getPath().endsWith("/archive/" + report.emil());
    }

    /** Whether {@code uri} is this report's bulk download. */
    boolean isDownload(URI uri) {
        return uri.getPath() != null && uri.getPath().endsWith("/archive/" + report.emil() + "/download");
    }

    /**
     * One listing page: the bulk download of its documents inside the window, or the next page when it has none.
     *
     * @throws SourceException {@link Failure#NOT_PUBLISHED} when the only page lists nothing for the window,
     *     {@link Failure#BAD_DATA} for a page that is not the one asked for or holds more than a download may name
     */
    Parsed listed(Window window, String what, FetchResponse response) throws SourceException {
        Listing listing = Listing.parse(what, response.body());
        long asked = ErcotApi.queryLong(response.uri(), "page").orElse(Math.max(1, listing.page()));
        if (listing.page() != 0 && listing.page() != asked) {
            throw new SourceException(Failure.BAD_DATA, what + ": asked for listing page " + asked + ", got page "
                    + listing.page() + " of " + listing.pages());
        }
        long pages = Math.max(asked, listing.pages());
        List<Document> chosen = choose(window, listing.documents());
        Optional<FetchRequest> after = asked < pages ? Optional.of(listing(window, asked + 1)) : Optional.empty();
        if (chosen.isEmpty()) {
            if (asked <= 1 && after.isEmpty()) {
                throw new SourceException(Failure.NOT_PUBLISHED, what + ": no " + report.reportId()
                        + " postings listed for " + window + " yet");
            }
            return new Parsed(List.of(), List.of(), List.of(), List.of(), after);
        }
        if (chosen.size() > product.downloadLimit()) {
            throw new SourceException(Failure.BAD_DATA, what + ": the page lists " + chosen.size() + " documents for "
                    + window + ", more than the " + product.downloadLimit() + " one download may name");
        }
        StringBuilder ids = new StringBuilder("{\"docIds\":[");
        long sum = 0;
        for (int i = 0; i < chosen.size(); i++) {
            long id = chosen.get(i).docId();
            ids.append(i == 0 ? "" : ",").append(id);
            sum += id;
        }
        ids.append("]}");
        Asked state = new Asked(asked, pages, chosen.size(), sum);
        URI download = settings.api("archive/" + report.emil() + "/download#" + state.fragment());
        FetchRequest post = FetchRequest.post(download, FetchRequest.Body.json(ids.toString()))
                .withHeader("Accept", "application/zip").withAuthentication().withBudget(ErcotApi.BUDGET).asImmutable();
        return new Parsed(List.of(), List.of(), List.of(), List.of(), Optional.of(post));
    }

    /**
     * One bulk download: every member parsed, rows inside the window kept, covered from the earliest to the end
     * of the newest row; then the next listing page.
     *
     * @throws SourceException {@link Failure#BAD_DATA} for an answer that is not a zip, a member that is not a
     *     {@code <docId>.zip} posting zip with one CSV, or other documents than asked for (nothing is kept)
     */
    Parsed downloaded(Window window, String what, FetchResponse response) throws SourceException {
        Asked asked = asked(what, response);
        List<Zips.Member> members = checkedMembers(what, asked, response.body());
        List<String> notes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<Row> all = ReportFeed.inside(window, readPostings(report, what, members, notes, unknown));
        return new Parsed(all, ReportFeed.covered(report, window, all, true), List.of(), notes, after(window, asked),
                unknown);
    }

    /**
     * {@link #downloaded}, handed over {@value #POSTINGS_PER_WRITE} postings at a time (see
     * {@link ReportFeed#parseParts}); the download is checked whole before the first part.
     */
    Optional<FetchRequest> downloadedInParts(Window window, String what, FetchResponse response, Feed.Parts parts)
            throws SourceException, StoreException {
        Asked asked = asked(what, response);
        List<Zips.Member> members = checkedMembers(what, asked, response.body());
        ReportFeed.inParts(report, window, what, members, parts, false);
        return after(window, asked);
    }

    private static Asked asked(String what, FetchResponse response) throws SourceException {
        return Asked.of(response.uri()).orElseThrow(() -> new SourceException(Failure.BAD_DATA, what
                + ": a bulk download whose URI does not say what was asked for"));
    }

    private Optional<FetchRequest> after(Window window, Asked asked) {
        return asked.page() < asked.pages() ? Optional.of(listing(window, asked.page() + 1)) : Optional.empty();
    }

    /**
     * The download's posting zips in posting (doc id) order, once the zip is checked to hold exactly the
     * documents asked for.
     */
    private static List<Zips.Member> checkedMembers(String what, Asked asked, byte[] body) throws SourceException {
        if (!Zips.isZip(body)) {
            ApiErrors.check(what, body);
            throw new SourceException(Failure.BAD_DATA, what + ": a bulk download answered something that is not a zip");
        }
        List<Zips.Member> members = new ArrayList<>(Zips.members(what, body));
        if (members.size() != asked.docs()) {
            throw new SourceException(Failure.BAD_DATA, what + ": asked for " + asked.docs() + " documents, the zip holds "
                    + members.size());
        }
        Map<Zips.Member, Long> ids = new HashMap<>();
        long sum = 0;
        for (Zips.Member m : members) {
            long id = docId(what, m.name());
            ids.put(m, id);
            sum += id;
        }
        if (sum != asked.sum() || ids.values().stream().distinct().count() != members.size()) {
            throw new SourceException(Failure.BAD_DATA, what + ": the zip holds other documents than were asked for");
        }
        // Doc ids grow with posting order: a re-post comes after what it replaces.
        members.sort(Comparator.comparing(ids::get));
        return members;
    }

    /** The doc id of a member named {@code <docId>.zip}. */
    private static long docId(String what, String name) throws SourceException {
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (base.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            try {
                return Long.parseLong(base.substring(0, base.length() - 4));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new SourceException(Failure.BAD_DATA, what + ": member " + name + " is not named <docId>.zip");
    }

    /** Postings in a part parsed on its own thread; fewer postings are parsed on the caller's thread. */
    static final int POSTINGS_PER_PART = 64;

    /**
     * Postings read, checked and written together when a download is read in parts: two days of 15-minute
     * postings, about 200,000 rows of a settlement-point price report, so a month's bundle of millions of rows
     * never sits in memory at once.
     */
    static final int POSTINGS_PER_WRITE = 192;

    /** Receives the rows of consecutive postings, with their notes and unknown columns. */
    @FunctionalInterface
    interface PostingRows {
        void accept(List<Row> rows, List<String> notes, List<String> unknownColumns) throws SourceException, StoreException;
    }

    /**
     * The rows of posting zips (or bare CSVs) in posting order. A posting whose first row's time columns an
     * earlier posting's first row had is a re-post ({@code _retry}) and replaces it.
     *
     * @param notes receives the parser's notes and one line per re-post
     */
    static List<Row> readPostings(ErcotReport report, String what, List<Zips.Member> postings, List<String> notes,
            List<String> unknownColumns) throws SourceException {
        List<Row> all = new ArrayList<>();
        try {
            readPostings(report, what, postings, Integer.MAX_VALUE, (rows, n, u) -> {
                all.addAll(rows);
                notes.addAll(n);
                unknownColumns.addAll(u);
            });
        } catch (StoreException e) {
            throw new IllegalStateException("collecting rows in memory cannot fail to store", e);
        }
        return all;
    }

    /**
     * Reads postings {@code perPart} at a time, in posting order, handing each part's rows to {@code out}. A
     * posting whose first row's time columns an earlier posting's first row had is a re-post ({@code _retry})
     * and replaces it: inside one part its predecessor's rows are dropped; when the predecessor was in an
     * earlier part, already handed over, the re-post's rows replace them as a later write does. A month's
     * bundle holds thousands of postings: those of a part are parsed in contiguous slices, one per processor,
     * on the common fork-join pool with the caller helping; the rows, notes and first failure are those of
     * parsing them in order.
     */
    static void readPostings(ErcotReport report, String what, List<Zips.Member> postings, int perPart,
            PostingRows out) throws SourceException, StoreException {
        Map<List<Object>, Integer> byFirst = new HashMap<>();
        for (int from = 0; from < postings.size(); from += perPart) {
            int to = (int) Math.min(postings.size(), (long) from + perPart);
            List<Read> parsed = parseAll(report, what, postings.subList(from, to));
            List<String> notes = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            List<List<Row>> kept = new ArrayList<>(parsed.size());
            for (int i = 0; i < parsed.size(); i++) {
                ReportRows rows = parsed.get(i).rows();
                notes.addAll(rows.notes());
                unknown.addAll(rows.unknownColumns());
                kept.add(rows.rows());
                if (rows.rows().isEmpty()) {
                    continue;
                }
                // The first row's time columns (start and end, or 5-minute mark and SCED run) name the posting.
                Row first = rows.rows().get(0);
                Integer earlier = byFirst.put(List.of(first.get(0), first.get(1)), from + i);
                if (earlier == null) {
                    continue;
                }
                String repost = what + ": " + parsed.get(i).csv() + " re-posts the data of " + postings.get(earlier).name();
                if (earlier >= from) {
                    kept.set(earlier - from, List.of());
                    notes.add(repost + "; the later posting is kept");
                } else {
                    notes.add(repost + ", written with an earlier part; the later posting's rows replace it");
                }
            }
            int size = 0;
            for (List<Row> rows : kept) {
                size += rows.size();
            }
            List<Row> all = new ArrayList<>(size);
            kept.forEach(all::addAll);
            out.accept(all, notes, unknown);
        }
    }

    /** One posting's CSV: its name and rows. */
    private record Read(String csv, ReportRows rows) {
    }

    /** Every posting parsed, in order; the first failure in posting order is thrown. */
    private static List<Read> parseAll(ErcotReport report, String what, List<Zips.Member> postings)
            throws SourceException {
        int parts = Math.min(Runtime.getRuntime().availableProcessors(), postings.size() / POSTINGS_PER_PART);
        if (parts <= 1) {
            return parsePart(report, what, postings);
        }
        List<ForkJoinTask<Object>> tasks = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            List<Zips.Member> part = postings.subList(postings.size() * p / parts, postings.size() * (p + 1) / parts);
            tasks.add(ForkJoinTask.adapt(() -> {
                try {
                    return parsePart(report, what, part);
                } catch (SourceException e) {
                    return e;
                }
            }));
        }
        List<Read> out = new ArrayList<>(postings.size());
        for (ForkJoinTask<Object> task : ForkJoinTask.invokeAll(tasks)) {
            Object result = task.join();
            if (result instanceof SourceException e) {
                throw e;
            }
            @SuppressWarnings("unchecked")
            List<Read> rows = (List<Read>) result;
            out.addAll(rows);
        }
        return out;
    }

    /** Parses postings one after another with one parser (its string cache is not shared between threads). */
    private static List<Read> parsePart(ErcotReport report, String what, List<Zips.Member> postings)
            throws SourceException {
        ReportParser.Postings parser = new ReportParser.Postings(report);
        List<Read> out = new ArrayList<>(postings.size());
        for (Zips.Member posting : postings) {
            Zips.Member csv = posting.name().toLowerCase(Locale.ROOT).endsWith(".csv") ? posting
                    : Zips.singleCsv(what + " member " + posting.name(), posting.bytes());
            out.add(new Read(csv.name(), parser.parse(csv.name(), csv.bytes())));
        }
        return out;
    }

    /**
     * The documents of one listing page posted inside the window's post-time range, in docId order. Posting
     * times inside the fall-back hour are placed by docId order: the first time one goes back starts the
     * second (standard-time) pass.
     */
    private List<Document> choose(Window window, List<Document> listed) {
        Instant from = product.postTime(window.start());
        Instant to = product.postTime(window.end());
        List<Document> byId = new ArrayList<>(listed);
        byId.sort(Comparator.comparingLong(Document::docId));
        List<Document> out = new ArrayList<>();
        LocalDateTime previous = null;
        boolean secondPass = false;
        for (Document d : byId) {
            LocalDateTime posted = d.posted();
            List<ZoneOffset> offsets = ErcotTime.ZONE.getRules().getValidOffsets(posted);
            Instant at;
            if (offsets.size() > 1) {
                if (!secondPass && previous != null && posted.isBefore(previous)) {
                    secondPass = true;
                }
                at = secondPass ? posted.atZone(ErcotTime.ZONE).withLaterOffsetAtOverlap().toInstant()
                        : posted.atZone(ErcotTime.ZONE).withEarlierOffsetAtOverlap().toInstant();
            } else {
                secondPass = false;
                at = posted.atZone(ErcotTime.ZONE).toInstant();
            }
            previous = posted;
            if (!at.isBefore(from) && at.isBefore(to)) {
                out.add(d);
            }
        }
        return out;
    }
}
