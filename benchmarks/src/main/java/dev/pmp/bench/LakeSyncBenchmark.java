package dev.pmp.bench;

import dev.pmp.lake.Lake;
import dev.pmp.lake.SyncReport;
import dev.pmp.spi.Batch;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import dev.pmp.store.duckdb.DuckDbStore;
import dev.pmp.testkit.SampleDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The lake sync figure: {@code ROWS} rows (default 10,000,000) of 15-minute prices for 1,000 settlement
 * points in a DuckDB store, synced to an empty local lake (every partition written), synced again (nothing
 * changed: every partition checksummed and skipped), printing rows per second for both. Run by
 * {@code benchmarks/run.sh lake} or {@code java -cp benchmarks/target/benchmarks.jar dev.pmp.bench.LakeSyncBenchmark [ROWS]}.
 */
public final class LakeSyncBenchmark {
    private static final Instant START = Instant.parse("2024-01-01T06:00:00Z");
    private static final int POINTS = 1_000;

    private LakeSyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        Dataset d = SampleDatasets.SETTLEMENT_POINT_PRICES;
        Path dir = Files.createTempDirectory("pmp-lake-bench-");
        try {
            try (DuckDbStore store = DuckDbStore.open(dir.resolve("pmp.duckdb"), Runtime.getRuntime().availableProcessors())) {
                store.prepare(d);
                long t0 = System.nanoTime();
                long written = load(store, d, rows);
                System.out.printf("loaded %,d rows into DuckDB in %.1f s%n", written, (System.nanoTime() - t0) / 1e9);
                Lake lake = new Lake(dir.resolve("lake"), Clock.systemUTC());
                for (String pass : List.of("first sync (all partitions written)", "second sync (unchanged, skipped)")) {
                    long s0 = System.nanoTime();
                    SyncReport r = lake.sync(d, store.view());
                    double seconds = (System.nanoTime() - s0) / 1e9;
                    System.out.printf("%s: %,d rows, %d written, %d unchanged, %.2f s, %,.0f rows/s%n", pass, r.rows(),
                            r.written(), r.unchanged(), seconds, r.rows() / seconds);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long load(DuckDbStore store, Dataset d, long rows) throws Exception {
        long intervals = (rows + POINTS - 1) / POINTS;
        long done = 0;
        int fetch = 0;
        for (long from = 0; from < intervals; from += 96) {
            long to = Math.min(intervals, from + 96);
            List<Row> batch = new ArrayList<>((int) ((to - from) * POINTS));
            for (long i = from; i < to; i++) {
                Instant start = START.plus(Duration.ofMinutes(15 * i));
                Instant end = start.plus(Duration.ofMinutes(15));
                for (int p = 0; p < POINTS && done < rows; p++, done++) {
                    batch.add(Row.of(start, end, "NODE_" + p, 20.0 + (i % 97) + p / 1000.0, (double) (p % 7)));
                }
            }
            Window w = new Window(START.plus(Duration.ofMinutes(15 * from)), START.plus(Duration.ofMinutes(15 * to)));
            FetchRecord f = new FetchRecord("bench-" + (++fetch), d.id(), w, "bench:", w.end(), 200, 0, null, null,
                    Duration.ZERO, 0, 0, 0, null, "");
            store.write(new Batch(d, f, batch, List.of(w), w.end()));
        }
        return done;
    }
}
