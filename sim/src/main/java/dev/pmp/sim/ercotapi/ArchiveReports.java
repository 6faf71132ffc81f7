package dev.pmp.sim.ercotapi;

import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Public API routes of the reports with a query endpoint (README sections 3.4, 3.5), for every
 * {@link ArchiveReport}:
 *
 * <ul>
 *   <li>{@code GET {emil}/{artifact}?{filter}From&{filter}To&page&size}: query pages ({@code _meta},
 *       {@code fields}, {@code data} of row arrays, flags as booleans); dates compare the local delivery day,
 *       SCED timestamps the local wall-clock stamp;
 *   <li>{@code GET archive/{emil}?postDatetimeFrom&postDatetimeTo&page&size}: the listing, newest first, at most
 *       1000 a page; the filter compares local wall-clock text, so on the fall-back night it cannot tell the two
 *       01:xx passes apart, as ERCOT's; {@code ?download={docId}}: the posting zip, 404 before it is posted;
 *   <li>{@code POST archive/{emil}/download} with {@code {"docIds":[..]}}: one zip of {@code <docId>.zip} posting
 *       zips, 400 for more ids than the product's download limit, 404 when one is not posted;
 *   <li>{@code GET bundle/{emil}}: monthly bundles, listed from the first day of the second month after;
 *       {@code ?download={docId}}: a zip of {@code <docId>.zip} posting zips.
 * </ul>
 *
 * Withheld windows leave their postings out of every answer. Stateless.
 */
final class ArchiveReports {

    /** The reports served, NP6-905-CD first. */
    static final List<ArchiveReport> REPORTS = List.of(new RealTimeSettlementPointPrices(), new DamSettlementPointPrices(),
            new DamClearingPricesForCapacity(), new RealTimeClearingPricesForCapacity(), new WeatherZoneLoad(),
            new ForecastZoneLoad(), new ScedSystemLambda(), new ScedLmps());

    private static final String JSON = "application/json";
    private static final int MAX_PAGE = 1000;
    /** The first month the fake lists a bundle for. */
    private static final YearMonth FIRST_BUNDLE = YearMonth.of(2023, 1);
    private static final Pattern DOC_ID = Pattern.compile("\\d+");

    private ArchiveReports() {
    }

    /** The route a path names, or null. */
    private record Route(ArchiveReport report, String kind) {
    }

    private static Route route(String path) {
        for (ArchiveReport r : REPORTS) {
            String base = ErcotApiEndpoint.BASE;
            if (path.equals(base + "/" + r.emil() + "/" + r.artifact())) {
                return new Route(r, "query");
            }
            if (path.equals(base + "/archive/" + r.emil())) {
                return new Route(r, "archive");
            }
            if (path.equals(base + "/archive/" + r.emil() + "/download")) {
                return new Route(r, "bulk");
            }
            if (path.equals(base + "/bundle/" + r.emil())) {
                return new Route(r, "bundle");
            }
        }
        return null;
    }

    /** Whether {@code path} is one of these reports' routes. */
    static boolean serves(String path) {
        return route(path) != null;
    }

    /** Whether a POST to {@code path} is served: the bulk downloads. */
    static boolean acceptsPost(String path) {
        Route r = route(path);
        return r != null && r.kind().equals("bulk");
    }

    /** Answers an authenticated, unthrottled call. */
    static SimResponse answer(SimRequest request) {
        Route r = route(request.path());
        boolean download = request.query().containsKey("download");
        return switch (r.kind()) {
            case "query" -> query(r.report(), request);
            case "archive" -> download ? download(r.report(), request) : listing(r.report(), request);
            case "bulk" -> request.isPost() ? bulk(r.report(), request)
                    : ErcotApiEndpoint.error(405, "METHOD_NOT_ALLOWED", "POST a JSON body {\"docIds\":[..]}");
            default -> download ? bundle(r.report(), request) : bundles(r.report(), request);
        };
    }

    /** Whether posting {@code k} is out by the request's clock and not withheld. */
    private static boolean posted(ArchiveReport report, long k, SimRequest request) {
        return report.exists(k) && !report.postedAt(k).isAfter(request.now()) && !request.isWithheld(report.start(k));
    }

    private static SimResponse query(ArchiveReport report, SimRequest request) {
        String fromText = required(request, report.filter() + "From");
        String toText = required(request, report.filter() + "To");
        LocalDateTime from;
        LocalDateTime to;
        if (report.timestampFilter()) {
            from = LocalDateTime.parse(fromText);
            to = LocalDateTime.parse(toText);
        } else {
            from = LocalDate.parse(fromText).atStartOfDay();
            to = LocalDate.parse(toText).atStartOfDay();
        }
        int page = intParam(request, "page", 1);
        int size = intParam(request, "size", 100_000);
        List<List<Object>> rows = new ArrayList<>();
        if (request.variant() != SimRequest.Variant.EMPTY_DATA) {
            Instant first = from.atZone(SppPostings.ZONE).toInstant().minus(Duration.ofHours(2));
            Instant last = to.plusDays(report.timestampFilter() ? 0 : 1).atZone(SppPostings.ZONE).toInstant()
                    .plus(Duration.ofHours(2));
            for (long k = report.unit(first); !report.start(k).isAfter(last); k++) {
                LocalDateTime v = report.filterValue(k);
                if (!v.isBefore(from) && !v.isAfter(to) && posted(report, k, request)) {
                    rows.addAll(report.apiRecords(k));
                }
            }
        }
        int pages = (rows.size() + size - 1) / size;
        StringBuilder b = new StringBuilder("{\"_meta\":{\"totalRecords\":").append(rows.size()).append(",\"pageSize\":")
                .append(size).append(",\"totalPages\":").append(pages).append(",\"currentPage\":").append(page)
                .append("},\"report\":{\"reportEMIL\":\"").append(report.emil().toUpperCase(java.util.Locale.ROOT))
                .append("\"},\"fields\":[");
        List<String> fields = report.fields();
        for (int i = 0; i < fields.size(); i++) {
            b.append(i == 0 ? "" : ",").append("{\"name\":\"").append(fields.get(i)).append("\"}");
        }
        b.append("],\"data\":[");
        int firstRow = (page - 1) * size;
        for (int i = firstRow; i < Math.min(rows.size(), firstRow + size); i++) {
            if (i > firstRow) {
                b.append(',');
            }
            ArchiveReport.appendJson(b, rows.get(i), i == firstRow && request.variant() == SimRequest.Variant.NOT_A_NUMBER);
        }
        b.append("],\"_links\":{}}");
        return SimResponse.ok(JSON, b.toString());
    }

    private static SimResponse listing(ArchiveReport report, SimRequest request) {
        LocalDateTime from = LocalDateTime.parse(required(request, "postDatetimeFrom"));
        LocalDateTime to = LocalDateTime.parse(required(request, "postDatetimeTo"));
        int page = intParam(request, "page", 1);
        int size = Math.min(MAX_PAGE, intParam(request, "size", MAX_PAGE));
        List<Listed> docs = new ArrayList<>();
        if (request.variant() != SimRequest.Variant.EMPTY_DATA) {
            // Postings come up to two days before (DAM) or after (load) their data: look that far around.
            Duration margin = report.cadence() == ArchiveReport.Cadence.DAY ? Duration.ofDays(3) : Duration.ofHours(3);
            Instant first = from.atZone(SppPostings.ZONE).toInstant().minus(margin);
            Instant last = to.atZone(SppPostings.ZONE).toInstant().plus(margin);
            for (long k = report.unit(first); !report.start(k).isAfter(last); k++) {
                LocalDateTime at = report.postedAt(k).atZone(SppPostings.ZONE).toLocalDateTime();
                // Wall-clock text without an offset, as ERCOT compares it.
                if (!at.isBefore(from) && !at.isAfter(to) && posted(report, k, request)) {
                    docs.add(new Listed(report.docId(k), report.friendlyName(k), report.postDatetime(k)));
                }
            }
        }
        docs.sort(Comparator.comparingLong(Listed::docId).reversed());
        return archives(report, "archives", docs, page, size);
    }

    private static SimResponse download(ArchiveReport report, SimRequest request) {
        long docId = Long.parseLong(required(request, "download"));
        long k = report.posting(docId);
        if (k < 0 || !posted(report, k, request)) {
            return ErcotApiEndpoint.error(404, "NOT_FOUND", "Document " + docId + " is not available for download");
        }
        return SimResponse.ok("application/zip", report.postingZip(k, request.variant() == SimRequest.Variant.NOT_A_NUMBER));
    }

    private static SimResponse bulk(ArchiveReport report, SimRequest request) {
        String body = new String(request.body(), StandardCharsets.UTF_8);
        if (!body.replaceAll("\\s", "").startsWith("{\"docIds\":[")) {
            return ErcotApiEndpoint.error(400, "BAD_REQUEST", "The body must be {\"docIds\":[..]}");
        }
        List<Long> ids = new ArrayList<>();
        Matcher m = DOC_ID.matcher(body);
        while (m.find()) {
            ids.add(Long.parseLong(m.group()));
        }
        if (ids.isEmpty() || ids.size() > report.downloadLimit()) {
            return ErcotApiEndpoint.error(400, "BAD_REQUEST", "Between 1 and " + report.downloadLimit()
                    + " docIds may be downloaded at once, not " + ids.size());
        }
        List<SppPostings.Entry> members = new ArrayList<>(ids.size());
        boolean nan = request.variant() == SimRequest.Variant.NOT_A_NUMBER;
        for (long id : ids) {
            long k = report.posting(id);
            if (k < 0 || !posted(report, k, request)) {
                return ErcotApiEndpoint.error(404, "NOT_FOUND", "Document " + id + " is not available for download");
            }
            members.add(new SppPostings.Entry(id + ".zip", report.postingZip(k, nan)));
            nan = false;
        }
        return SimResponse.ok("application/zip", SppPostings.zip(members));
    }

    private static SimResponse bundles(ArchiveReport report, SimRequest request) {
        List<Listed> out = new ArrayList<>();
        YearMonth newest = YearMonth.from(request.now().atZone(SppPostings.ZONE)).minusMonths(2);
        for (YearMonth m = newest; !m.isBefore(FIRST_BUNDLE); m = m.minusMonths(1)) {
            Instant posted = m.plusMonths(2).atDay(1).atStartOfDay(SppPostings.ZONE).toInstant();
            if (report.exists(report.unit(m.plusMonths(1).atDay(1).atStartOfDay(SppPostings.ZONE).toInstant()) - 1)) {
                out.add(new Listed(report.bundleBase() + m.getYear() * 12L + m.getMonthValue() - 1,
                        report.bundlePrefix() + m, posted.atZone(SppPostings.ZONE).toLocalDateTime() + ":00.000"));
            }
        }
        return archives(report, "bundles", request.variant() == SimRequest.Variant.EMPTY_DATA ? List.of() : out, 1,
                MAX_PAGE);
    }

    private static SimResponse bundle(ArchiveReport report, SimRequest request) {
        long docId = Long.parseLong(required(request, "download"));
        long months = docId - report.bundleBase();
        YearMonth month = months < 0 || months > 1_000_000 ? null
                : YearMonth.of((int) (months / 12), (int) (months % 12) + 1);
        if (month == null || month.isBefore(FIRST_BUNDLE)
                || month.plusMonths(2).atDay(1).atStartOfDay(SppPostings.ZONE).toInstant().isAfter(request.now())) {
            return ErcotApiEndpoint.error(404, "NOT_FOUND", "Bundle " + docId + " is not available for download");
        }
        List<SppPostings.Entry> postings = new ArrayList<>();
        if (request.variant() != SimRequest.Variant.EMPTY_DATA) {
            boolean nan = request.variant() == SimRequest.Variant.NOT_A_NUMBER;
            Instant end = month.plusMonths(1).atDay(1).atStartOfDay(SppPostings.ZONE).toInstant();
            for (long k = report.unit(month.atDay(1).atStartOfDay(SppPostings.ZONE).toInstant());
                    report.start(k).isBefore(end); k++) {
                if (!report.start(k).isBefore(month.atDay(1).atStartOfDay(SppPostings.ZONE).toInstant())
                        && posted(report, k, request)) {
                    postings.add(new SppPostings.Entry(report.docId(k) + ".zip", report.postingZip(k, nan)));
                    nan = false;
                }
            }
        }
        return SimResponse.ok("application/zip", SppPostings.zip(postings));
    }

    /** One listed document. */
    private record Listed(long docId, String friendlyName, String postDatetime) {
    }

    private static SimResponse archives(ArchiveReport report, String array, List<Listed> docs, int page, int size) {
        int pages = (docs.size() + size - 1) / size;
        StringBuilder b = new StringBuilder("{\"_meta\":{\"totalRecords\":").append(docs.size()).append(",\"pageSize\":")
                .append(size).append(",\"totalPages\":").append(pages).append(",\"currentPage\":").append(page)
                .append("},\"product\":{\"emilId\":\"").append(report.emil().toUpperCase(java.util.Locale.ROOT))
                .append("\"}");
        if (!docs.isEmpty()) {
            b.append(",\"").append(array).append("\":[");
            int first = (page - 1) * size;
            String kind = array.equals("bundles") ? "bundle" : "archive";
            for (int i = first; i < Math.min(docs.size(), first + size); i++) {
                Listed d = docs.get(i);
                b.append(i == first ? "" : ",").append("{\"docId\":").append(d.docId()).append(",\"friendlyName\":\"")
                        .append(d.friendlyName()).append("\",\"postDatetime\":\"").append(d.postDatetime())
                        .append("\",\"_links\":{\"endpoint\":{\"href\":\"https://api.ercot.com/api/public-reports/")
                        .append(kind).append('/').append(report.emil()).append("?download=").append(d.docId())
                        .append("\"}}}");
            }
            b.append(']');
        }
        b.append(",\"_links\":{}}");
        return SimResponse.ok(JSON, b.toString());
    }

    private static String required(SimRequest request, String name) {
        String v = request.query().get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("Parameter " + name + " is required");
        }
        return v;
    }

    private static int intParam(SimRequest request, String name, int fallback) {
        String v = request.query().get(name);
        if (v == null) {
            return fallback;
        }
        int n = Integer.parseInt(v);
        if (n < 1) {
            throw new IllegalArgumentException("Parameter " + name + " must be positive");
        }
        return n;
    }
}
