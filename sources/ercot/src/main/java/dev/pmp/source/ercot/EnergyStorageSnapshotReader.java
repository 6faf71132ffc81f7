package dev.pmp.source.ercot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.pmp.source.ercot.EnergyStorageSnapshot.Day;
import dev.pmp.source.ercot.EnergyStorageSnapshot.Sample;
import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the envelope {@code {lastUpdated, previousDay{dayDate, data[]}, currentDay{dayDate, data[]}}}
 * with Jackson's streaming parser. Every structural problem becomes a {@link Failure#BAD_DATA} naming
 * the place ({@code currentDay.data[17].netOutput}). One instance reads one payload; not thread-safe.
 */
final class EnergyStorageSnapshotReader {

    /** {@code 2025-11-09 15:25:00-0600}: ERCOT's dashboard timestamp, always with its UTC offset. */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssxx").withResolverStyle(ResolverStyle.STRICT);

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final JsonParser parser;
    private final Set<String> ignoredFields = new LinkedHashSet<>();
    /** Where the parser is, for the message when the payload ends early. */
    private String where = "the envelope";

    private EnergyStorageSnapshotReader(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * Reads one response body.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when the body is not this envelope
     */
    static EnergyStorageSnapshot read(byte[] body) throws SourceException {
        rejectNonJson(body);
        EnergyStorageSnapshotReader reader = null;
        try (JsonParser parser = JSON.createParser(body)) {
            reader = new EnergyStorageSnapshotReader(parser);
            return reader.envelope();
        } catch (JsonEOFException e) {
            throw bad("payload is truncated JSON: it ends inside " + (reader == null ? "the envelope" : reader.where));
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

    private EnergyStorageSnapshot envelope() throws IOException, SourceException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw bad("payload is " + describe(parser.currentToken()) + ", expected the dashboard's JSON object");
        }
        Day previousDay = null;
        Day currentDay = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "lastUpdated" -> expectString(value, "lastUpdated");
                case "previousDay" -> previousDay = day("previousDay");
                case "currentDay" -> currentDay = day("currentDay");
                default -> ignore(name);
            }
            where = "the envelope";
        }
        if (parser.nextToken() != null) {
            throw bad("payload has more content after the dashboard's JSON object");
        }
        if (previousDay == null) {
            throw bad("payload has no previousDay");
        }
        if (currentDay == null) {
            throw bad("payload has no currentDay");
        }
        return new EnergyStorageSnapshot(previousDay, currentDay, List.copyOf(ignoredFields));
    }

    private Day day(String name) throws IOException, SourceException {
        where = name;
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw bad(name + " is " + describe(parser.currentToken()) + ", expected an object");
        }
        OffsetDateTime dayDate = null;
        List<Sample> samples = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "dayDate" -> dayDate = timestamp(value, name + ".dayDate");
                case "data" -> samples = samples(name);
                default -> ignore(name + "." + field);
            }
            where = name;
        }
        if (dayDate == null) {
            throw bad(name + ".dayDate is missing");
        }
        if (samples == null) {
            throw bad(name + ".data is missing");
        }
        return new Day(name, dayDate.toLocalDate(), samples);
    }

    private List<Sample> samples(String day) throws IOException, SourceException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw bad(day + ".data is " + describe(parser.currentToken()) + ", expected an array");
        }
        List<Sample> samples = new ArrayList<>(300);
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            samples.add(sample(day, index++));
        }
        return samples;
    }

    private Sample sample(String day, int index) throws IOException, SourceException {
        String path = day + ".data[" + index + "]";
        where = path;
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw bad(path + " is " + describe(parser.currentToken()) + ", expected an object");
        }
        String timestamp = null;
        OffsetDateTime time = null;
        String dstFlag = null;
        double charging = Double.NaN;
        double discharging = Double.NaN;
        double net = Double.NaN;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            String at = path + "." + field;
            switch (field) {
                case "timestamp" -> {
                    time = timestamp(value, at);
                    timestamp = parser.getText();
                }
                case "dstFlag" -> dstFlag = dstFlag(value, at);
                case "totalCharging" -> charging = number(value, at);
                case "totalDischarging" -> discharging = number(value, at);
                case "netOutput" -> net = number(value, at);
                // Same instant as timestamp, but wrong on the fall-back defect row (README 2.3.2); the
                // wall clock without offset is ambiguous. Both are read past, never trusted.
                case "epoch" -> number(value, at);
                case "tagCLastTime" -> expectString(value, at);
                default -> ignore(day + ".data[]." + field);
            }
        }
        if (time == null) {
            throw bad(path + ".timestamp is missing");
        }
        requirePresent(charging, path + ".totalCharging");
        requirePresent(discharging, path + ".totalDischarging");
        requirePresent(net, path + ".netOutput");
        return new Sample(index, timestamp, time, dstFlag, charging, discharging, net);
    }

    private OffsetDateTime timestamp(JsonToken value, String at) throws IOException, SourceException {
        String text = expectString(value, at);
        try {
            return OffsetDateTime.parse(text, TIMESTAMP);
        } catch (DateTimeParseException e) {
            throw bad(at + " is \"" + clip(text) + "\", expected yyyy-MM-dd HH:mm:ss±hhmm");
        }
    }

    private String dstFlag(JsonToken value, String at) throws IOException, SourceException {
        String text = expectString(value, at);
        if (!text.equals("Y") && !text.equals("N")) {
            throw bad(at + " is \"" + clip(text) + "\", expected \"Y\" or \"N\"");
        }
        return text;
    }

    private double number(JsonToken value, String at) throws IOException, SourceException {
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
            throw bad(at + " is " + describe(value) + ", expected a number");
        }
        // The literal text, so -1048.823 stays exactly the double nearest to -1048.823.
        double number = Double.parseDouble(parser.getText());
        if (Double.isInfinite(number)) {
            throw bad(at + " is " + parser.getText() + ", too large for a double");
        }
        return number;
    }

    private String expectString(JsonToken value, String at) throws IOException, SourceException {
        if (value != JsonToken.VALUE_STRING) {
            throw bad(at + " is " + describe(value) + ", expected a string");
        }
        return parser.getText();
    }

    private void ignore(String path) throws IOException {
        ignoredFields.add(path);
        parser.skipChildren();
    }

    private static void requirePresent(double value, String at) throws SourceException {
        if (Double.isNaN(value)) {
            throw bad(at + " is missing");
        }
    }

    private String describe(JsonToken token) throws IOException {
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

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static SourceException bad(String message) {
        return new SourceException(Failure.BAD_DATA, message);
    }
}
