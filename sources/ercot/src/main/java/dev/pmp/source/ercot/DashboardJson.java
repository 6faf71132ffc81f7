package dev.pmp.source.ercot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The streaming-JSON plumbing shared by the readers of the {@code system-wide-prices}, {@code fuel-mix}
 * and {@code energy-storage-resources} dashboards: the checks before parsing (empty, HTML), typed reads
 * that name the place of a problem ({@code rtSppData[3].hbPan}), and the translation of Jackson's errors
 * into {@link Failure#BAD_DATA}. One instance reads one payload; not thread-safe.
 */
final class DashboardJson {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Reads the body; called once per payload. */
    interface Body<T> {
        T read(DashboardJson json) throws IOException, SourceException;
    }

    final JsonParser parser;
    private final Set<String> ignoredFields = new LinkedHashSet<>();
    /** Where the parser is, for the message when the payload ends early. */
    String where = "the envelope";

    private DashboardJson(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * Reads one response body with {@code body}.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when the body is empty, HTML or not valid JSON,
     *     or {@code body} refuses it
     */
    static <T> T read(byte[] body, Body<T> reader) throws SourceException {
        rejectNonJson(body);
        DashboardJson json = null;
        try (JsonParser parser = JSON.createParser(body)) {
            json = new DashboardJson(parser);
            return reader.read(json);
        } catch (JsonEOFException e) {
            throw bad("payload is truncated JSON: it ends inside " + (json == null ? "the envelope" : json.where));
        } catch (JsonProcessingException e) {
            throw bad("payload is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            // A byte array cannot fail to read; anything else Jackson reports is about the bytes.
            throw bad("payload could not be read as JSON: " + e.getMessage());
        }
    }

    private static void rejectNonJson(byte[] body) throws SourceException {
        int i = 0;
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        if (i == body.length) {
            throw bad("payload is empty");
        }
        if (body[i] == '<') {
            // The bot wall and maintenance pages answer 200 with HTML (README section 2.2).
            String start = new String(body, i, Math.min(60, body.length - i), StandardCharsets.UTF_8)
                    .replaceAll("\\s+", " ");
            throw bad("payload is HTML, not JSON: it starts with \"" + start + "\"");
        }
    }

    /** Fails unless the next token opens the dashboard's object. */
    void startEnvelope() throws IOException, SourceException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw bad("payload is " + describe(parser.currentToken()) + ", expected the dashboard's JSON object");
        }
    }

    /** Fails when anything follows the dashboard's object. */
    void endEnvelope() throws IOException, SourceException {
        if (parser.nextToken() != null) {
            throw bad("payload has more content after the dashboard's JSON object");
        }
    }

    void expectObject(JsonToken value, String at) throws IOException, SourceException {
        if (value != JsonToken.START_OBJECT) {
            throw bad(at + " is " + describe(value) + ", expected an object");
        }
    }

    void expectArray(JsonToken value, String at) throws IOException, SourceException {
        if (value != JsonToken.START_ARRAY) {
            throw bad(at + " is " + describe(value) + ", expected an array");
        }
    }

    String string(JsonToken value, String at) throws IOException, SourceException {
        if (value != JsonToken.VALUE_STRING) {
            throw bad(at + " is " + describe(value) + ", expected a string");
        }
        return parser.getText();
    }

    /** A {@code yyyy-MM-dd HH:mm:ss±hhmm} string, parsed with its own offset. */
    OffsetDateTime timestamp(JsonToken value, String at) throws IOException, SourceException {
        String text = string(value, at);
        try {
            return OffsetDateTime.parse(text, EnergyStorageSnapshotReader.TIMESTAMP);
        } catch (DateTimeParseException e) {
            throw bad(at + " is \"" + clip(text) + "\", expected yyyy-MM-dd HH:mm:ss±hhmm");
        }
    }

    String dstFlag(JsonToken value, String at) throws IOException, SourceException {
        String text = string(value, at);
        if (!text.equals("Y") && !text.equals("N")) {
            throw bad(at + " is \"" + clip(text) + "\", expected \"Y\" or \"N\"");
        }
        return text;
    }

    /** A JSON number, from its literal text so that {@code 37.1} stays the double nearest to 37.1. */
    double number(JsonToken value, String at) throws IOException, SourceException {
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
            throw bad(at + " is " + describe(value) + ", expected a number");
        }
        double number = Double.parseDouble(parser.getText());
        if (Double.isInfinite(number)) {
            throw bad(at + " is " + parser.getText() + ", too large for a double");
        }
        return number;
    }

    /** A JSON integer that fits a long. */
    long integer(JsonToken value, String at) throws IOException, SourceException {
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw bad(at + " is " + describe(value) + ", expected an integer");
        }
        return parser.getLongValue();
    }

    /** Fails when {@code value} is still the {@code NaN} a reader starts a required number with. */
    static void requirePresent(double value, String at) throws SourceException {
        if (Double.isNaN(value)) {
            throw bad(at + " is missing");
        }
    }

    /** Skips a value this reader does not know and remembers its path for one note. */
    void ignore(String path) throws IOException {
        ignoredFields.add(path);
        parser.skipChildren();
    }

    /** The paths passed to {@link #ignore}, in the order first seen. */
    List<String> ignoredFields() {
        return List.copyOf(ignoredFields);
    }

    String describe(JsonToken token) throws IOException {
        if (token == null) {
            return "empty";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "\"" + clip(parser.getText()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> parser.getText();
            case VALUE_EMBEDDED_OBJECT, NOT_AVAILABLE, END_OBJECT, END_ARRAY, FIELD_NAME -> token.name();
        };
    }

    static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    static SourceException bad(String message) {
        return new SourceException(Failure.BAD_DATA, message);
    }
}
