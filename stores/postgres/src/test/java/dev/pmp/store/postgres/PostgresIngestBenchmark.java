package dev.pmp.store.postgres;

import static dev.pmp.testkit.SampleDatasets.SETTLEMENT_POINT_PRICES;

import dev.pmp.spi.Batch;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures bulk ingest through {@link PostgresStore#write}: binary COPY into the staging table plus
 * revision copy and {@code INSERT ... ON CONFLICT}, one transaction per batch. Not a unit test; run it by
 * hand:
 *
 * <pre>
 * ./mvnw -B -q -pl stores/postgres test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.pmp.store.postgres.PostgresIngestBenchmark [-Dexec.args="ROWS BATCH [JDBC_URL USER]"]
 * </pre>
 *
 * Without a JDBC URL it starts an embedded PostgreSQL (zonky defaults). It writes {@code ROWS} (default
 * 1,000,000) rows of {@code sample.settlement_point_prices} in batches of {@code BATCH} (default 100,000)
 * three times: into an empty table (all inserts), again unchanged, and again with every price changed
 * (every row updated and its old version kept), printing rows per second for each pass.
 */
public final class PostgresIngestBenchmark {
    private static final Instant START = Instant.parse("2024-01-01T06:00:00Z");
    private static final int POINTS = 1_000;

    private PostgresIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        if (args.length > 2) {
            run(new PostgresLocation(args[2], args.length > 3 ? args[3] : null, System.getenv("PMP_STORE_PASSWORD")),
                    rows, batchSize);
            return;
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            run(new PostgresLocation(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null), rows, batchSize);
        }
    }

    private static void run(PostgresLocation location, int rows, int batchSize) throws Exception {
        PostgresStore.migrate(location);
        try (PostgresStore store = PostgresStore.open(location)) {
            store.prepare(SETTLEMENT_POINT_PRICES);
            System.out.printf("%s, %,d rows in batches of %,d%n", store, rows, batchSize);
            pass(store, "insert   ", rows, batchSize, 0.0);
            pass(store, "unchanged", rows, batchSize, 0.0);
            pass(store, "update   ", rows, batchSize, 0.5);
        }
    }

    private static void pass(PostgresStore store, String name, int rows, int batchSize, double priceShift)
            throws Exception {
        long started = System.nanoTime();
        WriteResult total = WriteResult.NONE;
        for (int first = 0; first < rows; first += batchSize) {
            List<Row> batch = new ArrayList<>(batchSize);
            for (int i = first; i < Math.min(rows, first + batchSize); i++) {
                Instant interval = START.plus(Duration.ofMinutes(15L * (i / POINTS)));
                batch.add(Row.of(interval, interval.plus(Duration.ofMinutes(15)), "POINT_" + (i % POINTS),
                        20.0 + (i % 977) * 0.013 + priceShift, i % 3 == 0 ? null : -1.25 + (i % 101) * 0.1));
            }
            Window covered = new Window(batch.get(0).instant(0), batch.get(batch.size() - 1).instant(1));
            FetchRecord fetch = new FetchRecord(name.trim() + "-" + first, SETTLEMENT_POINT_PRICES.id(), covered,
                    "file:/benchmark", START, 200, 0, null, null, Duration.ZERO, 0, 0, 0, null, "");
            total = total.plus(store.write(new Batch(SETTLEMENT_POINT_PRICES, fetch, batch, List.of(covered),
                    Instant.now())));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s %s in %.2f s: %,.0f rows/s%n", name, total, seconds, rows / seconds);
    }
}
