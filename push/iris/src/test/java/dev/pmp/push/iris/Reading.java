package dev.pmp.push.iris;

import dev.pmp.spi.Row;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One FUELINST-like reading (5-minute generation by fuel type), and the IRIS/REST JSON it is published as:
 * an array of row objects in the Insights API schema ({@code dataset, publishTime, startTime,
 * settlementDate, settlementPeriod, fuelType, generation}).
 */
record Reading(Instant start, String fuelType, double generation) {
    static final Duration CADENCE = Duration.ofMinutes(5);
    static final List<String> FUELS = List.of("CCGT", "WIND", "NUCLEAR");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The row {@link FuelinstFeed} makes of it. */
    Row row() {
        return Row.of(start, start.plus(CADENCE), fuelType, generation);
    }

    /** Readings for every fuel of {@link #FUELS} at each 5-minute start in {@code [from, to)}; values vary by time and fuel. */
    static List<Reading> between(Instant from, Instant to) {
        List<Reading> out = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(CADENCE)) {
            for (int f = 0; f < FUELS.size(); f++) {
                out.add(new Reading(t, FUELS.get(f), 1000.0 * (f + 1) + (t.getEpochSecond() / 300) % 97));
            }
        }
        return out;
    }

    /** The JSON array IRIS and the REST stream endpoint carry for these readings. */
    static String json(List<Reading> readings) {
        StringBuilder sb = new StringBuilder("[");
        for (Reading r : readings) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            LocalDate day = LocalDate.ofInstant(r.start, LONDON);
            long period = Duration.between(day.atStartOfDay(LONDON).toInstant(), r.start).toMinutes() / 30 + 1;
            sb.append(String.format(Locale.ROOT,
                    "{\"dataset\":\"FUELINST\",\"publishTime\":\"%s\",\"startTime\":\"%s\",\"settlementDate\":\"%s\","
                            + "\"settlementPeriod\":%d,\"fuelType\":\"%s\",\"generation\":%s}",
                    r.start.plus(CADENCE), r.start, day, period, r.fuelType, (long) r.generation));
        }
        return sb.append(']').toString();
    }

    /** The same JSON as one JSON string (the doubly-encoded form Elexon's samples also accept). */
    static String jsonString(List<Reading> readings) {
        return '"' + json(readings).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
