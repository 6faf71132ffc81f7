package dev.pmp.source.elexon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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

    /** Receives the rows of one answer as they are read, in payload order. */
    interface RowSink {
        /**
         * One row.
         *
         * @param values the row's values in field order, null where the field was absent or null; the array is
         *     reused for the next row, so copy what is kept
         * @param problem the first value of the row that could not be read, or null
         */
        void row(Object[] values, String problem);

        /**
         * Called once, after the first row: about how many rows the answer holds, judged from the size of
         * the first row in bytes, so that whatever collects them can be sized once. A hint only.
         */
        default void expect(long rows) {
        }
    }

    /**
     * What one answer held besides its row values.
     *
     * @param rows how many rows it held
     * @param present which fields appeared in at least one row
     * @param unknown field names not in the facts (other than {@code dataset}), in order of appearance
     * @param datasets the distinct {@code dataset} values seen
     */
    record Answer(int rows, boolean[] present, Set<String> unknown, Set<String> datasets) {
    }

    /**
     * Reads every row, handing each to {@code sink} as soon as it is read.
     *
     * @throws SourceException {@link Failure#BAD_DATA} for anything that is not one of the three shapes:
     *     an empty body, an HTML page, truncated or malformed JSON, an error document, trailing content;
     *     the rows before the fault have already reached {@code sink}
     */
    Answer read(byte[] body, RowSink sink) throws SourceException {
        return read(body, sink, 0);
    }

    private Answer read(byte[] body, RowSink sink, int depth) throws SourceException {
        int first = firstByte(body);
        if (first < 0) {
            throw bad("the body is empty");
        }
        if (first == '<') {
            throw bad("the body is an HTML or XML page, not JSON: " + excerpt(body));
        }
        State s = new State(fields.size(), sink, body.length);
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_STRING && depth == 0) {
                String inner = p.getText();
                if (p.nextToken() != null) {
                    throw bad("content follows the JSON string at " + where(p));
                }
                return read(inner.getBytes(StandardCharsets.UTF_8), sink, 1);
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
        return new Answer(s.rows, s.present, s.unknown, s.datasets);
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
                throw bad("row " + s.rows + " is not a JSON object at " + where(p));
            }
            if (s.rows > 0) {
                readRow(p, s);
                continue;
            }
            long from = p.currentTokenLocation().getByteOffset();
            readRow(p, s);
            long bytes = p.currentLocation().getByteOffset() - from;
            if (from >= 0 && bytes > 0) {
                s.sink.expect((s.body - from) / bytes);
            }
        }
    }

    private void readRow(JsonParser p, State s) throws IOException {
        Object[] row = s.row;
        Arrays.fill(row, null);
        String problem = null;
        for (int position = 0; ; position++) {
            // Rows repeat their field order: asking for the name this position held last time lets Jackson
            // compare the raw bytes instead of hashing the name into its symbol table.
            SerializableString expected = s.expected(position);
            String name;
            Integer i;
            if (expected != null && p.nextFieldName(expected)) {
                name = expected.getValue();
                i = s.indexes[position];
            } else {
                if ((expected != null ? p.currentToken() : p.nextToken()) != JsonToken.FIELD_NAME) {
                    break;
                }
                name = p.currentName();
                i = s.lookup(name, position, index);
            }
            JsonToken v = p.nextToken();
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
        s.rows++;
        s.sink.row(row, problem);
    }

    private Object value(JsonParser p, JsonToken v, Field f, State s, int i) throws IOException {
        return switch (f.type()) {
            case TIMESTAMP -> v == JsonToken.VALUE_STRING ? s.instant(i, p.getTextCharacters(), p.getTextOffset(), p.getTextLength()) : null;
            case DATE -> v == JsonToken.VALUE_STRING ? s.date(i, p.getTextCharacters(), p.getTextOffset(), p.getTextLength()) : null;
            case DOUBLE -> {
                double d = doubleValue(p, v);
                yield Double.isNaN(d) ? null : (Double) d;
            }
            case BIGINT -> longValue(p, v);
            case TEXT -> v == JsonToken.VALUE_STRING ? s.text.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())
                    : v.isScalarValue() ? p.getText() : null;
            case BOOLEAN -> v == JsonToken.VALUE_TRUE ? Boolean.TRUE : v == JsonToken.VALUE_FALSE ? Boolean.FALSE
                    : v == JsonToken.VALUE_STRING ? bool(p.getText()) : null;
            case JSON -> structure(p, v);
        };
    }

    /** The finite number {@code v} holds, or NaN when it holds none. */
    private static double doubleValue(JsonParser p, JsonToken v) throws IOException {
        double d = Double.NaN;
        if (v == JsonToken.VALUE_NUMBER_INT) {
            d = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getDoubleValue() : (double) p.getLongValue();
        } else if (v == JsonToken.VALUE_NUMBER_FLOAT) {
            d = decimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (Double.isNaN(d)) {
                d = p.getDoubleValue();
            }
        } else if (v == JsonToken.VALUE_STRING) {
            try {
                d = Double.parseDouble(p.getText().strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.isFinite(d) ? d : Double.NaN;
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
            return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? null : boxed(p.getLongValue());
        }
        if (v == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            return d == Math.rint(d) && Math.abs(d) < 9.0e15 ? boxed((long) d) : null;
        }
        if (v == JsonToken.VALUE_STRING) {
            try {
                return boxed(Long.parseLong(p.getText().strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static final int SMALL_MIN = -4096;
    private static final int SMALL_MAX = 16384;
    // Levels in MW, periods and pair ids repeat on every row: one box per value keeps a large answer from
    // holding hundreds of thousands of equal Longs. Filled lazily; a racing fill is harmless because a
    // Long's value is final, so any thread sees a whole one.
    private static final Long[] SMALL = new Long[SMALL_MAX - SMALL_MIN];

    /** {@code v} boxed, sharing one box per value for the magnitudes MW figures and periods take. */
    static Long boxed(long v) {
        if (v < SMALL_MIN || v >= SMALL_MAX) {
            return v;
        }
        int i = (int) v - SMALL_MIN;
        Long box = SMALL[i];
        if (box == null) {
            box = v;
            SMALL[i] = box;
        }
        return box;
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
        final RowSink sink;
        final int body;
        final Object[] row;
        int rows;
        final boolean[] present;
        final Set<String> unknown = new LinkedHashSet<>();
        final Set<String> datasets = new LinkedHashSet<>();
        final TextCache text = new TextCache();
        // The last instant or date text of each field and its value: consecutive rows repeat them.
        private final char[][] lastText;
        private final Object[] lastValue;

        // Rows repeat their field order: the name seen at each position last time, in the form Jackson
        // matches against the raw bytes, and its index. Jackson hands out one canonical String per name, so
        // the identity check is enough.
        private final String[] names = new String[64];
        private final SerializableString[] serialized = new SerializableString[64];
        final Integer[] indexes = new Integer[64];

        State(int width, RowSink sink, int body) {
            this.sink = sink;
            this.body = body;
            row = new Object[width];
            present = new boolean[width];
            lastText = new char[width][];
            lastValue = new Object[width];
        }

        /** The name this position held in the last row, or null. */
        SerializableString expected(int position) {
            return position < serialized.length ? serialized[position] : null;
        }

        Integer lookup(String name, int position, Map<String, Integer> index) {
            if (position < names.length && names[position] == name) {
                return indexes[position];
            }
            Integer i = index.get(name);
            if (position < names.length) {
                names[position] = name;
                serialized[position] = new SerializedString(name);
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
