package dev.pmp.sim.ercotapi;

import dev.pmp.sim.SimEndpoint;
import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;

/**
 * ERCOT's Public API ({@code https://api.ercot.com/api/public-reports}, README section 3) under
 * {@value #PREFIX}{@code api/public-reports}, a dispatcher:
 *
 * <ul>
 *   <li>the query endpoint, archive listing, single and bulk ({@code POST archive/{emil}/download}) download and
 *       monthly bundles of NP6-905-CD ({@link SppPostings}), NP4-190-CD, NP4-188-CD, NP6-331-CD, NP6-345-CD,
 *       NP6-346-CD, NP6-322-CD and NP6-788-CD, one generator class each ({@link ArchiveReports});
 *   <li>{@code GET archive/np3-966-er}, {@code archive/np3-965-er}, {@code archive/np1-301}: the 60-day
 *       disclosures' daily postings and zips ({@link Disclosures});
 * </ul>
 *
 * <p>Every call needs {@code Authorization: Bearer <token>} and {@code Ocp-Apim-Subscription-Key} (else 401
 * with the gateway's envelope); more than {@value #LIMIT} calls within a minute of the simulator's clock answer
 * 429 {@code throttled}. Withheld windows leave their intervals out of every answer.
 *
 * <p>{@value #TOKEN_PATH} answers the Azure B2C ROPC form (README section 3.2) with
 * {@code {"id_token": <token>, ...}} when {@code grant_type=password}, ERCOT's client id and a user name and
 * password are given, else 400 {@code invalid_grant}; the form's fields arrive as the request's query. POSTs are
 * accepted there and on the bulk downloads ({@link #acceptsPost}); the simulator answers other POSTs 405.
 * Thread-safe.
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

    private static final String JSON = "application/json";

    private final String token;
    private final String key;
    private final Deque<Instant> recent = new ArrayDeque<>();

    /** The sign-in form is POSTed, as to Azure B2C, and so are bulk downloads. */
    @Override
    public boolean acceptsPost(String path) {
        return path.equals(TOKEN_PATH) || ArchiveReports.acceptsPost(path);
    }

    /** Accepts {@value #DEFAULT_TOKEN} and {@value #DEFAULT_KEY}. */
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
            if (Disclosures.serves(request.path())) {
                return Disclosures.answer(request);
            }
            if (ArchiveReports.serves(request.path())) {
                return ArchiveReports.answer(request);
            }
            return error(404, "NOT_FOUND", "Product or artifact not found: " + request.path());
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

    /** ERCOT's application error envelope. */
    static SimResponse error(int status, String text, String message) {
        return json(status, "{\"timestamp\":\"2026-01-01T00:00:00\",\"code\":" + status + ",\"status\":\"" + text
                + "\",\"message\":\"" + message.replace("\"", "'") + "\",\"data\":{}}");
    }

    private static SimResponse json(int status, String body) {
        return new SimResponse(status, JSON, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
