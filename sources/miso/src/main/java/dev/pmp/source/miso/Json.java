package dev.pmp.source.miso;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the small public-API payloads (a few kB) into plain values, only inside a feed's
 * {@code parse}: objects become {@code Map<String, Object>} (a JSON {@code null} is a present key with a
 * null value), arrays {@code List<Object>}, numbers {@code Long} or {@code Double}. Stateless.
 */
final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build();

    private Json() {
    }

    /**
     * The value of a whole payload.
     *
     * @throws SourceException {@link Failure#BAD_DATA} for an HTML page, an empty body or JSON that is cut
     *     off or malformed; the message names {@code what}
     */
    static Object read(byte[] body, String what) throws SourceException {
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first == body.length) {
            throw new SourceException(Failure.BAD_DATA, what + ": the body is empty, expected JSON");
        }
        if (body[first] == '<') {
            throw new SourceException(Failure.BAD_DATA, what + ": the body is an HTML/XML page, not JSON");
        }
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken t = p.nextToken();
            Object value = value(p, t);
            if (p.nextToken() != null) {
                throw new SourceException(Failure.BAD_DATA, what + ": data after the JSON value at "
                        + p.currentLocation().getCharOffset());
            }
            return value;
        } catch (IOException e) {
            throw new SourceException(Failure.BAD_DATA, what + ": not complete JSON (" + firstLine(e)
                    + ")", e);
        }
    }

    /** The first line of an exception's message (Jackson appends the source location on later lines). */
    static String firstLine(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "the payload ends inside a value");
        }
        return switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                }
                if (k != JsonToken.END_OBJECT) {
                    throw new com.fasterxml.jackson.core.io.JsonEOFException(p, k, "the payload ends inside an object");
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(p, e));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case END_ARRAY, END_OBJECT, FIELD_NAME, VALUE_EMBEDDED_OBJECT, NOT_AVAILABLE ->
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + t);
        };
    }

    /** {@code value} as an object, or BAD_DATA naming {@code where}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String where) throws SourceException {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new SourceException(Failure.BAD_DATA, where + " is " + describe(value) + ", expected an object");
    }

    /** {@code value} as an array, or BAD_DATA naming {@code where}. */
    @SuppressWarnings("unchecked")
    static List<Object> array(Object value, String where) throws SourceException {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new SourceException(Failure.BAD_DATA, where + " is " + describe(value) + ", expected an array");
    }

    /** The member {@code name} of {@code object}, which must be present (schema drift otherwise). */
    static Object member(Map<String, Object> object, String name, String where) throws SourceException {
        if (!object.containsKey(name)) {
            throw new SourceException(Failure.BAD_DATA, where + " has no field \"" + name + "\" (fields: "
                    + object.keySet() + ")");
        }
        return object.get(name);
    }

    /** The text member {@code name}, which must be present and a string. */
    static String text(Map<String, Object> object, String name, String where) throws SourceException {
        Object v = member(object, name, where);
        if (v instanceof String s) {
            return s;
        }
        throw new SourceException(Failure.BAD_DATA, where + "." + name + " is " + describe(v) + ", expected text");
    }

    /**
     * A number published as a JSON number or as text (the public API sends numbers as strings).
     *
     * @return the value, or null when {@code value} is not a finite number
     */
    static Double number(Object value) {
        if (value instanceof Long l) {
            return l.doubleValue();
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : d;
        }
        if (value instanceof String s) {
            String t = s.strip().replace(",", "");
            if (t.isEmpty()) {
                return null;
            }
            try {
                double d = Double.parseDouble(t);
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A short description of a value for messages. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        return value.toString();
    }
}
