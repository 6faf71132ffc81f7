package dev.pmp.source.neso;

import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Test payloads: the recorded fixtures, and CKAN answers in the envelope NESO documents (README §1.3-1.4:
 * {@code {"help", "success": true, "result": {"fields", "records", "offset", "total", "_links"}}}) around
 * rows the tests give.
 */
final class Payloads {

    static final Instant FETCHED = Instant.parse("2026-08-16T18:30:00Z");

    private Payloads() {
    }

    static byte[] fixture(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer to {@code request}. */
    static FetchResponse answer(FetchRequest request, String body) {
        return answer(request.uri(), body.getBytes(StandardCharsets.UTF_8));
    }

    static FetchResponse answer(FetchRequest request, byte[] body) {
        return answer(request.uri(), body);
    }

    static FetchResponse answer(URI uri, byte[] body) {
        return new FetchResponse(uri, 200, "application/json", body, FETCHED);
    }

    /** A {@code package_show} answer URI under the default portal. */
    static URI packageShow(String slug) {
        return URI.create("https://api.neso.energy/api/3/action/package_show?id=" + slug);
    }

    /** A {@code package_show} answer listing resources given as {id, name, url, last_modified}. */
    static String packageShowBody(String slug, String[]... resources) {
        StringBuilder b = new StringBuilder("{\"help\": \"https://api.neso.energy/api/3/action/help_show?name=package_show\","
                + " \"success\": true, \"result\": {\"id\": \"p\", \"name\": \"" + slug + "\", \"resources\": [");
        for (int i = 0; i < resources.length; i++) {
            String[] r = resources[i];
            b.append(i > 0 ? "," : "").append("{\"id\": \"").append(r[0]).append("\", \"name\": \"").append(r[1])
                    .append("\", \"url\": \"").append(r[2]).append("\", \"last_modified\": ")
                    .append(r[3] == null ? "null" : "\"" + r[3] + "\"").append(", \"datastore_active\": true}");
        }
        return b.append("]}}").toString();
    }

    /**
     * A datastore answer; {@code total} and {@code next} are left out when null (the SQL action has
     * neither).
     */
    static String datastore(List<String> fields, List<List<Object>> rows, long offset, Long total, String next) {
        StringBuilder b = new StringBuilder("{\"help\": \"https://api.neso.energy/api/3/action/help_show?name=datastore_search\","
                + " \"success\": true, \"result\": {\"include_total\": true, \"resource_id\": \"r\", \"fields\": [{\"id\": \"_id\", \"type\": \"int\"}");
        for (String f : fields) {
            b.append(", {\"id\": ").append(json(f)).append(", \"type\": \"text\"}");
        }
        b.append("], \"records_format\": \"objects\", \"records\": [");
        for (int r = 0; r < rows.size(); r++) {
            b.append(r > 0 ? ", " : "").append("{\"_id\": ").append(offset + r + 1);
            for (int c = 0; c < fields.size(); c++) {
                b.append(", ").append(json(fields.get(c))).append(": ").append(json(rows.get(r).get(c)));
            }
            b.append('}');
        }
        b.append("], \"offset\": ").append(offset);
        if (total != null) {
            b.append(", \"total\": ").append(total);
        }
        if (next != null) {
            b.append(", \"_links\": {\"start\": \"/api/3/action/datastore_search\", \"next\": ").append(json(next)).append('}');
        }
        return b.append("}}").toString();
    }

    static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number) {
            return v.toString();
        }
        return "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Demand rows of one local day in the documented format: every period of the day, ISO dates. */
    static List<List<Object>> demandDay(LocalDate day, int periods) {
        List<List<Object>> rows = new ArrayList<>();
        for (int sp = 1; sp <= periods; sp++) {
            rows.add(List.of(day.toString(), sp, 20000 + sp, 21000 + sp));
        }
        return rows;
    }

    /** A CKAN error answer. */
    static String ckanError(String type, String message) {
        return "{\"help\": \"https://api.neso.energy/api/3/action/help_show?name=datastore_search\", \"success\": false,"
                + " \"error\": {\"__type\": \"" + type + "\", \"message\": \"" + message + "\"}}";
    }
}
