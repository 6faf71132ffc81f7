package dev.pmp.source.ercot.api;

import dev.pmp.spi.FetchResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test payloads: recorded report files, zips built around them, responses. */
final class ApiPayloads {

    static final ApiSettings SETTINGS;

    static {
        try {
            SETTINGS = ApiSettings.from(key -> Optional.ofNullable(Map.of(ApiSettings.API_URL, "https://api.example/pr",
                    ApiSettings.USERNAME, "user@example.com", ApiSettings.PASSWORD, "pw", ApiSettings.KEY, "k",
                    ApiSettings.PAGE_SIZE, "1000").get(key)));
        } catch (dev.pmp.spi.SourceException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ApiPayloads() {
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = ApiPayloads.class.getResourceAsStream("/ercot/reports/" + path)) {
            return in.readAllBytes();
        }
    }

    static FetchResponse response(String uri, byte[] body) {
        return new FetchResponse(URI.create(uri), 200, "application/octet-stream", body, Instant.parse("2026-10-01T00:00:00Z"));
    }

    static FetchResponse response(String uri, String body) {
        return response(uri, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A zip of the given members, in order. */
    static byte[] zip(Map<String, byte[]> members) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                z.putNextEntry(new ZipEntry(m.getKey()));
                z.write(m.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] zip(String name, byte[] bytes) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(name, bytes);
        return zip(m);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
