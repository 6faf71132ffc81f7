package dev.pmp.bench;

import dev.pmp.app.AppSettings;
import dev.pmp.app.Pmp;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.sim.Simulator;
import dev.pmp.spi.Feed;
import dev.pmp.testkit.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One warm update tick inside the daemon, as {@code pmp run} does it every five minutes: fetch the
 * dashboard from the simulator over loopback HTTP (the previous day and today, ~475 samples, one of them
 * new), archive the raw payload, parse, validate, upsert into DuckDB with revision capture, record
 * coverage and the fetch log, and compute the ledger's gaps over the source's two-day window. The
 * simulated clock moves five minutes per tick, so every tick brings one new sample.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class UpdateTickBenchmark {

    /** Rows in the catalog before the tick: empty, one year and five years of 5-minute samples. */
    @Param({"0", "105120", "525600"})
    public int catalogRows;

    private Path dir;
    private ManualClock clock;
    private Simulator sim;
    private Pmp pmp;
    private Pipeline pipeline;
    private Feed feed;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("pmp-bench-tick-");
        clock = new ManualClock(Instant.parse("2026-11-20T21:31:10Z"));
        sim = Simulator.start(clock, 0);
        AppSettings settings = CatalogFixture.settings(dir, sim.baseUri().toString());
        CatalogFixture.build(settings, clock, catalogRows);
        pmp = Pmp.open(settings, clock, "benchmark");
        pipeline = pmp.pipeline(report -> { });
        feed = pmp.configured().get(CatalogFixture.ESR).feed().orElseThrow();
    }

    @Benchmark
    public RunReport tick() {
        clock.advance(Duration.ofMinutes(5));
        RunReport r = pipeline.update(feed);
        if (!r.succeeded() || r.written().inserted() != 1) {
            throw new IllegalStateException("tick did not add exactly one sample: " + r);
        }
        return r;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        pmp.close();
        sim.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
