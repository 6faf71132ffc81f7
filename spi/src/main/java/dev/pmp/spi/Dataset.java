package dev.pmp.spi;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An immutable description of one published table. The scheduler, the completeness ledger,
 * validation, the CLI, the docs and the dashboard all read it; no operator fact lives in the engine.
 *
 * @param id {@code <source>.<name>}, lower snake case, unique across all sources
 * @param title a human title
 * @param operatorReference the operator's own reference: report id, endpoint URL
 * @param schema columns and natural key
 * @param timeShape point samples or intervals
 * @param access whether a request chooses its window or gets the publisher's rolling window
 * @param cadence spacing of the expected grid (5 minutes, 1 hour)
 * @param marketZone the zone the operator labels time in; the grid is laid out in it across DST
 * @param publicationDelay how long after an interval (or sample) its data is normally published
 * @param grace how long past {@code publicationDelay} before the dataset counts as late
 * @param earliest the first market day the source can serve
 * @param sourceRetention how far back the source keeps data; empty when it keeps everything
 * @param revisable whether the operator corrects values it already published
 * @param maxWindow the largest window one request may cover
 * @param pollInterval how often a live pass runs, on marks of this interval in the market zone; usually the
 *     {@code cadence}, shorter when a late or revised interval should be seen sooner (Elexon's half-hourly
 *     datasets are pulled every 15 minutes), never longer than the cadence
 */
public record Dataset(
        String id,
        String title,
        String operatorReference,
        Schema schema,
        TimeShape timeShape,
        Access access,
        Duration cadence,
        ZoneId marketZone,
        Duration publicationDelay,
        Duration grace,
        LocalDate earliest,
        Optional<Duration> sourceRetention,
        boolean revisable,
        Duration maxWindow,
        Duration pollInterval) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*\\.[a-z][a-z0-9_]*");

    public Dataset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(operatorReference, "operatorReference");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(timeShape, "timeShape");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(marketZone, "marketZone");
        Objects.requireNonNull(publicationDelay, "publicationDelay");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(sourceRetention, "sourceRetention");
        Objects.requireNonNull(maxWindow, "maxWindow");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("dataset id must be <source>.<name> in lower snake case: " + id);
        }
        if (cadence.isNegative() || cadence.isZero()) {
            throw new IllegalArgumentException(id + ": cadence must be positive");
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || pollInterval.compareTo(cadence) > 0) {
            throw new IllegalArgumentException(id + ": pollInterval must be positive and at most the cadence");
        }
        if (maxWindow.compareTo(cadence) < 0) {
            throw new IllegalArgumentException(id + ": maxWindow must hold at least one interval");
        }
        for (int i = 0; i < timeShape.timeColumns().size(); i++) {
            String expected = timeShape.timeColumns().get(i);
            Column actual = schema.columns().get(i);
            if (!actual.name().equals(expected) || actual.type() != ColumnType.TIMESTAMP) {
                throw new IllegalArgumentException(id + ": column " + (i + 1) + " must be TIMESTAMP " + expected);
            }
        }
        if (!schema.naturalKey().contains(timeShape.gridColumn())) {
            throw new IllegalArgumentException(id + ": the natural key must hold " + timeShape.gridColumn());
        }
    }

    /** A dataset polled on its cadence. */
    public Dataset(String id, String title, String operatorReference, Schema schema, TimeShape timeShape, Access access,
            Duration cadence, ZoneId marketZone, Duration publicationDelay, Duration grace, LocalDate earliest,
            Optional<Duration> sourceRetention, boolean revisable, Duration maxWindow) {
        this(id, title, operatorReference, schema, timeShape, access, cadence, marketZone, publicationDelay, grace,
                earliest, sourceRetention, revisable, maxWindow, cadence);
    }

    /** The same dataset, polled every {@code interval}. */
    public Dataset withPollInterval(Duration interval) {
        return new Dataset(id, title, operatorReference, schema, timeShape, access, cadence, marketZone,
                publicationDelay, grace, earliest, sourceRetention, revisable, maxWindow, interval);
    }

    /** The source part of the id ({@code ercot} of {@code ercot.energy_storage_resources}). */
    public String source() {
        return id.substring(0, id.indexOf('.'));
    }

    /** The name part of the id ({@code energy_storage_resources}). */
    public String name() {
        return id.substring(id.indexOf('.') + 1);
    }
}
