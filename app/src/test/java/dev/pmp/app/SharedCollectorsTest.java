package dev.pmp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.Simulator;
import dev.pmp.testkit.ManualClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code pmp run} processes on one PostgreSQL share the datasets through leases: each dataset is
 * collected by one of them, and when that one is killed another takes it over within a lease period.
 */
class SharedCollectorsTest {
    private static final String ESR = "ercot.energy_storage_resources";
    private static final String FUEL = "ercot.fuel_mix";

    @TempDir
    Path dir;

    @Test
    void threeDaemonsCollectEachDatasetOnceAndTakeOverFromAKilledOne() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Simulator sim = Simulator.start(Clock.systemUTC(), 0)) {
            String store = "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres";
            Cli cli = new Cli(new ManualClock(Instant.now()));
            cli.env.put("PMP_STORE", store);
            cli.env.put("PMP_DATA_DIR", dir.resolve("init").toString());
            assertThat(cli.run("init").exit()).isZero();

            List<PmpProcess> daemons = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                Map<String, String> env = new HashMap<>();
                env.put("PMP_STORE", store);
                env.put("PMP_DATA_DIR", dir.resolve(name).toString());
                env.put("PMP_ERCOT_DASHBOARD_URL", sim.baseUri().toString());
                env.put("PMP_DATASETS", ESR + "," + FUEL);
                env.put("PMP_LEASE_SECONDS", "4");
                daemons.add(PmpProcess.start(dir, name, env, "run", "--http", "off"));
            }
            try {
                PmpProcess esrHolder = awaitHolder(daemons, ESR, Duration.ofSeconds(60));
                awaitHolder(daemons, FUEL, Duration.ofSeconds(60));
                Thread.sleep(3000);
                // Only the holder ever ran a pass of the dataset: the others were refused its lease.
                for (PmpProcess d : daemons) {
                    long passes = d.err().lines().filter(l -> l.contains(" " + ESR + ": fetched")).count();
                    assertThat(passes).as(d.toString()).isEqualTo(d == esrHolder ? sim.requestCounts()
                            .get("/api/1/services/read/dashboards/energy-storage-resources.json") : 0L);
                }
                assertThat(leaseHolder(postgres, ESR)).contains(holderOf(esrHolder));

                long before = sim.requestCounts().get("/api/1/services/read/dashboards/energy-storage-resources.json");
                esrHolder.process.destroyForcibly().waitFor();
                List<PmpProcess> alive = new ArrayList<>(daemons);
                alive.remove(esrHolder);
                PmpProcess next = awaitHolder(alive, ESR, Duration.ofSeconds(30));
                assertThat(next).isNotSameAs(esrHolder);
                assertThat(leaseHolder(postgres, ESR)).contains(holderOf(next));
                Thread.sleep(1000);
                long after = sim.requestCounts().get("/api/1/services/read/dashboards/energy-storage-resources.json");
                assertThat(after).isGreaterThan(before);
                for (PmpProcess d : alive) {
                    long passes = d.err().lines().filter(l -> l.contains(" " + ESR + ": fetched")).count();
                    assertThat(passes).as(d.toString()).isEqualTo(d == next ? after - before : 0L);
                }
                assertThat(single(postgres, "SELECT count(*) - count(DISTINCT time_utc) FROM ercot.energy_storage_resources"))
                        .isEqualTo(0L);

                // Clean stops give the leases back at once.
                for (PmpProcess d : alive) {
                    d.process.destroy();
                }
                for (PmpProcess d : alive) {
                    d.waitFor(Duration.ofSeconds(60));
                }
                assertThat(single(postgres, "SELECT count(*) FROM pmp.leases WHERE holder <> '" + holderOf(esrHolder) + "'"))
                        .isZero();
            } finally {
                for (PmpProcess d : daemons) {
                    d.process.destroyForcibly();
                }
            }
        }
    }

    /** The daemon that announced it collects {@code dataset}, waiting for one to do so. */
    private static PmpProcess awaitHolder(List<PmpProcess> daemons, String dataset, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            List<PmpProcess> holders = new ArrayList<>();
            for (PmpProcess d : daemons) {
                if (d.process.isAlive() && d.err().contains(dataset + " is collected here")) {
                    holders.add(d);
                }
            }
            assertThat(holders).as("two processes collect " + dataset).hasSizeLessThanOrEqualTo(1);
            if (holders.size() == 1) {
                return holders.get(0);
            }
            Thread.sleep(100);
        }
        StringBuilder all = new StringBuilder();
        daemons.forEach(d -> all.append(d).append('\n'));
        throw new AssertionError("no process took " + dataset + " within " + limit + "\n" + all);
    }

    private static String holderOf(PmpProcess d) throws Exception {
        String err = d.err();
        int at = err.indexOf("is collected here (");
        return err.substring(at + "is collected here (".length(), err.indexOf(')', at));
    }

    private static Optional<String> leaseHolder(EmbeddedPostgres postgres, String dataset) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT holder FROM pmp.leases WHERE name = 'dataset:" + dataset
                        + "' AND expires_at >= now()")) {
            return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
        }
    }

    private static long single(EmbeddedPostgres postgres, String sql) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
