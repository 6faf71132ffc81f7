package dev.pmp.analytics.bess;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Settings;
import dev.pmp.spi.Source;
import dev.pmp.spi.SourceException;
import java.util.List;

/**
 * The source {@code analytics}: puts the derived dataset {@code analytics.bess_revenue_daily} in the catalog so lake
 * sync, events and {@code pmp datasets} see it. It has no feed: the rows are computed by
 * {@code pmp leaderboard --write}, so {@link #feed} always refuses with {@link Failure#CONFIG}, which lists the
 * dataset as disabled with that reason and keeps the scheduler away from it.
 */
public final class AnalyticsSource implements Source {

    /** The reason shown for the dataset being disabled. */
    public static final String NOT_FETCHED = "derived dataset: computed by pmp leaderboard --write, not fetched";

    @Override
    public String name() {
        return "analytics";
    }

    @Override
    public List<Dataset> datasets() {
        return List.of(DailyRevenueTable.DATASET);
    }

    /**
     * Always refuses: derived datasets are not fetched.
     *
     * @throws SourceException always, {@link Failure#CONFIG} with {@link #NOT_FETCHED}
     */
    @Override
    public Feed feed(Dataset dataset, Settings settings) throws SourceException {
        throw new SourceException(Failure.CONFIG, NOT_FETCHED);
    }
}
