package dev.pmp.push.iris;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Row;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Collects {@link Ingested} outcomes and runs a connection until enough of them arrived. */
final class Outcomes implements Consumer<Ingested> {
    private static final long TIMEOUT_MILLIS = 20_000;
    private static final Window ALL_TIME = new Window(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"));

    private final BlockingQueue<Ingested> queue = new LinkedBlockingQueue<>();

    @Override
    public void accept(Ingested ingested) {
        queue.add(ingested);
    }

    /** Everything collected so far, taken out. */
    List<Ingested> taken() {
        List<Ingested> out = new ArrayList<>();
        queue.drainTo(out);
        return out;
    }

    /**
     * Runs {@code connection} on its own thread until {@code count} outcomes arrived, then closes it and waits
     * for the run to end; the store may be read safely afterwards.
     */
    List<Ingested> runUntil(IrisConnection connection, MessageHandler handler, int count) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                connection.run(handler);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "iris-run");
        runner.start();
        List<Ingested> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        try {
            while (out.size() < count && runner.isAlive() && System.currentTimeMillis() < deadline) {
                Ingested next = queue.poll(100, TimeUnit.MILLISECONDS);
                if (next != null) {
                    out.add(next);
                }
            }
        } finally {
            connection.close();
            runner.join(TIMEOUT_MILLIS);
        }
        if (failure.get() != null) {
            throw new AssertionError("the connection's run failed", failure.get());
        }
        if (out.size() < count) {
            throw new AssertionError("expected " + count + " outcomes, got " + out.size() + ": " + out);
        }
        return out;
    }

    /** Every stored row of a dataset, in natural-key order. */
    static List<Row> rows(StoreView view, Dataset dataset) throws StoreException {
        List<Row> rows = new ArrayList<>();
        view.scan(dataset, ALL_TIME, rows::add);
        return rows;
    }

    /** Every covered window of a dataset, merged. */
    static List<Window> coverage(StoreView view, Dataset dataset) throws StoreException {
        return view.coverage(dataset, ALL_TIME);
    }
}
