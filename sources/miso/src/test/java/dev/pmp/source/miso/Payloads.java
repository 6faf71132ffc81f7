package dev.pmp.source.miso;

import dev.pmp.spi.FetchResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import dev.pmp.spi.Window;

/** Recorded payloads from {@code src/test/resources/miso} and responses around them. */
public final class Payloads {

    /** When the engine received the recorded public-API payloads (16:47:12.345678 EST on 2026-10-02). */
    public static final Instant FETCHED = Instant.parse("2026-10-02T21:47:12.345678Z");

    /** Any window: the public API ignores it. */
    public static final Window ANY = Window.of(Instant.parse("2026-10-02T05:00:00Z"), Duration.ofDays(1));

    private Payloads() {
    }

    /** The bytes of a recorded fixture. */
    public static byte[] fixture(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/miso/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture as text. */
    public static String text(String name) {
        return new String(fixture(name), StandardCharsets.UTF_8);
    }

    /** A 200 response at {@link #FETCHED}. */
    public static FetchResponse response(String uri, String body) {
        return response(uri, body.getBytes(StandardCharsets.UTF_8), FETCHED);
    }

    /** A 200 response. */
    public static FetchResponse response(String uri, byte[] body, Instant fetchedAt) {
        return new FetchResponse(URI.create(uri), 200, "application/json", body, fetchedAt);
    }
}
