package dev.pmp.sim;

import dev.pmp.spi.Window;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One GET to a {@link SimEndpoint}.
 *
 * @param path the request path (prefix included)
 * @param query decoded query parameters (the last value of a repeated name wins)
 * @param headers request headers, names in lower case
 * @param now the simulator clock's instant
 * @param withheld windows whose data the operator has "not published": leave samples inside them out
 * @param variant the payload variant the armed fault asks for
 * @param body the body of a POST as received (a form's fields are also in {@code query}), empty for a GET
 */
public record SimRequest(String path, Map<String, String> query, Map<String, String> headers, Instant now,
        List<Window> withheld, Variant variant, byte[] body) {

    /** A GET. */
    public SimRequest(String path, Map<String, String> query, Map<String, String> headers, Instant now,
            List<Window> withheld, Variant variant) {
        this(path, query, headers, now, withheld, variant, new byte[0]);
    }

    /** Whether this is a POST (it has a body). */
    public boolean isPost() {
        return body.length > 0;
    }

    /** Which payload to build. */
    public enum Variant {
        /** The normal payload. */
        NORMAL,
        /** A well-formed payload without data rows. */
        EMPTY_DATA,
        /** A well-formed payload with a non-numeric value where a number belongs. */
        NOT_A_NUMBER
    }

    public SimRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(variant, "variant");
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        withheld = List.copyOf(withheld);
        body = body.clone();
    }

    /** Whether {@code instant} lies inside a withheld window. */
    public boolean isWithheld(Instant instant) {
        for (Window w : withheld) {
            if (w.contains(instant)) {
                return true;
            }
        }
        return false;
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> q = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return q;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }
}
