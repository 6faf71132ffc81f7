package dev.pmp.source.ercot;

import com.fasterxml.jackson.core.JsonToken;
import dev.pmp.source.ercot.EnergyStorageSnapshot.Day;
import dev.pmp.source.ercot.EnergyStorageSnapshot.Sample;
import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the envelope {@code {lastUpdated, previousDay{dayDate, data[]}, currentDay{dayDate, data[]}}}
 * with {@link DashboardJson}. Every structural problem becomes a {@link Failure#BAD_DATA} naming the
 * place ({@code currentDay.data[17].netOutput}). Stateless.
 */
final class EnergyStorageSnapshotReader {

    /** {@code 2025-11-09 15:25:00-0600}: ERCOT's dashboard timestamp, always with its UTC offset. */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssxx").withResolverStyle(ResolverStyle.STRICT);

    private EnergyStorageSnapshotReader() {
    }

    /**
     * Reads one response body.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when the body is not this envelope
     */
    static EnergyStorageSnapshot read(byte[] body) throws SourceException {
        return DashboardJson.read(body, EnergyStorageSnapshotReader::envelope);
    }

    private static EnergyStorageSnapshot envelope(DashboardJson json) throws IOException, SourceException {
        json.startEnvelope();
        Day previousDay = null;
        Day currentDay = null;
        while (json.parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.parser.currentName();
            JsonToken value = json.parser.nextToken();
            switch (name) {
                case "lastUpdated" -> json.string(value, "lastUpdated");
                case "previousDay" -> previousDay = day(json, value, "previousDay");
                case "currentDay" -> currentDay = day(json, value, "currentDay");
                default -> json.ignore(name);
            }
            json.where = "the envelope";
        }
        json.endEnvelope();
        if (previousDay == null) {
            throw DashboardJson.bad("payload has no previousDay");
        }
        if (currentDay == null) {
            throw DashboardJson.bad("payload has no currentDay");
        }
        return new EnergyStorageSnapshot(previousDay, currentDay, json.ignoredFields());
    }

    private static Day day(DashboardJson json, JsonToken value, String name) throws IOException, SourceException {
        json.where = name;
        json.expectObject(value, name);
        OffsetDateTime dayDate = null;
        List<Sample> samples = null;
        while (json.parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.parser.currentName();
            JsonToken v = json.parser.nextToken();
            switch (field) {
                case "dayDate" -> dayDate = json.timestamp(v, name + ".dayDate");
                case "data" -> samples = samples(json, v, name);
                default -> json.ignore(name + "." + field);
            }
            json.where = name;
        }
        if (dayDate == null) {
            throw DashboardJson.bad(name + ".dayDate is missing");
        }
        if (samples == null) {
            throw DashboardJson.bad(name + ".data is missing");
        }
        return new Day(name, dayDate.toLocalDate(), samples);
    }

    private static List<Sample> samples(DashboardJson json, JsonToken value, String day)
            throws IOException, SourceException {
        json.expectArray(value, day + ".data");
        List<Sample> samples = new ArrayList<>(300);
        int index = 0;
        while (json.parser.nextToken() != JsonToken.END_ARRAY) {
            samples.add(sample(json, day, index++));
        }
        return samples;
    }

    private static Sample sample(DashboardJson json, String day, int index) throws IOException, SourceException {
        String path = day + ".data[" + index + "]";
        json.where = path;
        json.expectObject(json.parser.currentToken(), path);
        String timestamp = null;
        OffsetDateTime time = null;
        String dstFlag = null;
        double charging = Double.NaN;
        double discharging = Double.NaN;
        double net = Double.NaN;
        while (json.parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.parser.currentName();
            JsonToken value = json.parser.nextToken();
            String at = path + "." + field;
            switch (field) {
                case "timestamp" -> {
                    time = json.timestamp(value, at);
                    timestamp = json.parser.getText();
                }
                case "dstFlag" -> dstFlag = json.dstFlag(value, at);
                case "totalCharging" -> charging = json.number(value, at);
                case "totalDischarging" -> discharging = json.number(value, at);
                case "netOutput" -> net = json.number(value, at);
                // Same instant as timestamp, but wrong on the fall-back defect row (README 2.3.2); the
                // wall clock without offset is ambiguous. Both are read past, never trusted.
                case "epoch" -> json.number(value, at);
                case "tagCLastTime" -> json.string(value, at);
                default -> json.ignore(day + ".data[]." + field);
            }
        }
        if (time == null) {
            throw DashboardJson.bad(path + ".timestamp is missing");
        }
        DashboardJson.requirePresent(charging, path + ".totalCharging");
        DashboardJson.requirePresent(discharging, path + ".totalDischarging");
        DashboardJson.requirePresent(net, path + ".netOutput");
        return new Sample(index, timestamp, time, dstFlag, charging, discharging, net);
    }
}
