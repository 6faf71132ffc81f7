package dev.pmp.testkit.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One scripted answer of a {@link FixtureServer}: sent as is, bytes untouched (no compression).
 *
 * @param status HTTP status code
 * @param headers response headers, sent in order
 * @param body body bytes, empty for none
 * @param delay how long the server waits before answering, {@link Duration#ZERO} for none
 */
public record Reply(int status, Map<String, String> headers, byte[] body, Duration delay) {

    public Reply {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
        headers = Map.copyOf(headers);
        body = body.clone();
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
    }

    /** A reply with {@code status}, no headers and no body. */
    public static Reply status(int status) {
        return new Reply(status, Map.of(), new byte[0], Duration.ZERO);
    }

    /** 200 with {@code Content-Type: application/json} and the UTF-8 body. */
    public static Reply json(String body) {
        return ok("application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** 200 with the given content type and body. */
    public static Reply ok(String contentType, byte[] body) {
        return status(200).withHeader("Content-Type", contentType).withBody(body);
    }

    /** A redirect ({@code 301}, {@code 302}, ...) to {@code location}. */
    public static Reply redirect(int status, String location) {
        return status(status).withHeader("Location", location);
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, more, body, delay);
    }

    public Reply withBody(byte[] newBody) {
        return new Reply(status, headers, newBody, delay);
    }

    public Reply withBody(String text) {
        return withBody(text.getBytes(StandardCharsets.UTF_8));
    }

    public Reply withDelay(Duration newDelay) {
        return new Reply(status, headers, body, newDelay);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        return "Reply[" + status + ", " + headers + ", " + body.length + " bytes, delay " + delay + "]";
    }
}
