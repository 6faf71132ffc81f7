package dev.pmp.spi;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A description of one HTTP call, a GET unless it carries a {@link #body()} (then a POST); the engine performs
 * it (retries, rate limits, gzip, authentication).
 *
 * @param uri absolute URI
 * @param headers extra request headers; never secrets (the engine adds authentication)
 * @param authenticated whether the engine adds the source's {@link Auth} to this request; a source whose
 *     public pages and authenticated API live side by side (ERCOT) sets it only on the API calls
 * @param budget the name of the request budget this call spends, empty for the source's default budget;
 *     names a key of {@link Source#requestRates()} (NESO paces {@code datastore_search} apart from its
 *     catalogue)
 * @param body the POST body, empty for a GET
 * @param immutable whether the answer never changes once served (a published document addressed by its id, such
 *     as ERCOT's {@code ?download=docId}): the engine then answers a repeat of the same call from the raw archive
 *     instead of the network, so a document is downloaded once however many datasets or runs read it
 */
public record FetchRequest(URI uri, Map<String, String> headers, boolean authenticated, Optional<String> budget,
        Optional<Body> body, boolean immutable) {

    /**
     * A POST body.
     *
     * @param contentType its media type, {@code application/json}
     * @param bytes the bytes sent
     */
    public record Body(String contentType, byte[] bytes) {
        public Body {
            Objects.requireNonNull(contentType, "contentType");
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** A JSON body from its text. */
        public static Body json(String json) {
            return new Body("application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Body b && b.contentType.equals(contentType) && java.util.Arrays.equals(b.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return 31 * contentType.hashCode() + java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Body[" + contentType + ", " + bytes.length + " bytes]";
        }
    }

    public FetchRequest {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(body, "body");
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("request URI must be absolute: " + uri);
        }
        headers = Map.copyOf(headers);
        if (budget.isPresent() && budget.get().isBlank()) {
            throw new IllegalArgumentException("a budget name must not be blank");
        }
    }

    /** A GET. */
    public FetchRequest(URI uri, Map<String, String> headers, boolean authenticated, Optional<String> budget) {
        this(uri, headers, authenticated, budget, Optional.empty(), false);
    }

    /** An unauthenticated GET on the source's default budget. */
    public FetchRequest(URI uri, Map<String, String> headers) {
        this(uri, headers, false, Optional.empty());
    }

    public static FetchRequest get(URI uri) {
        return new FetchRequest(uri, Map.of());
    }

    /** An unauthenticated POST of {@code body} on the source's default budget. */
    public static FetchRequest post(URI uri, Body body) {
        return new FetchRequest(uri, Map.of(), false, Optional.empty(), Optional.of(body), false);
    }

    /** {@code GET} or {@code POST}. */
    public String method() {
        return body.isPresent() ? "POST" : "GET";
    }

    /** The same request with one more header. */
    public FetchRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new FetchRequest(uri, h, authenticated, budget, body, immutable);
    }

    /** The same request, to be sent with the source's credentials. */
    public FetchRequest withAuthentication() {
        return new FetchRequest(uri, headers, true, budget, body, immutable);
    }

    /** The same request, spending the named budget of {@link Source#requestRates()}. */
    public FetchRequest withBudget(String name) {
        return new FetchRequest(uri, headers, authenticated, Optional.of(name), body, immutable);
    }

    /** The same request, marked {@link #immutable()}: its answer may be served from the raw archive. */
    public FetchRequest asImmutable() {
        return new FetchRequest(uri, headers, authenticated, budget, body, true);
    }

    /**
     * What identifies the answer of an {@link #immutable()} request: the method, the URI and, for a POST, the
     * sha256 of the body.
     */
    public String documentKey() {
        if (body.isEmpty()) {
            return "GET " + uri;
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(body.get().bytes());
            return "POST " + uri + " " + java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
