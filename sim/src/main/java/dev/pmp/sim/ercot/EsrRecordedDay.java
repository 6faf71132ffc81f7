package dev.pmp.sim.ercot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The 288 five-minute values of one complete recorded ERCOT day (the {@code previousDay} block of
 * {@value #RESOURCE}, 2025-11-08), used as the value pattern of every simulated day. Immutable.
 */
public final class EsrRecordedDay {

    /** Class-path resource beside this class; see the {@code PROVENANCE.md} next to it. */
    public static final String RESOURCE = "esr_full_20251109_153233.json";

    /** Five-minute slots of a 24-hour day. */
    public static final int SLOTS_PER_DAY = 288;

    private static final long STEP_MILLIS = 300_000L;
    private static final JsonFactory JSON = new JsonFactory();

    private final List<EsrValues> slots;

    private EsrRecordedDay(List<EsrValues> slots) {
        this.slots = List.copyOf(slots);
    }

    /** Loads the recorded payload bundled with the simulator; fails if the resource is missing or malformed. */
    public static EsrRecordedDay load() {
        try (InputStream in = EsrRecordedDay.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing beside " + EsrRecordedDay.class);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads the {@code previousDay.data} rows of a dashboard payload in ERCOT's format.
     *
     * @throws IOException if the JSON is malformed, the block does not hold exactly 288 rows, or the rows
     *     are not consecutive five-minute samples
     */
    public static EsrRecordedDay parse(InputStream in) throws IOException {
        try (JsonParser parser = JSON.createParser(in)) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT);
            List<EsrValues> rows = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("previousDay")) {
                    expect(parser, value, JsonToken.START_OBJECT);
                    rows = readDay(parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (rows == null) {
                throw new IOException("payload has no previousDay.data block");
            }
            if (rows.size() != SLOTS_PER_DAY) {
                throw new IOException("previousDay holds " + rows.size() + " rows, expected " + SLOTS_PER_DAY);
            }
            return new EsrRecordedDay(rows);
        }
    }

    /** The values of slot {@code index} (0 = 00:00 local, 287 = 23:55 local). */
    public EsrValues slot(int index) {
        return slots.get(index);
    }

    /** All 288 slots in order. */
    public List<EsrValues> slots() {
        return slots;
    }

    private static List<EsrValues> readDay(JsonParser parser) throws IOException {
        List<EsrValues> rows = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("data")) {
                expect(parser, value, JsonToken.START_ARRAY);
                rows = new ArrayList<>(SLOTS_PER_DAY);
                long previousEpoch = Long.MIN_VALUE;
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    BigDecimal charging = null;
                    BigDecimal discharging = null;
                    BigDecimal net = null;
                    long epoch = Long.MIN_VALUE;
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        parser.nextToken();
                        switch (field) {
                            case "totalCharging" -> charging = new BigDecimal(parser.getText());
                            case "totalDischarging" -> discharging = new BigDecimal(parser.getText());
                            case "netOutput" -> net = new BigDecimal(parser.getText());
                            case "epoch" -> epoch = parser.getLongValue();
                            default -> parser.skipChildren();
                        }
                    }
                    if (charging == null || discharging == null || net == null || epoch == Long.MIN_VALUE) {
                        throw new IOException("row " + rows.size() + " lacks totalCharging, totalDischarging, netOutput or epoch");
                    }
                    if (previousEpoch != Long.MIN_VALUE && epoch - previousEpoch != STEP_MILLIS) {
                        throw new IOException("row " + rows.size() + " is not five minutes after the row before it");
                    }
                    previousEpoch = epoch;
                    rows.add(new EsrValues(charging, discharging, net));
                }
            } else {
                parser.skipChildren();
            }
        }
        return rows;
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual + " at " + parser.currentLocation());
        }
    }
}
