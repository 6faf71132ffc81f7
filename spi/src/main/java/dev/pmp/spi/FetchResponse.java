package dev.pmp.spi;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * What the engine got back for a {@link FetchRequest}, already checked and decompressed.
 *
 * @param uri the URI finally answered (after redirects)
 * @param status HTTP status (2xx; other statuses never reach a feed)
 * @param contentType the {@code Content-Type} header, empty when absent
 * @param body the decoded body (gzip already removed)
 * @param fetchedAt when the response arrived, from the engine's clock
 */
public record FetchResponse(URI uri, int status, String contentType, byte[] body, Instant fetchedAt) {

    public FetchResponse {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
