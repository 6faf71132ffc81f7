package dev.pmp.app;

import dev.pmp.engine.ledger.Gap;
import dev.pmp.engine.ledger.Grid;
import dev.pmp.engine.ledger.Ledger;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.DatasetSummary;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code pmp status} says of one dataset.
 *
 * @param dataset the dataset
 * @param enabled whether it has a feed
 * @param disabledReason why not, empty when enabled
 * @param summary rows, time range and newest fetches
 * @param expectedNewest the newest grid point that should be published by now
 * @param lag how far the newest stored point trails {@code expectedNewest} (zero when caught up)
 * @param state {@code fresh}, {@code late}, {@code failing}, {@code empty} or {@code disabled}
 * @param gaps open gaps from the start of the ledger to now
 * @param schemaDrift the newest report of unknown columns among the recent fetches ("2026-11-20T10:00:00Z
 *     unknown column(s) X"), empty when none
 */
public record DatasetHealth(Dataset dataset, boolean enabled, String disabledReason, DatasetSummary summary,
        Instant expectedNewest, Duration lag, String state, List<Gap> gaps, String schemaDrift) {

    /** How many recent fetches are searched for a schema-drift report. */
    static final int DRIFT_LOOKBACK = 50;

    public static DatasetHealth of(Dataset dataset, boolean enabled, String disabledReason, StoreView view, Instant now)
            throws StoreException {
        DatasetSummary summary = view.summary(dataset);
        Instant end = Pipeline.expectedEnd(dataset, now);
        Instant expectedNewest = Grid.of(dataset).floor(end.minusNanos(1));
        Duration lag = summary.last().map(l -> l.isBefore(expectedNewest) ? Duration.between(l, expectedNewest) : Duration.ZERO)
                .orElse(Duration.ZERO);
        List<Gap> gaps = List.of();
        Ledger ledger = new Ledger(view);
        Instant earliest = dataset.earliest().atStartOfDay(dataset.marketZone()).toInstant();
        Optional<Instant> start = earliest.isBefore(end) ? ledger.start(dataset, new Window(earliest, end)) : Optional.empty();
        if (start.isPresent() && start.get().isBefore(end)) {
            gaps = ledger.gaps(dataset, new Window(start.get(), end));
        }
        String state;
        if (!enabled) {
            state = "disabled";
        } else if (summary.lastFetch().isPresent() && !summary.lastFetch().get().succeeded()) {
            state = "failing";
        } else if (summary.rows() == 0) {
            state = "empty";
        } else if (lag.compareTo(dataset.grace()) > 0) {
            state = "late";
        } else {
            state = "fresh";
        }
        return new DatasetHealth(dataset, enabled, disabledReason, summary, expectedNewest, lag, state, gaps,
                drift(view, dataset));
    }

    /** The newest schema-drift report among the dataset's recent fetches. */
    static String drift(StoreView view, Dataset dataset) throws StoreException {
        for (dev.pmp.spi.FetchRecord f : view.fetches(dataset, DRIFT_LOOKBACK)) {
            int at = f.message().indexOf(Pipeline.SCHEMA_DRIFT);
            if (f.succeeded() && at >= 0) {
                String text = f.message().substring(at + "schema drift: ".length());
                return Times.format(f.fetchedAt()) + " " + text;
            }
        }
        return "";
    }

    public int gapPoints() {
        return gaps.stream().mapToInt(Gap::points).sum();
    }
}
