package dev.pmp.engine.ledger;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The completeness ledger: compares a dataset's expected grid with what the store holds and with the
 * windows fetched successfully. A grid point that has no row is a gap: a {@link GapKind#SOURCE_GAP}
 * when a successful fetch covered it, {@link GapKind#MISSING} otherwise.
 */
public final class Ledger {
    private final StoreView view;

    public Ledger(StoreView view) {
        this.view = view;
    }

    /** The gaps of a dataset inside {@code range}, in time order. */
    public List<Gap> gaps(Dataset dataset, Window range) throws StoreException {
        return gaps(Grid.of(dataset).points(range), dataset.cadence(), view.gridTimes(dataset, range), view.coverage(dataset, range));
    }

    /**
     * The gaps of the recent span a pass looked at, cheap enough for every pass: the ledger is taken
     * to start at the first covered window or the first row inside {@code recent}, or at
     * {@code recent}'s start when coverage reaches back before it. Points before the ledger's start
     * are not gaps. Unlike {@link #gaps(Dataset, Window)} over all history it reads only the coverage
     * table and the grid times of {@code recent}.
     *
     * @param since the earliest instant the dataset can have (its {@code earliest} day)
     */
    public List<Gap> recentGaps(Dataset dataset, Window recent, Instant since) throws StoreException {
        if (!since.isBefore(recent.end())) {
            return List.of();
        }
        List<Window> cov = view.coverage(dataset, new Window(since, recent.end()));
        List<Instant> present = view.gridTimes(dataset, recent);
        Instant start = recent.end();
        if (!cov.isEmpty()) {
            start = cov.get(0).start();
        }
        if (!present.isEmpty() && present.get(0).isBefore(start)) {
            start = present.get(0);
        }
        if (start.isBefore(recent.start())) {
            start = recent.start();
        }
        if (!start.isBefore(recent.end())) {
            return List.of();
        }
        Window span = new Window(start, recent.end());
        List<Window> clipped = new ArrayList<>();
        for (Window w : cov) {
            Window c = w.intersection(span);
            if (c != null) {
                clipped.add(c);
            }
        }
        return gaps(Grid.of(dataset).points(span), dataset.cadence(), present, clipped);
    }

    /**
     * Where a dataset's ledger starts: the earliest of its first covered instant and its first row, or
     * empty when nothing was ever stored.
     */
    public Optional<Instant> start(Dataset dataset, Window within) throws StoreException {
        List<Window> cov = view.coverage(dataset, within);
        Optional<Instant> firstRow = view.summary(dataset).first();
        Optional<Instant> firstCovered = cov.isEmpty() ? Optional.empty() : Optional.of(cov.get(0).start());
        if (firstRow.isEmpty()) {
            return firstCovered;
        }
        if (firstCovered.isEmpty()) {
            return firstRow;
        }
        return Optional.of(firstRow.get().isBefore(firstCovered.get()) ? firstRow.get() : firstCovered.get());
    }

    /**
     * Pure gap computation.
     *
     * @param expected the expected grid points, ascending
     * @param cadence spacing of the grid, for the end of a gap at the last point
     * @param present the grid instants stored, ascending
     * @param covered merged covered windows, ascending
     */
    public static List<Gap> gaps(List<Instant> expected, Duration cadence, List<Instant> present, List<Window> covered) {
        Set<Instant> have = new HashSet<>(present);
        List<Gap> out = new ArrayList<>();
        int runFrom = -1;
        GapKind runKind = null;
        int c = 0;
        for (int i = 0; i <= expected.size(); i++) {
            GapKind kind = null;
            if (i < expected.size() && !have.contains(expected.get(i))) {
                Instant p = expected.get(i);
                while (c < covered.size() && !covered.get(c).end().isAfter(p)) {
                    c++;
                }
                kind = c < covered.size() && covered.get(c).contains(p) ? GapKind.SOURCE_GAP : GapKind.MISSING;
            }
            if (runFrom >= 0 && kind != runKind) {
                out.add(new Gap(new Window(expected.get(runFrom), (i < expected.size() ? expected.get(i) : expected.get(i - 1).plus(cadence))), i - runFrom, runKind));
                runFrom = -1;
            }
            if (kind != null && runFrom < 0) {
                runFrom = i;
                runKind = kind;
            }
        }
        return out;
    }
}
