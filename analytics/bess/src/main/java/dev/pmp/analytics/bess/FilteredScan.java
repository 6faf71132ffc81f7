package dev.pmp.analytics.bess;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.RowSink;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.Window;

/**
 * A store view that can skip rows by key before building them (a SQL {@code WHERE}, an index). Optional: the
 * {@link RevenueCalculator} applies the same {@link KeyFilter} in its sink when the view does not offer this, which
 * reads every row of the window. Used for a single battery's figures ({@link RevenueCalculator#computeOne}).
 */
public interface FilteredScan {

    /**
     * Streams the rows of {@code dataset} whose grid column lies inside {@code within} and that {@code filter}
     * keeps, in natural-key order, like {@link dev.pmp.spi.StoreView#scan}.
     *
     * @throws StoreException if the read fails
     */
    void scan(Dataset dataset, Window within, KeyFilter filter, RowSink sink) throws StoreException;
}
