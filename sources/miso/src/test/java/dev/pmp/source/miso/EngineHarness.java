package dev.pmp.source.miso;

import dev.pmp.engine.http.Credentials;
import dev.pmp.engine.http.HttpFetcher;
import dev.pmp.engine.http.HttpResult;
import dev.pmp.engine.http.HttpSettings;
import dev.pmp.engine.http.MonotonicClock;
import dev.pmp.engine.http.Priority;
import dev.pmp.engine.http.RequestRate;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.Transport;
import dev.pmp.engine.pipeline.Transfer;
import dev.pmp.sim.Simulator;
import dev.pmp.sim.SimulatorSettings;
import dev.pmp.sim.miso.MisoEndpoint;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real engine ({@link Pipeline} over {@link HttpFetcher}, no waiting between retries) and a
 * {@link MemoryStore}, against a simulator serving only MISO, with the MISO base URLs pointed at it.
 */
public final class EngineHarness implements AutoCloseable {
    public final ManualClock clock;
    public final Simulator simulator;
    public final MemoryStore store = new MemoryStore();
    public final Pipeline pipeline;
    private final Settings settings;

    public EngineHarness(Instant now) throws IOException {
        clock = new ManualClock(now);
        simulator = Simulator.start(clock, 0, SimulatorSettings.defaults(), List.of(new MisoEndpoint()));
        Map<String, String> values = Map.of(MisoSettings.API_URL, simulator.uri(MisoEndpoint.API).toString(),
                MisoSettings.REPORTS_URL, simulator.uri(MisoEndpoint.REPORTS).toString());
        settings = key -> Optional.ofNullable(values.get(key));
        HttpSettings http = HttpSettings.defaults().withRetries(4, Duration.ofMillis(1), 2, Duration.ofMillis(4))
                .withDefaultRate(RequestRate.parse("1000 per second burst 100"));
        HttpFetcher fetcher = new HttpFetcher(http, Credentials.none(), clock, new MonotonicClock(), d -> { });
        Transport transport = (source, request, live) -> {
            HttpResult r = fetcher.fetch(source, request, live ? Priority.LIVE : Priority.BACKFILL);
            return new Transfer(r.response(), r.raw(), r.attempts());
        };
        pipeline = new Pipeline(store, transport, null, clock, report -> { });
    }

    /** The MISO feed of {@code dataset}, reading from the simulator. */
    public Feed feed(Dataset dataset) throws SourceException {
        return new MisoSource().feed(dataset, settings);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
