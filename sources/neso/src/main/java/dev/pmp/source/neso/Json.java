package dev.pmp.source.neso;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON payload into plain values ({@link Map}, {@link List}, {@link String}, {@link Double},
 * {@link Boolean}, {@code null}) for a reader that turns them into typed records at once; the plain
 * values never leave the reader. Checks first that the body is JSON at all (an HTML page behind a 200,
 * an empty body) and turns every syntax error or early end into {@link Failure#BAD_DATA}.
 */
final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    /**
     * The payload's top-level value.
     *
     * @param what names the payload in messages ({@code "package_show answer"})
     * @throws SourceException {@link Failure#BAD_DATA} when the body is empty, HTML, truncated or not JSON
     */
    static Object read(byte[] body, String what) throws SourceException {
        int first = firstNonBlank(body);
        if (first < 0) {
            throw new SourceException(Failure.BAD_DATA, what + " is empty");
        }
        if (body[first] == '<') {
            throw new SourceException(Failure.BAD_DATA, what + " is an HTML or XML page, not JSON: "
                    + Texts.excerpt(body));
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken token = parser.nextToken();
            Object value = value(parser, token);
            if (parser.nextToken() != null) {
                throw new SourceException(Failure.BAD_DATA, what + " has data after its end");
            }
            return value;
        } catch (JsonEOFException e) {
            throw new SourceException(Failure.BAD_DATA, what + " ends early (truncated after " + body.length
                    + " bytes)", e);
        } catch (JsonProcessingException e) {
            if (e.getLocation() != null && e.getLocation().getByteOffset() >= body.length - 1) {
                // The error sits at the very end (a number or literal cut short): the body is truncated.
                throw new SourceException(Failure.BAD_DATA, what + " ends early (truncated after " + body.length
                        + " bytes)", e);
            }
            throw new SourceException(Failure.BAD_DATA, what + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SourceException(Failure.BAD_DATA, what + " could not be read: " + e.getMessage(), e);
        }
    }

    private static Object value(JsonParser p, JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonEOFException(p, null, "end of input");
        }
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    if (t == null) {
                        throw new JsonEOFException(p, null, "end of input inside an object");
                    }
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(value(p, t));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case END_ARRAY, END_OBJECT, FIELD_NAME, NOT_AVAILABLE, VALUE_EMBEDDED_OBJECT ->
                throw new JsonParseException(p, "unexpected " + token);
        };
    }

    private static int firstNonBlank(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != (byte) 0xEF && b != (byte) 0xBB
                    && b != (byte) 0xBF) {
                return i;
            }
        }
        return -1;
    }

    /** The object {@code value}, or BAD_DATA naming {@code where}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String where) throws SourceException {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new SourceException(Failure.BAD_DATA, where + " is not a JSON object");
    }

    /** The array {@code value}, or BAD_DATA naming {@code where}. */
    @SuppressWarnings("unchecked")
    static List<Object> array(Object value, String where) throws SourceException {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new SourceException(Failure.BAD_DATA, where + " is not a JSON array");
    }

    /** The string {@code value}, or BAD_DATA naming {@code where}. */
    static String text(Object value, String where) throws SourceException {
        if (value instanceof String s) {
            return s;
        }
        throw new SourceException(Failure.BAD_DATA, where + " is " + (value == null ? "missing" : "not a string"));
    }
}
