package dev.pmp.sim.ercotapi;

import dev.pmp.sim.SimEndpoint;
import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ERCOT's Public API ({@code https://api.ercot.com/api/public-reports}, README section 3) under
 * {@value #PREFIX}{@code api/public-reports}, for NP6-905-CD ({@link SppPostings}):
 *
 * <ul>
 *   <li>{@code GET np6-905-cd/spp_node_zone_hub?deliveryDateFrom&deliveryDateTo&page&size}: query pages
 *       ({@code _meta}, {@code fields}, {@code data} of row arrays, flags as booleans);
 *   <li>{@code GET archive/np6-905-cd?postDatetimeFrom&postDatetimeTo&page&size}: the listing, newest
 *       first; {@code ?download={docId}}: the posting zip, 404 before it is posted;
 *   <li>{@code GET bundle/np6-905-cd}: monthly bundles, listed from the first day of the second month
 *       after; {@code ?download={docId}}: a zip of {@code <docId>.zip} posting zips.
 * </ul>
 *
 * <p>Every call needs {@code Authorization: Bearer <token>} and {@code Ocp-Apim-Subscription-Key} (else 401
 * with the gateway's envelope); more than {@value #LIMIT} calls within a minute of the simulator's clock answer
 * 429 {@code throttled}. Withheld windows leave their intervals out of every answer.
 *
 * <p>{@value #TOKEN_PATH} answers the Azure B2C ROPC form (README section 3.2) with
 * {@code {"id_token": <token>, ...}} when {@code grant_type=password}, ERCOT's client id and a user name and
 * password are given, else 400 {@code invalid_grant}; the form's fields arrive as the request's query. The
 * simulator hands endpoints GETs only today, so the engine's POST reaches it only once the simulator passes
 * POSTs to endpoints that accept them. Thread-safe.
 */
public final class ErcotApiEndpoint implements SimEndpoint {

    /** The path prefix served. */
    public static final String PREFIX = "/ercotapi/";
    /** Where the sign-in form goes (stands in for the B2C tenant's token endpoint). */
    public static final String TOKEN_PATH = PREFIX + "b2c/token";
    /** ERCOT's public client id of the ROPC flow. */
    static final String CLIENT_ID = "fec253ea-0d06-4272-a5e6-b478baeecd70";
    /** The public-reports base under the simulator's address. */
    public static final String BASE = PREFIX + "api/public-reports";
    /** ERCOT's limit: requests per minute per subscription (README section 3.6). */
    public static final int LIMIT = 30;
    /** The token this fake accepts unless told otherwise. */
    public static final String DEFAULT_TOKEN = "sim-id-token";
    /** The subscription key this fake accepts unless told otherwise. */
    public static final String DEFAULT_KEY = "sim-subscription-key";

    private static final String QUERY = BASE + "/np6-905-cd/spp_node_zone_hub";
    private static final String ARCHIVE = BASE + "/archive/np6-905-cd";
    private static final String BUNDLE = BASE + "/bundle/np6-905-cd";
    private static final long BUNDLE_IDS = 900_000_000L;
    private static final String JSON = "application/json";
    private static final int MAX_PAGE = 1000;
    /** The first month the fake lists a bundle for. */
    private static final YearMonth FIRST_BUNDLE = YearMonth.of(2023, 1);

    private final String token;
    private final String key;
    private final Deque<Instant> recent = new ArrayDeque<>();

    /** Accepts {@value #DEFAULT_TOKEN} and {@value #DEFAULT_KEY}. */
    /** The sign-in form is POSTed, as to Azure B2C. */
    @Override
    public boolean acceptsPost(String path) {
        return path.equals(TOKEN_PATH);
    }

    public ErcotApiEndpoint() {
        this(DEFAULT_TOKEN, DEFAULT_KEY);
    }

    /**
     * @param token the bearer token accepted
     * @param key the subscription key accepted
     */
    public ErcotApiEndpoint(String token, String key) {
        this.token = Objects.requireNonNull(token, "token");
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public SimResponse answer(SimRequest request) {
        if (request.path().equals(TOKEN_PATH)) {
            return token(request);
        }
        if (!("Bearer " + token).equals(request.headers().get("authorization"))
                || !key.equals(request.headers().getOrDefault("ocp-apim-subscription-key",
                        request.query().get("subscription-key")))) {
            return json(401, "{\"error_key\":\"unauthorized\",\"error_message\":\"Access denied due to missing "
                    + "subscription key or invalid token.\"}");
        }
        if (throttled(request.now())) {
            return new SimResponse(429, JSON, "{\"error_key\":\"throttled\",\"error_message\":\"Too Many Requests\"}"
                    .getBytes(StandardCharsets.UTF_8), Map.of("Retry-After", "2"));
        }
        try {
            return switch (request.path()) {
                case QUERY -> query(request);
                case ARCHIVE -> request.query().containsKey("download") ? download(request) : listing(request);
                case BUNDLE -> request.query().containsKey("download") ? bundle(request) : bundles(request);
                default -> error(404, "NOT_FOUND", "Product or artifact not found: " + request.path());
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return error(400, "BAD_REQUEST", e.getMessage());
        }
    }

    private SimResponse token(SimRequest request) {
        Map<String, String> form = request.query();
        if (!"password".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
                || form.getOrDefault("username", "").isBlank() || form.getOrDefault("password", "").isBlank()) {
            return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADB2C90225: The username or "
                    + "password provided in the request are invalid.\"}");
        }
        return SimResponse.ok(JSON, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":\"3600\","
                + "\"id_token\":\"" + token + "\",\"id_token_expires_in\":\"3600\"}");
    }

    /** Counts the call; true when it is over the limit of the minute before {@code now}. */
    private synchronized boolean throttled(Instant now) {
        Instant since = now.minus(Duration.ofMinutes(1));
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(since)) {
            recent.pollFirst();
        }
        if (recent.size() >= LIMIT) {
            return true;
        }
        recent.addLast(now);
        return false;
    }

    /** Interval starts whose posting is out by {@code now}, not withheld, in {@code [from, to)}. */
    private static List<Instant> posted(SimRequest request, Instant from, Instant to) {
        List<Instant> out = new ArrayList<>();
        for (Instant s = from; s.isBefore(to); s = s.plus(SppPostings.INTERVAL)) {
            if (!SppPostings.postedAt(s).isAfter(request.now()) && !request.isWithheld(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static SimResponse query(SimRequest request) {
        LocalDate from = LocalDate.parse(required(request, "deliveryDateFrom"));
        LocalDate to = LocalDate.parse(required(request, "deliveryDateTo"));
        int page = intParam(request, "page", 1);
        int size = intParam(request, "size", 100_000);
        List<SppPostings.Price> rows = new ArrayList<>();
        if (request.variant() != SimRequest.Variant.EMPTY_DATA) {
            for (Instant s : posted(request, from.atStartOfDay(SppPostings.ZONE).toInstant(),
                    to.plusDays(1).atStartOfDay(SppPostings.ZONE).toInstant())) {
                rows.addAll(SppPostings.prices(s));
            }
        }
        int pages = (rows.size() + size - 1) / size;
        StringBuilder b = new StringBuilder("{\"_meta\":{\"totalRecords\":").append(rows.size()).append(",\"pageSize\":")
                .append(size).append(",\"totalPages\":").append(pages).append(",\"currentPage\":").append(page)
                .append("},\"report\":{\"reportEMIL\":\"NP6-905-CD\"},\"fields\":[");
        String[] fields = {"deliveryDate", "deliveryHour", "deliveryInterval", "settlementPoint", "settlementPointType",
            "settlementPointPrice", "DSTFlag"};
        for (int i = 0; i < fields.length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"name\":\"").append(fields[i]).append("\"}");
        }
        b.append("],\"data\":[");
        int first = (page - 1) * size;
        for (int i = first; i < Math.min(rows.size(), first + size); i++) {
            SppPostings.Price p = rows.get(i);
            SppPostings.Labels l = SppPostings.labels(p.start());
            LocalDate day = LocalDate.parse(l.date(), java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy"));
            boolean nan = i == first && request.variant() == SimRequest.Variant.NOT_A_NUMBER;
            b.append(i == first ? "" : ",").append("[\"").append(day).append("\",").append(l.hour()).append(',')
                    .append(l.interval()).append(",\"").append(p.point()).append("\",\"").append(p.type()).append("\",")
                    .append(nan ? "\"abc\"" : Double.toString(p.price())).append(',').append(l.repeated()).append(']');
        }
        b.append("],\"_links\":{}}");
        return SimResponse.ok(JSON, b.toString());
    }

    private static SimResponse listing(SimRequest request) {
        Instant from = local(required(request, "postDatetimeFrom"));
        Instant to = local(required(request, "postDatetimeTo"));
        int page = intParam(request, "page", 1);
        int size = Math.min(MAX_PAGE, intParam(request, "size", MAX_PAGE));
        List<Instant> docs = new ArrayList<>();
        if (request.variant() != SimRequest.Variant.EMPTY_DATA) {
            // Postings appear INTERVAL + delay after their start: list those posted inside [from, to].
            Instant first = from.minus(SppPostings.INTERVAL).minus(SppPostings.POSTING_DELAY);
            Instant start = Instant.ofEpochSecond(Math.floorDiv(first.getEpochSecond(), 900) * 900);
            for (Instant s : posted(request, start, to)) {
                Instant at = SppPostings.postedAt(s);
                if (!at.isBefore(from) && !at.isAfter(to)) {
                    docs.add(0, s);
                }
            }
        }
        return archives("archives", docs.stream().map(s -> new Listed(SppPostings.docId(s), SppPostings.friendlyName(s),
                SppPostings.postDatetime(s))).toList(), page, size);
    }

    private static SimResponse download(SimRequest request) {
        long docId = Long.parseLong(required(request, "download"));
        Instant start = SppPostings.startOf(docId);
        if (docId < 1_000_000_000L || SppPostings.postedAt(start).isAfter(request.now()) || request.isWithheld(start)) {
            return error(404, "NOT_FOUND", "Document " + docId + " is not available for download");
        }
        return SimResponse.ok("application/zip",
                SppPostings.postingZip(start, request.variant() == SimRequest.Variant.NOT_A_NUMBER));
    }

    private static SimResponse bundles(SimRequest request) {
        List<Listed> out = new ArrayList<>();
        YearMonth newest = YearMonth.from(request.now().atZone(SppPostings.ZONE)).minusMonths(2);
        for (YearMonth m = newest; !m.isBefore(FIRST_BUNDLE); m = m.minusMonths(1)) {
            Instant posted = m.plusMonths(2).atDay(1).atStartOfDay(SppPostings.ZONE).toInstant();
            out.add(new Listed(BUNDLE_IDS + m.getYear() * 12L + m.getMonthValue() - 1, "SPPHLZNP6905_" + m,
                    posted.atZone(SppPostings.ZONE).toLocalDateTime() + ":00.000"));
        }
        return archives("bundles", request.variant() == SimRequest.Variant.EMPTY_DATA ? List.of() : out, 1, MAX_PAGE);
    }

    private static SimResponse bundle(SimRequest request) {
        long docId = Long.parseLong(required(request, "download"));
        long months = docId - BUNDLE_IDS;
        YearMonth month = YearMonth.of((int) (months / 12), (int) (months % 12) + 1);
        if (docId < BUNDLE_IDS || docId >= 1_000_000_000L || month.isBefore(FIRST_BUNDLE)
                || month.plusMonths(2).atDay(1).atStartOfDay(SppPostings.ZONE).toInstant().isAfter(request.now())) {
            return error(404, "NOT_FOUND", "Bundle " + docId + " is not available for download");
        }
        List<SppPostings.Entry> postings = new ArrayList<>();
        if (request.variant() != SimRequest.Variant.EMPTY_DATA) {
            boolean nan = request.variant() == SimRequest.Variant.NOT_A_NUMBER;
            for (Instant s : posted(request, month.atDay(1).atStartOfDay(SppPostings.ZONE).toInstant(),
                    month.plusMonths(1).atDay(1).atStartOfDay(SppPostings.ZONE).toInstant())) {
                postings.add(new SppPostings.Entry(SppPostings.docId(s) + ".zip", SppPostings.postingZip(s, nan)));
                nan = false;
            }
        }
        return SimResponse.ok("application/zip", SppPostings.zip(postings));
    }

    /** One listed document. */
    private record Listed(long docId, String friendlyName, String postDatetime) {
    }

    private static SimResponse archives(String array, List<Listed> docs, int page, int size) {
        int pages = (docs.size() + size - 1) / size;
        StringBuilder b = new StringBuilder("{\"_meta\":{\"totalRecords\":").append(docs.size()).append(",\"pageSize\":")
                .append(size).append(",\"totalPages\":").append(pages).append(",\"currentPage\":").append(page)
                .append("},\"product\":{\"emilId\":\"NP6-905-CD\"}");
        if (!docs.isEmpty()) {
            b.append(",\"").append(array).append("\":[");
            int first = (page - 1) * size;
            for (int i = first; i < Math.min(docs.size(), first + size); i++) {
                Listed d = docs.get(i);
                String kind = array.equals("bundles") ? "bundle" : "archive";
                b.append(i == first ? "" : ",").append("{\"docId\":").append(d.docId()).append(",\"friendlyName\":\"")
                        .append(d.friendlyName()).append("\",\"postDatetime\":\"").append(d.postDatetime())
                        .append("\",\"_links\":{\"endpoint\":{\"href\":\"https://api.ercot.com/api/public-reports/")
                        .append(kind).append("/np6-905-cd?download=").append(d.docId()).append("\"}}}");
            }
            b.append(']');
        }
        b.append(",\"_links\":{}}");
        return SimResponse.ok(JSON, b.toString());
    }

    /** A local wall-clock stamp {@code yyyy-MM-ddTHH:mm:ss[.SSS]} as the API compares it (earlier offset on overlap). */
    private static Instant local(String text) {
        return LocalDateTime.parse(text).atZone(SppPostings.ZONE).toInstant();
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

    private static SimResponse error(int status, String text, String message) {
        return json(status, "{\"timestamp\":\"2026-01-01T00:00:00\",\"code\":" + status + ",\"status\":\"" + text
                + "\",\"message\":\"" + message.replace("\"", "'") + "\",\"data\":{}}");
    }

    private static SimResponse json(int status, String body) {
        return new SimResponse(status, JSON, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
