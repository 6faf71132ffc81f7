package dev.pmp.push.iris;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small FUELINST-like feed for the tests, standing in for the {@code elexon} source: reads a bare JSON array
 * of {@code {startTime, fuelType, generation}} objects or a {@code {"data": [...]}} envelope, keeps the rows
 * whose start lies in the window, and covers the window (like a REST feed does).
 */
class FuelinstFeed implements Feed {
    static final String REST_BASE = "https://data.elexon.test/bmrs/api/v1/datasets/FUELINST/stream";
    static final Dataset DATASET = new Dataset(
            "elexon.fuelinst",
            "Generation by fuel type, 5-minute (test stand-in)",
            "FUELINST",
            Schema.builder(TimeShape.INTERVAL)
                    .key("fuel_type", ColumnType.VARCHAR, "fuelType")
                    .value("generation_mw", ColumnType.DOUBLE, "MW", "generation")
                    .build(),
            TimeShape.INTERVAL,
            Access.WINDOWED,
            Reading.CADENCE,
            ZoneId.of("Europe/London"),
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            LocalDate.of(2023, 1, 1),
            Optional.empty(),
            true,
            Duration.ofDays(1));
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public Dataset dataset() {
        return DATASET;
    }

    @Override
    public FetchRequest request(Window window) {
        return FetchRequest.get(URI.create(REST_BASE + "?from=" + window.start() + "&to=" + window.end()));
    }

    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        List<Row> rows = new ArrayList<>();
        try (JsonParser p = JSON.createParser(response.body())) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME && !"data".equals(p.currentName())) {
                    p.nextToken();
                    p.skipChildren();
                }
                p.nextToken();
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw bad(response, "expected a JSON array of rows, found " + p.currentToken());
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Row row = row(p, response);
                if (window.contains(row.instant(0))) {
                    rows.add(row);
                }
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                throw bad(response, "expected a row object, found " + p.currentToken());
            }
        } catch (JsonProcessingException e) {
            throw bad(response, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw bad(response, "unreadable: " + e.getMessage());
        }
        return Parsed.of(rows, List.of(window), List.of(), List.of());
    }

    private static Row row(JsonParser p, FetchResponse response) throws IOException, SourceException {
        String start = null;
        String fuel = null;
        Double generation = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "startTime" -> start = p.getText();
                case "fuelType" -> fuel = p.getText();
                case "generation" -> {
                    if (!value.isNumeric()) {
                        throw bad(response, "generation is not a number: " + p.getText());
                    }
                    generation = p.getDoubleValue();
                }
                default -> p.skipChildren();
            }
        }
        if (start == null || fuel == null || generation == null) {
            throw bad(response, "a row lacks startTime, fuelType or generation");
        }
        try {
            Instant s = OffsetDateTime.parse(start).toInstant();
            return Row.of(s, s.plus(Reading.CADENCE), fuel, generation);
        } catch (DateTimeParseException e) {
            throw bad(response, "startTime is not a date-time: " + start);
        }
    }

    private static SourceException bad(FetchResponse response, String problem) {
        return new SourceException(Failure.BAD_DATA, "FUELINST " + response.uri() + ": " + problem);
    }
}
