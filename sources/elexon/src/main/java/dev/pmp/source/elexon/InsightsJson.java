package dev.pmp.source.elexon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams the rows out of an Insights JSON answer with Jackson's core parser (no data binding): a bare
 * array ({@code /stream}, IRIS), a {@code {"data": [...]}} envelope with or without {@code metadata}, or
 * either one doubly encoded as a JSON string (IRIS bodies, spec §7.3). Fields are found by name; values
 * are typed as the facts declare. One instance per dataset; thread-safe (each read has its own state).
 */
final class InsightsJson {
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    private final String code;
    private final List<Field> fields;
    private final Map<String, Integer> index;

    InsightsJson(String code, List<Field> fields) {
        this.code = code;
        this.fields = List.copyOf(fields);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            m.put(fields.get(i).json(), i);
        }
        this.index = m;
    }

    /**
     * The rows of one answer.
     *
     * @param values one array per row, in field order; null where the field was absent or null
     * @param problems per row, the first value that could not be read, or null
     * @param present which fields appeared in at least one row
     * @param unknown field names not in the facts (other than {@code dataset}), in order of appearance
     * @param datasets the distinct {@code dataset} values seen
     */
    record Rows(List<Object[]> values, List<String> problems, boolean[] present, Set<String> unknown, Set<String> datasets) {
    }

    /**
     * Reads every row.
     *
     * @throws SourceException {@link Failure#BAD_DATA} for anything that is not one of the three shapes:
     *     an empty body, an HTML page, truncated or malformed JSON, an error document, trailing content
     */
    Rows read(byte[] body) throws SourceException {
        return read(body, 0);
    }

    private Rows read(byte[] body, int depth) throws SourceException {
        int first = firstByte(body);
        if (first < 0) {
            throw bad("the body is empty");
        }
        if (first == '<') {
            throw bad("the body is an HTML or XML page, not JSON: " + excerpt(body));
        }
        State s = new State(fields.size());
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_STRING && depth == 0) {
                String inner = p.getText();
                if (p.nextToken() != null) {
                    throw bad("content follows the JSON string at " + where(p));
                }
                return read(inner.getBytes(StandardCharsets.UTF_8), 1);
            }
            if (t == JsonToken.START_ARRAY) {
                readArray(p, s);
            } else if (t == JsonToken.START_OBJECT) {
                readEnvelope(p, s);
            } else {
                throw bad("the body is neither a JSON array nor an object: " + excerpt(body));
            }
            if (p.nextToken() != null) {
                throw bad("content follows the JSON document at " + where(p));
            }
        } catch (JsonProcessingException e) {
            throw new SourceException(Failure.BAD_DATA, "Elexon " + code + ": truncated or malformed JSON ("
                    + e.getOriginalMessage() + " at " + location(e) + ")", e);
        } catch (IOException e) {
            throw new SourceException(Failure.BAD_DATA, "Elexon " + code + ": unreadable body: " + e.getMessage(), e);
        }
        return new Rows(s.values, s.problems, s.present, s.unknown, s.datasets);
    }

    private void readEnvelope(JsonParser p, State s) throws IOException, SourceException {
        boolean data = false;
        Map<String, String> other = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("data")) {
                if (v == JsonToken.START_ARRAY) {
                    readArray(p, s);
                    data = true;
                } else if (v != JsonToken.VALUE_NULL) {
                    throw bad("\"data\" is not an array at " + where(p));
                } else {
                    data = true;
                }
            } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                p.skipChildren();
                other.put(name, "");
            } else {
                other.put(name, p.getText());
            }
        }
        if (!data) {
            if (other.containsKey("status") || other.containsKey("title") || other.containsKey("errors")
                    || other.containsKey("error") || other.containsKey("message")) {
                throw bad("the answer is an error document, not data: status " + other.getOrDefault("status", "?")
                        + ", " + first(other.get("title"), other.get("message"), other.get("error"), "no title"));
            }
            throw bad("the JSON object has no \"data\" array (fields " + other.keySet() + ")");
        }
    }

    private static String first(String... texts) {
        for (String t : texts) {
            if (t != null && !t.isEmpty()) {
                return t;
            }
        }
        return "";
    }

    private void readArray(JsonParser p, State s) throws IOException, SourceException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw bad("row " + s.values.size() + " is not a JSON object at " + where(p));
            }
            readRow(p, s);
        }
    }

    private void readRow(JsonParser p, State s) throws IOException {
        Object[] row = new Object[fields.size()];
        String problem = null;
        int position = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            Integer i = s.lookup(name, position++, index);
            if (i == null) {
                if (name.equals("dataset") && v == JsonToken.VALUE_STRING) {
                    s.datasets.add(s.text.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()));
                } else if (!name.equals("dataset")) {
                    s.unknown.add(name);
                }
                p.skipChildren();
                continue;
            }
            s.present[i] = true;
            if (v == JsonToken.VALUE_NULL) {
                continue;
            }
            Field f = fields.get(i);
            Object value = value(p, v, f, s, i);
            if (value == null) {
                if (problem == null) {
                    problem = "field " + f.json() + " = " + shown(p, v) + " is not a valid " + f.type().name().toLowerCase(java.util.Locale.ROOT);
                }
                p.skipChildren();
            } else {
                row[i] = value;
            }
        }
        s.values.add(row);
        s.problems.add(problem);
    }

    private Object value(JsonParser p, JsonToken v, Field f, State s, int i) throws IOException {
        return switch (f.type()) {
            case TIMESTAMP -> v == JsonToken.VALUE_STRING ? s.instant(i, p.getTextCharacters(), p.getTextOffset(), p.getTextLength()) : null;
            case DATE -> v == JsonToken.VALUE_STRING ? s.date(i, p.getTextCharacters(), p.getTextOffset(), p.getTextLength()) : null;
            case DOUBLE -> doubleValue(p, v);
            case BIGINT -> longValue(p, v);
            case TEXT -> v == JsonToken.VALUE_STRING ? s.text.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())
                    : v.isScalarValue() ? p.getText() : null;
            case BOOLEAN -> v == JsonToken.VALUE_TRUE ? Boolean.TRUE : v == JsonToken.VALUE_FALSE ? Boolean.FALSE
                    : v == JsonToken.VALUE_STRING ? bool(p.getText()) : null;
            case JSON -> structure(p, v);
        };
    }

    private static Double doubleValue(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getDoubleValue() : (double) p.getLongValue();
        }
        if (v == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = decimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (Double.isNaN(d)) {
                d = p.getDoubleValue();
            }
            return Double.isFinite(d) ? d : null;
        }
        if (v == JsonToken.VALUE_STRING) {
            try {
                double d = Double.parseDouble(p.getText().strip());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    /**
     * A plain decimal ({@code -71.5}, {@code 668.67}) of at most 15 digits and no exponent, or NaN for
     * anything else. Exact: the digits form an integer below 2^53 and the power of ten is exact, so the one
     * division is correctly rounded, as {@link Double#parseDouble} would give.
     */
    static double decimal(char[] c, int o, int len) {
        int i = o;
        int end = o + len;
        boolean negative = i < end && c[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = -1;
        for (; i < end; i++) {
            char ch = c[i];
            if (ch >= '0' && ch <= '9') {
                mantissa = mantissa * 10 + (ch - '0');
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else if (ch == '.' && scale < 0) {
                scale = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || digits > 15) {
            return Double.NaN;
        }
        double d = scale > 0 ? mantissa / POWERS[scale] : mantissa;
        return negative ? -d : d;
    }

    private static Long longValue(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? null : p.getLongValue();
        }
        if (v == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            return d == Math.rint(d) && Math.abs(d) < 9.0e15 ? (long) d : null;
        }
        if (v == JsonToken.VALUE_STRING) {
            try {
                return Long.parseLong(p.getText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Boolean bool(String text) {
        return text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    private static String structure(JsonParser p, JsonToken v) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.copyCurrentStructure(p);
        }
        return v == JsonToken.VALUE_NULL ? null : out.toString();
    }

    private static String shown(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
            return v == JsonToken.START_OBJECT ? "{...}" : "[...]";
        }
        String text = p.getText();
        return v == JsonToken.VALUE_STRING ? "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"" : text;
    }

    private SourceException bad(String problem) {
        return new SourceException(Failure.BAD_DATA, "Elexon " + code + ": " + problem);
    }

    private static String where(JsonParser p) {
        return "line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "unknown position"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static int firstByte(byte[] body) {
        int i = 0;
        // Skip a UTF-8 byte order mark and white space.
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            i = 3;
        }
        for (; i < body.length; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
        }
        return -1;
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        return "\"" + text + (body.length > 80 ? "...\"" : "\"");
    }

    /** The state of one read. */
    private static final class State {
        final List<Object[]> values = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final boolean[] present;
        final Set<String> unknown = new LinkedHashSet<>();
        final Set<String> datasets = new LinkedHashSet<>();
        final TextCache text = new TextCache();
        // The last instant or date text of each field and its value: consecutive rows repeat them.
        private final char[][] lastText;
        private final Object[] lastValue;

        // Rows repeat their field order: the name seen at each position last time and its index. Jackson
        // hands out one canonical String per name, so the identity check is enough.
        private final String[] names = new String[64];
        private final Integer[] indexes = new Integer[64];

        State(int width) {
            present = new boolean[width];
            lastText = new char[width][];
            lastValue = new Object[width];
        }

        Integer lookup(String name, int position, Map<String, Integer> index) {
            if (position < names.length && names[position] == name) {
                return indexes[position];
            }
            Integer i = index.get(name);
            if (position < names.length) {
                names[position] = name;
                indexes[position] = i;
            }
            return i;
        }

        Instant instant(int field, char[] c, int o, int len) {
            Object cached = cached(field, c, o, len);
            if (cached != null) {
                return (Instant) cached;
            }
            Instant v = Instants.instant(c, o, len);
            remember(field, c, o, len, v);
            return v;
        }

        LocalDate date(int field, char[] c, int o, int len) {
            Object cached = cached(field, c, o, len);
            if (cached != null) {
                return (LocalDate) cached;
            }
            LocalDate v = Instants.date(c, o, len);
            remember(field, c, o, len, v);
            return v;
        }

        private Object cached(int field, char[] c, int o, int len) {
            char[] last = lastText[field];
            if (last == null || last.length != len) {
                return null;
            }
            return Arrays.equals(last, 0, len, c, o, o + len) ? lastValue[field] : null;
        }

        private void remember(int field, char[] c, int o, int len, Object v) {
            if (v != null) {
                lastText[field] = Arrays.copyOfRange(c, o, o + len);
                lastValue[field] = v;
            }
        }
    }
}
