package dev.pmp.bench.ercotapi;

import dev.pmp.source.ercot.report.ErcotReport;
import dev.pmp.spi.Batch;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import dev.pmp.store.duckdb.DuckDbStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The DuckDB store alone on a backfill-sized batch: one month of {@code ercot.spp_real_time_15min}
 * (January 2024, 2,976 intervals × {@code POINTS} settlement points, default 1,000: 2,976,000 rows) written
 * as one {@link Batch}, as the pipeline writes a monthly bundle, into a fresh store file. Three writes,
 * each timed: into the empty table (every row new), the same rows again (every row unchanged), then every
 * price changed (every row updated, its old version kept as a revision). Prints rows per second for each
 * and the process's CPU time during the write (Java, GC and DuckDB's threads).
 *
 * <p>Run by {@code benchmarks/run.sh backfill} or
 * {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.pmp.bench.ercotapi.BulkWriteBenchmark [POINTS [THREADS]]};
 * {@code THREADS} is DuckDB's worker threads ({@link DuckDbStore#DEFAULT_THREADS} by default, as {@code pmp} opens it).
 */
public final class BulkWriteBenchmark {
    static final Instant START = Instant.parse("2024-01-01T06:00:00Z");
    static final Instant END = Instant.parse("2024-02-01T06:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(15);

    private BulkWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : DuckDbStore.DEFAULT_THREADS;
        Dataset d = ErcotReport.NP6_905_CD.dataset();
        Window month = new Window(START, END);
        List<Row> rows = month(points, 0.0);
        List<Row> changed = month(points, 0.5);
        Path dir = Files.createTempDirectory("pmp-bulk-write-");
        try (DuckDbStore store = DuckDbStore.open(dir.resolve("pmp.duckdb"), threads)) {
            store.prepare(d);
            System.out.printf("DuckDB store file, %d thread(s), one batch of %,d rows (%d points x %d intervals)%n",
                    threads, rows.size(), points, rows.size() / points);
            int fetch = 0;
            for (String pass : List.of("insert (empty range)", "rewrite (all unchanged)", "rewrite (all updated)")) {
                List<Row> batch = pass.contains("updated") ? changed : rows;
                FetchRecord f = new FetchRecord("bulk-" + (++fetch), d.id(), month, "bench:", END, 200, 0, null, null,
                        Duration.ZERO, 0, 0, 0, null, "");
                long t0 = System.nanoTime();
                long cpu0 = processCpuNanos();
                WriteResult r = store.write(new Batch(d, f, batch, List.of(month), END.plusSeconds(fetch)));
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpu = (processCpuNanos() - cpu0) / 1e9;
                System.out.printf("%-24s %,d inserted, %,d updated, %,d unchanged: %.2f s, %,.0f rows/s"
                        + " (process CPU %.2f s)%n", pass, r.inserted(), r.updated(), r.unchanged(), seconds,
                        batch.size() / seconds, cpu);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * CPU time of the whole process (Java, GC and DuckDB's native threads), in nanoseconds: on a busy
     * machine it says what a write costs better than the wall clock does.
     */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** A month of rows shaped as the NP6-905-CD parser returns them, prices shifted by {@code shift}. */
    static List<Row> month(int points, double shift) {
        String[] names = new String[points];
        String[] types = new String[points];
        String[] locations = new String[points];
        for (int p = 0; p < points; p++) {
            names[p] = p < 7 ? "HB_" + p : p < 15 ? "LZ_" + p : "RN_NODE" + p;
            types[p] = p < 7 ? "HU" : p < 15 ? "LZ" : "RN";
            locations[p] = ErcotReport.locationType(names[p]);
        }
        List<Row> out = new ArrayList<>(points * 2976);
        int k = 0;
        for (Instant s = START; s.isBefore(END); s = s.plus(INTERVAL), k++) {
            Instant e = s.plus(INTERVAL);
            for (int p = 0; p < points; p++) {
                double price = Math.round((20 + 8 * Math.sin(k * Math.PI / 48.0) + p * 0.01 + shift) * 100) / 100.0;
                out.add(Row.of(s, e, names[p], types[p], price, locations[p]));
            }
        }
        return out;
    }
}
