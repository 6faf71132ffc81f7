package dev.pmp.engine.schedule;

import dev.pmp.engine.ledger.Grid;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import java.time.Duration;
import java.time.Instant;

/**
 * When to run a dataset next: at its interval marks (each grid point plus the publication delay),
 * read from the clock and never as "last run plus cadence"; and, while the newest interval has not
 * appeared, again every {@code repoll} until the mark's grace runs out. A dataset whose
 * {@link Dataset#pollInterval()} is shorter than its cadence is run on the marks of that interval instead.
 */
public final class Marks {
    private Marks() {
    }

    /** The first mark strictly after {@code now}: when the next interval should be published. */
    public static Instant nextMark(Dataset dataset, Instant now) {
        Grid grid = pollGrid(dataset);
        Instant due = grid.next(grid.floor(now.minus(dataset.publicationDelay()))).plus(dataset.publicationDelay());
        return due.isAfter(now) ? due : grid.next(due.minus(dataset.publicationDelay())).plus(dataset.publicationDelay());
    }

    /** The latest mark at or before {@code now}. */
    public static Instant lastMark(Dataset dataset, Instant now) {
        return pollGrid(dataset).floor(now.minus(dataset.publicationDelay())).plus(dataset.publicationDelay());
    }

    private static Grid pollGrid(Dataset dataset) {
        return new Grid(dataset.pollInterval(), dataset.marketZone());
    }

    /**
     * The instant of the next run after a pass that ended at {@code now}.
     *
     * @param repoll how soon to look again while the newest interval is missing or the source failed
     *     transiently
     */
    public static Instant nextRun(Dataset dataset, Instant now, RunReport report, Duration repoll) {
        Instant mark = nextMark(dataset, now);
        boolean behind = !report.caughtUp() || report.failure() == Failure.TRANSIENT
                || report.failure() == Failure.NOT_PUBLISHED;
        Instant graceEnds = lastMark(dataset, now).plus(dataset.grace());
        if (behind && now.isBefore(graceEnds)) {
            Instant again = now.plus(repoll);
            return again.isBefore(mark) ? again : mark;
        }
        return mark;
    }
}
