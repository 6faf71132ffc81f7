package dev.pmp.sim;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link SimEndpoint}'s answer.
 *
 * @param status HTTP status
 * @param contentType the {@code Content-Type}
 * @param body the body bytes
 * @param headers extra response headers
 */
public record SimResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    public SimResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    public static SimResponse ok(String contentType, byte[] body) {
        return new SimResponse(200, contentType, body, Map.of());
    }

    public static SimResponse ok(String contentType, String body) {
        return ok(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse status(int status, String text) {
        return new SimResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
