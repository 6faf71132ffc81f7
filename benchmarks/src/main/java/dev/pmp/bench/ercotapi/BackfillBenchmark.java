package dev.pmp.bench.ercotapi;

import dev.pmp.engine.archive.RawArchive;
import dev.pmp.engine.http.AuthCredentials;
import dev.pmp.engine.http.HttpFetcher;
import dev.pmp.engine.http.HttpResult;
import dev.pmp.engine.http.HttpSettings;
import dev.pmp.engine.http.MonotonicClock;
import dev.pmp.engine.http.Priority;
import dev.pmp.engine.http.RequestRate;
import dev.pmp.engine.http.Sleeper;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.engine.pipeline.Transfer;
import dev.pmp.engine.pipeline.Transport;
import dev.pmp.sim.Simulator;
import dev.pmp.sim.SimulatorSettings;
import dev.pmp.sim.ercotapi.ErcotApiEndpoint;
import dev.pmp.source.ercot.ErcotSource;
import dev.pmp.source.ercot.api.ApiSettings;
import dev.pmp.source.ercot.report.ErcotReport;
import dev.pmp.spi.Auth;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Settings;
import dev.pmp.spi.Window;
import dev.pmp.store.duckdb.DuckDbStore;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The end-to-end ERCOT backfill figure: one month of NP6-905-CD ({@code ercot.spp_real_time_15min}) from
 * the simulator's ERCOT Public API into a fresh DuckDB store file, through the real path: {@link ErcotSource}'s
 * feed and bearer-token sign-in, {@link AuthCredentials}, {@link HttpFetcher} with ERCOT's published request
 * budget (30 per minute on the API lane), {@link Pipeline#fill} (bundle listing, bundle download, then parse,
 * validate and write {@code BulkDownload.POSTINGS_PER_WRITE} postings at a time, each part in its own
 * transaction) and {@link DuckDbStore} opened as {@code pmp} opens it
 * ({@link DuckDbStore#DEFAULT_THREADS} DuckDB thread). The month is served as a zip of posting zips of
 * {@code POINTS} settlement points (default 1,000; January 2024: 2,976 intervals, 2,976,000 rows), built
 * before the clock starts ({@link SppMonthBundle}, {@link WideBundleEndpoint}).
 *
 * <p>One untimed warm-up run, then {@code RUNS} timed runs (default 3) with the raw archive off and
 * {@code RUNS} with it on ({@link RawArchive}: the bundle gzip-compressed to disk). Each prints rows,
 * seconds, rows per second end to end, the time spent waiting on the request budget
 * ({@link HttpResult#waited()}; the listing and the download are two requests, 2 s apart at 30 per minute)
 * and rows per second without it, and the phases: fetch (HTTP, waits excluded), parse ({@link Feed#parseParts},
 * on the pipeline's thread) and write ({@link DuckDbStore#write}, on its writer thread from the second part on),
 * then how much parse and write overlapped (or, when they did not, the rest of the pipeline), plus the
 * process's CPU time and the JVM's garbage-collection time inside the run (a phase's wall time includes the
 * collections that fell in it). After the runs, validation is timed alone on the last part's rows, and sha256
 * on the bundle.
 *
 * <p>Run by {@code benchmarks/run.sh backfill} or
 * {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.pmp.bench.ercotapi.BackfillBenchmark [POINTS [RUNS [YYYY-MM]]]}.
 */
public final class BackfillBenchmark {

    private static final Dataset RT = ErcotReport.NP6_905_CD.dataset();

    private BackfillBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        YearMonth month = args.length > 2 ? YearMonth.parse(args[2]) : YearMonth.of(2024, 1);
        // One sign-in line per run would interleave with the figures.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        long b0 = System.nanoTime();
        SppMonthBundle bundle = SppMonthBundle.of(month, points);
        System.out.printf("bundle %s: %,d postings x %,d points = %,d rows, %,d bytes zipped (built in %.1f s, untimed)%n",
                month, bundle.intervals(), points, bundle.rows(), bundle.bytes().length, (System.nanoTime() - b0) / 1e9);
        // Bundles are listed from the first day of the second month after; the simulator's time runs from there.
        Instant simNow = month.plusMonths(3).atDay(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), simNow));
        try (Simulator sim = Simulator.start(clock, 0, SimulatorSettings.defaults(),
                List.of(new WideBundleEndpoint(bundle)))) {
            Window window = new Window(bundle.start(), bundle.end());
            run(sim, clock, bundle, window, false, "warm-up");
            Run last = null;
            for (boolean archive : List.of(false, true)) {
                for (int i = 1; i <= runs; i++) {
                    last = run(sim, clock, bundle, window, archive, "run " + i);
                }
            }
            if (last != null) {
                long v0 = System.nanoTime();
                Pipeline.validate(RT, last.rows());
                double validate = (System.nanoTime() - v0) / 1e9;
                long s0 = System.nanoTime();
                RawArchive.sha256(bundle.bytes());
                double sha = (System.nanoTime() - s0) / 1e9;
                System.out.printf("alone: Pipeline.validate of the last part (%,d rows) %.3f s, sha256 of the bundle %.2f s%n",
                        last.rows().size(), validate, sha);
            }
        }
    }

    /** Milliseconds the JVM's collectors have spent collecting so far. */
    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** The rows of one run's last part, kept to time validation alone after the runs. */
    private record Run(List<Row> rows) {
        Run {
            rows = List.copyOf(rows);
        }
    }

    private static Run run(Simulator sim, Clock clock, SppMonthBundle bundle, Window window, boolean archive,
            String name) throws Exception {
        Map<String, String> values = Map.of(ApiSettings.API_URL, sim.uri(ErcotApiEndpoint.BASE).toString(),
                ApiSettings.TOKEN_URL, sim.uri(ErcotApiEndpoint.TOKEN_PATH).toString(),
                ApiSettings.USERNAME, "bench@example.com", ApiSettings.PASSWORD, "bench",
                ApiSettings.KEY, ErcotApiEndpoint.DEFAULT_KEY);
        Settings settings = key -> Optional.ofNullable(values.get(key));
        ErcotSource source = new ErcotSource();
        HttpSettings http = HttpSettings.defaults().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(120));
        for (Map.Entry<String, String> rate : source.requestRates().entrySet()) {
            String lane = rate.getKey().isEmpty() ? "ercot" : "ercot/" + rate.getKey();
            http = http.withSourceRate(lane, RequestRate.parse(rate.getValue()));
        }
        Auth auth = source.auth(settings).orElseThrow();
        HttpFetcher fetcher = new HttpFetcher(http, new AuthCredentials(Map.of("ercot", auth), clock,
                Duration.ofSeconds(10)), clock, new MonotonicClock(), Sleeper.system());
        Phases phases = new Phases();
        Transport transport = (src, request, live) -> {
            long t0 = System.nanoTime();
            HttpResult r = fetcher.fetch(src, request, live ? Priority.LIVE : Priority.BACKFILL);
            phases.fetchNanos += System.nanoTime() - t0;
            phases.waitedNanos += r.waited().toNanos();
            return new Transfer(r.response(), r.raw(), r.attempts());
        };
        Path dir = Files.createTempDirectory("pmp-backfill-bench-");
        try (DuckDbStore duck = DuckDbStore.open(dir.resolve("pmp.duckdb"))) {
            Pipeline pipeline = new Pipeline(phases.store(duck), transport,
                    archive ? new RawArchive(dir.resolve("raw")) : null, clock, report -> { });
            Feed feed = phases.feed(source.feed(RT, settings));
            long gc0 = gcMillis();
            long cpu0 = BulkWriteBenchmark.processCpuNanos();
            long t0 = System.nanoTime();
            RunReport report = pipeline.fill(feed, List.of(window), false);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (BulkWriteBenchmark.processCpuNanos() - cpu0) / 1e9;
            double gc = (gcMillis() - gc0) / 1e3;
            if (report.failure() != null) {
                throw new IllegalStateException(name + " failed: " + report.failure() + " " + report.message());
            }
            long stored = duck.view().summary(RT).rows();
            if (report.rowsFetched() != bundle.rows() || stored != bundle.rows()) {
                throw new IllegalStateException(name + ": parsed " + report.rowsFetched() + " rows, stored " + stored
                        + ", the bundle holds " + bundle.rows());
            }
            double waited = phases.waitedNanos / 1e9;
            double fetch = phases.fetchNanos / 1e9 - waited;
            double parse = phases.parseNanos / 1e9;
            double write = phases.writeNanos / 1e9;
            // Parts are read on this thread while the one before is written on the pipeline's writer thread, so
            // parse and write overlap: their sum less the time they had is how much.
            double overlap = fetch + parse + write - (seconds - waited);
            System.out.printf("%-7s archive %-3s %,d rows in %.2f s = %,.0f rows/s end to end; budget waits %.2f s;"
                    + " without them %.2f s = %,.0f rows/s | fetch %.2f parse %.2f write %.2f s, %s %.2f s"
                    + " | process CPU %.2f s, GC %.2f s%n",
                    name, archive ? "on" : "off", stored, seconds, stored / seconds, waited, seconds - waited,
                    stored / (seconds - waited), fetch, parse, write, overlap >= 0 ? "overlapping" : "rest",
                    Math.abs(overlap), cpu, gc);
            return new Run(phases.lastRows);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
