package dev.pmp.sim.ercot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A dashboard payload read back token by token for assertions: key order and the literal text of every
 * number are kept, so tests can check the served JSON exactly.
 */
public record ServedPayload(List<String> keys, String lastUpdated, Day previousDay, Day currentDay) {

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxx");

    /** One {@code previousDay} or {@code currentDay} block. */
    public record Day(List<String> keys, String dayDate, List<Row> rows) {
        public List<String> timestamps() {
            return rows.stream().map(Row::timestamp).toList();
        }
    }

    /**
     * One data row; numbers as their literal JSON text.
     *
     * @param chargingIsNumber false when {@code totalCharging} was written as a JSON string
     */
    public record Row(List<String> keys, String tagCLastTime, String dstFlag, String totalCharging,
            boolean chargingIsNumber, String totalDischarging, String netOutput, String timestamp, long epoch) {

        /** The instant written in {@code timestamp}, offset included. */
        public Instant timestampInstant() {
            return OffsetDateTime.parse(timestamp, TIMESTAMP).toInstant();
        }

        public BigDecimal charging() {
            return new BigDecimal(totalCharging);
        }

        public BigDecimal discharging() {
            return new BigDecimal(totalDischarging);
        }

        public BigDecimal net() {
            return new BigDecimal(netOutput);
        }
    }

    public static ServedPayload parse(byte[] json) {
        try (JsonParser p = JSON.createParser(json)) {
            return readPayload(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded fixture bundled with the simulator, read the same way. */
    public static ServedPayload recorded() {
        try (InputStream in = EsrRecordedDay.class.getResourceAsStream(EsrRecordedDay.RESOURCE)) {
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServedPayload readPayload(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        List<String> keys = new ArrayList<>();
        String lastUpdated = null;
        Day previous = null;
        Day current = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            keys.add(name);
            p.nextToken();
            switch (name) {
                case "lastUpdated" -> lastUpdated = p.getText();
                case "previousDay" -> previous = readDay(p);
                case "currentDay" -> current = readDay(p);
                default -> p.skipChildren();
            }
        }
        return new ServedPayload(keys, lastUpdated, previous, current);
    }

    private static Day readDay(JsonParser p) throws IOException {
        List<String> keys = new ArrayList<>();
        String dayDate = null;
        List<Row> rows = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            keys.add(name);
            p.nextToken();
            if (name.equals("dayDate")) {
                dayDate = p.getText();
            } else if (name.equals("data")) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    rows.add(readRow(p));
                }
            } else {
                p.skipChildren();
            }
        }
        return new Day(keys, dayDate, rows);
    }

    private static Row readRow(JsonParser p) throws IOException {
        List<String> keys = new ArrayList<>();
        String tag = null;
        String flag = null;
        String charging = null;
        boolean chargingIsNumber = false;
        String discharging = null;
        String net = null;
        String timestamp = null;
        long epoch = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            keys.add(name);
            JsonToken value = p.nextToken();
            switch (name) {
                case "tagCLastTime" -> tag = p.getText();
                case "dstFlag" -> flag = p.getText();
                case "totalCharging" -> {
                    charging = p.getText();
                    chargingIsNumber = value.isNumeric();
                }
                case "totalDischarging" -> discharging = p.getText();
                case "netOutput" -> net = p.getText();
                case "timestamp" -> timestamp = p.getText();
                case "epoch" -> epoch = p.getLongValue();
                default -> p.skipChildren();
            }
        }
        return new Row(keys, tag, flag, charging, chargingIsNumber, discharging, net, timestamp, epoch);
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual);
        }
    }
}
