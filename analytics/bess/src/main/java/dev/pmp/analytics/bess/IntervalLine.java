package dev.pmp.analytics.bess;

import java.time.Instant;
import java.util.Objects;

/**
 * One settlement line behind a resource-day figure, as shown by {@code pmp leaderboard explain}. Day-ahead lines
 * are hourly, real-time lines 15-minute. A line whose input is missing has a null {@code revenueUsd} and says why in
 * {@code note}; it is left out of the day's sum.
 *
 * @param start interval start, UTC, inclusive
 * @param end interval end, UTC, exclusive
 * @param stream the stream the line counts towards
 * @param quantity MW for an award (DA energy, DAM AS, RT AS deviation) or MWh for RT energy deviation; null if unknown
 * @param quantityUnit {@code MW} or {@code MWh}
 * @param hours hours the quantity is held: 1 for an hourly award, 0.25 for a 15-minute AS deviation, 1 for MWh lines
 * @param price $/MWh for energy or $/MW-h for capacity; null if missing
 * @param revenueUsd quantity × hours × price in US dollars; null if an input is missing
 * @param note where the inputs came from, or what is missing
 */
public record IntervalLine(Instant start, Instant end, RevenueStream stream, Double quantity, String quantityUnit,
        double hours, Double price, Double revenueUsd, String note) {

    /** Validates the line. */
    public IntervalLine {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(quantityUnit, "quantityUnit");
        Objects.requireNonNull(note, "note");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("line end " + end + " must be after start " + start);
        }
    }
}
