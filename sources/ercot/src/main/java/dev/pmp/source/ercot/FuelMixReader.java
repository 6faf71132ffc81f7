package dev.pmp.source.ercot;

import com.fasterxml.jackson.core.JsonToken;
import dev.pmp.source.ercot.FuelMixSnapshot.Day;
import dev.pmp.source.ercot.FuelMixSnapshot.Fuel;
import dev.pmp.source.ercot.FuelMixSnapshot.Stamp;
import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code {lastUpdated, monthlyCapacity{}, types[], data{yyyy-MM-dd: {timestamp: {fuel: {gen[, hsl]}}}}}}
 * (README section 2.4). Every structural problem becomes a {@link Failure#BAD_DATA} naming the place
 * ({@code data.2025-11-09."2025-11-09 15:19:57-0600".Wind.gen}). Stateless.
 */
final class FuelMixReader {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private FuelMixReader() {
    }

    /**
     * Reads one response body.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when the body is not this envelope
     */
    static FuelMixSnapshot read(byte[] body) throws SourceException {
        return DashboardJson.read(body, FuelMixReader::envelope);
    }

    private static FuelMixSnapshot envelope(DashboardJson json) throws IOException, SourceException {
        json.startEnvelope();
        List<Day> days = null;
        while (json.parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.parser.currentName();
            JsonToken value = json.parser.nextToken();
            switch (name) {
                case "lastUpdated" -> json.timestamp(value, "lastUpdated");
                // Installed capacity per fuel and the list of fuel names: not samples.
                case "monthlyCapacity" -> {
                    json.expectObject(value, "monthlyCapacity");
                    json.parser.skipChildren();
                }
                case "types" -> {
                    json.expectArray(value, "types");
                    json.parser.skipChildren();
                }
                case "data" -> days = days(json, value);
                default -> json.ignore(name);
            }
            json.where = "the envelope";
        }
        json.endEnvelope();
        if (days == null) {
            throw DashboardJson.bad("payload has no data");
        }
        return new FuelMixSnapshot(days, json.ignoredFields());
    }

    private static List<Day> days(DashboardJson json, JsonToken value) throws IOException, SourceException {
        json.expectObject(value, "data");
        List<Day> days = new ArrayList<>(2);
        while (json.parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.parser.currentName();
            String path = "data." + key;
            json.where = path;
            LocalDate date;
            try {
                date = LocalDate.parse(key, DATE);
            } catch (DateTimeParseException e) {
                throw DashboardJson.bad("data has key \"" + DashboardJson.clip(key) + "\", expected a date yyyy-MM-dd");
            }
            json.expectObject(json.parser.nextToken(), path);
            List<Stamp> stamps = new ArrayList<>(300);
            while (json.parser.nextToken() == JsonToken.FIELD_NAME) {
                stamps.add(stamp(json, path));
            }
            days.add(new Day(date, stamps));
        }
        return days;
    }

    private static Stamp stamp(DashboardJson json, String dayPath) throws IOException, SourceException {
        String text = json.parser.currentName();
        String path = dayPath + ".\"" + DashboardJson.clip(text) + "\"";
        json.where = path;
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text, EnergyStorageSnapshotReader.TIMESTAMP);
        } catch (DateTimeParseException e) {
            throw DashboardJson.bad(dayPath + " has key \"" + DashboardJson.clip(text)
                    + "\", expected a timestamp yyyy-MM-dd HH:mm:ss±hhmm");
        }
        json.expectObject(json.parser.nextToken(), path);
        List<Fuel> fuels = new ArrayList<>(8);
        while (json.parser.nextToken() == JsonToken.FIELD_NAME) {
            String fuel = json.parser.currentName();
            String at = path + "." + fuel;
            json.expectObject(json.parser.nextToken(), at);
            double gen = Double.NaN;
            while (json.parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.parser.currentName();
                JsonToken v = json.parser.nextToken();
                switch (field) {
                    case "gen" -> gen = json.number(v, at + ".gen");
                    // High sustained limit, in older payloads only; not generation.
                    case "hsl" -> json.ignore("data.*.*.*.hsl");
                    default -> json.ignore("data.*.*.*." + field);
                }
            }
            if (Double.isNaN(gen)) {
                throw DashboardJson.bad(at + ".gen is missing");
            }
            fuels.add(new Fuel(fuel, gen));
        }
        return new Stamp(text, time, fuels);
    }
}
