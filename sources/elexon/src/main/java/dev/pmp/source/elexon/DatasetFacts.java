package dev.pmp.source.elexon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The facts about one Insights dataset code, one line of {@code datasets.tsv}: everything a generic feed
 * needs to request, parse and key it.
 *
 * @param code Elexon's dataset code ({@code FUELINST})
 * @param title Elexon's title
 * @param family the time filter its endpoint takes
 * @param axis what places a row on the grid
 * @param reference the instant field of {@link Axis#POINT} and {@link Axis#SLOT} rows, else empty
 * @param cadence grid spacing
 * @param pollInterval how often live pulls run: every 15 minutes, FREQ and FUELINST every 5 (issue 6), so a
 *     late or revised settlement period is seen within a quarter hour; at most the cadence
 * @param publicationDelay how long after a grid point its rows are normally there
 * @param maxWindow the largest window one request covers (the spec's maximum range, or our chunk)
 * @param stream whether the {@code /stream} form (a bare array) is used rather than {@code {"data": [...]}}
 * @param dense whether every grid point normally has rows: then an empty answer is "not published yet"
 *     and a response only vouches for the span up to its newest row
 * @param revisable whether Elexon replaces values it published (later runs, resolved positions)
 * @param key Elexon field names that, with the grid column, identify a row
 * @param fields every field of a row except {@code dataset}, in the spec's order
 */
record DatasetFacts(
        String code,
        String title,
        Family family,
        Axis axis,
        String reference,
        Duration cadence,
        Duration pollInterval,
        Duration publicationDelay,
        Duration maxWindow,
        boolean stream,
        boolean dense,
        boolean revisable,
        List<String> key,
        List<Field> fields) {

    DatasetFacts {
        Objects.requireNonNull(code, "code");
        if (pollInterval.isNegative() || pollInterval.isZero() || pollInterval.compareTo(cadence) > 0) {
            throw new IllegalArgumentException(code + ": poll interval " + pollInterval + " must be positive and at most the cadence " + cadence);
        }
        key = List.copyOf(key);
        fields = List.copyOf(fields);
        for (String k : key) {
            if (indexOf(fields, k) < 0) {
                throw new IllegalArgumentException(code + ": key field " + k + " is not a field");
            }
        }
        if ((axis == Axis.POINT || axis == Axis.SLOT) && indexOf(fields, reference) < 0) {
            throw new IllegalArgumentException(code + ": reference field " + reference + " is not a field");
        }
    }

    /** The dataset id, {@code elexon.<code in lower case>}. */
    String id() {
        return "elexon." + code.toLowerCase(java.util.Locale.ROOT);
    }

    /** Position of the field named {@code json}, or -1. */
    int field(String json) {
        return indexOf(fields, json);
    }

    /** The field the grid instant is read from directly ({@code startTime}, {@code measurementTime}), or -1. */
    int gridField() {
        return switch (axis) {
            case SETTLEMENT_PERIOD, START_TIME -> field("startTime");
            case POINT, SLOT -> field(reference);
        };
    }

    /** The settlement period field ({@code settlementPeriod}, or BOALF's {@code settlementPeriodFrom}), or -1. */
    int periodField() {
        int p = field("settlementPeriod");
        return p >= 0 ? p : field("settlementPeriodFrom");
    }

    /**
     * The non-time columns in table order, as field positions: the key fields, then the others. A field
     * that is itself the grid instant ({@code startTime} of a 5-minute or settlement-period row,
     * {@code measurementTime}) is the time column and not repeated.
     */
    List<Integer> columnFields() {
        List<Integer> out = new ArrayList<>();
        for (String k : key) {
            out.add(field(k));
        }
        int absorbed = axis == Axis.SLOT ? -1 : gridField();
        for (int i = 0; i < fields.size(); i++) {
            if (!out.contains(i) && i != absorbed) {
                out.add(i);
            }
        }
        return out;
    }

    private static int indexOf(List<Field> fields, String json) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).json().equals(json)) {
                return i;
            }
        }
        return -1;
    }
}
