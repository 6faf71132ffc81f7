package dev.pmp.source.isone;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.pmp.spi.SourceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records of a Web Services API answer {@code {"<Plural>": {"<Singular>": [ ... ]}}}. Accepts the
 * quirks of the real service: a single record sent as an object instead of a one-element array, the
 * plural wrapper left out ({@code /current} endpoints), and an empty day as a missing, empty or
 * empty-string list.
 *
 * @param records the records, in the order sent
 * @param fieldNames every flattened field name met, in order of first appearance
 * @param singleObject whether the records came as a lone object instead of an array
 */
record ApiAnswer(List<ApiRecord> records, Set<String> fieldNames, boolean singleObject) {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    ApiAnswer {
        records = List.copyOf(records);
        fieldNames = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(fieldNames));
    }

    /**
     * Reads an answer.
     *
     * @param what the URI or file name, for messages
     * @throws SourceException BAD_DATA when the body is not JSON, is cut short, or has another envelope
     *     (an error document)
     */
    static ApiAnswer read(byte[] body, String plural, String singular, String what) throws SourceException {
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first == body.length || body[first] != '{') {
            throw IsoneTime.badData(what + ": not a JSON object (starts with \"" + excerpt(body) + "\")");
        }
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw IsoneTime.badData(what + ": not a JSON object (starts with \"" + excerpt(body) + "\")");
            }
            Set<String> names = new LinkedHashSet<>();
            List<ApiRecord> records = new ArrayList<>();
            boolean[] single = {false};
            boolean found = false;
            List<String> seen = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String top = p.currentName();
                seen.add(top);
                JsonToken t = p.nextToken();
                if (top.equals(plural)) {
                    found = true;
                    if (t == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String inner = p.currentName();
                            p.nextToken();
                            if (inner.equals(singular)) {
                                readRecords(p, records, names, single, what);
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else if (!(t == JsonToken.VALUE_STRING && p.getText().isBlank()) && t != JsonToken.VALUE_NULL) {
                        throw IsoneTime.badData(what + ": " + plural + " holds a " + t + ", expected an object");
                    }
                } else if (top.equals(singular)) {
                    found = true;
                    readRecords(p, records, names, single, what);
                } else {
                    p.skipChildren();
                }
            }
            if (!found) {
                throw IsoneTime.badData(what + ": expected the envelope " + plural + "." + singular + ", found "
                        + (seen.isEmpty() ? "an empty object" : "the fields " + seen) + " (an error document?)");
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw IsoneTime.badData(what + ": unexpected content after the envelope");
            }
            return new ApiAnswer(records, names, single[0]);
        } catch (JsonProcessingException e) {
            throw IsoneTime.badData(what + ": malformed or truncated JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw IsoneTime.badData(what + ": unreadable JSON (" + e.getMessage() + ")");
        }
    }

    private static void readRecords(JsonParser p, List<ApiRecord> out, Set<String> names, boolean[] single, String what)
            throws IOException, SourceException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw IsoneTime.badData(what + ": record " + out.size() + " is a " + p.currentToken()
                            + ", expected an object");
                }
                out.add(record(p, out.size(), names));
            }
        } else if (t == JsonToken.START_OBJECT) {
            single[0] = true;
            out.add(record(p, out.size(), names));
        } else if (!(t == JsonToken.VALUE_STRING && p.getText().isBlank()) && t != JsonToken.VALUE_NULL) {
            throw IsoneTime.badData(what + ": the record list is a " + t + ", expected an array or an object");
        }
    }

    private static ApiRecord record(JsonParser p, int index, Set<String> names) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        flatten(p, "", fields);
        names.addAll(fields.keySet());
        return new ApiRecord(index, fields);
    }

    /** Reads the object the parser stands on into {@code fields}, prefixing nested names. */
    private static void flatten(JsonParser p, String prefix, Map<String, String> fields) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT) {
                flatten(p, name + ".", fields);
            } else if (v == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (v != JsonToken.VALUE_NULL) {
                fields.put(name, p.getText());
            }
        }
    }

    private static String excerpt(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 40), java.nio.charset.StandardCharsets.UTF_8);
        return s.replaceAll("\\s+", " ");
    }
}
