package dev.pmp.source.elexon;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Test access to feeds, recorded payloads and rows by column name. */
final class Payloads {
    static final Instant FETCHED = Instant.parse("2026-11-20T12:00:00Z");

    private Payloads() {
    }

    static Feed feed(String code) {
        Dataset d = ElexonCatalogue.byCode(code).orElseThrow();
        try {
            return new ElexonSource().feed(d, key -> java.util.Optional.empty());
        } catch (SourceException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] recorded(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/elexon/recorded/" + name)) {
            if (in == null) {
                throw new AssertionError("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FetchResponse response(byte[] body) {
        return new FetchResponse(URI.create("https://data.elexon.co.uk/bmrs/api/v1/datasets/X"), 200, "application/json", body, FETCHED);
    }

    static FetchResponse response(String body) {
        return response(body.getBytes(StandardCharsets.UTF_8));
    }

    static Parsed parse(String code, Window window, String body) throws SourceException {
        return feed(code).parse(window, response(body));
    }

    static Window window(String start, String end) {
        return new Window(Instant.parse(start), Instant.parse(end));
    }

    /** The row as a map from column name to value, for readable assertions. */
    static Map<String, Object> named(String code, Row row) {
        Dataset d = ElexonCatalogue.byCode(code).orElseThrow();
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < row.width(); i++) {
            m.put(d.schema().columns().get(i).name(), row.get(i));
        }
        return m;
    }

    static Object value(String code, Row row, String column) {
        return row.get(ElexonCatalogue.byCode(code).orElseThrow().schema().indexOf(column));
    }
}
