package dev.pmp.source.ercot.api;

import dev.pmp.engine.http.AuthCredentials;
import dev.pmp.engine.http.HttpFetcher;
import dev.pmp.engine.http.HttpResult;
import dev.pmp.engine.http.HttpSettings;
import dev.pmp.engine.http.Priority;
import dev.pmp.engine.http.RequestRate;
import dev.pmp.engine.pipeline.Transfer;
import dev.pmp.engine.pipeline.Transport;
import dev.pmp.sim.SimEndpoint;
import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import dev.pmp.sim.Simulator;
import dev.pmp.sim.SimulatorSettings;
import dev.pmp.sim.ercotapi.ErcotApiEndpoint;
import dev.pmp.source.ercot.ErcotSource;
import dev.pmp.spi.Settings;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.http.FixtureServer;
import dev.pmp.testkit.http.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * ERCOT's Public API as the backfill tests meet it: the simulator's {@link ErcotApiEndpoint} (every call it answers
 * recorded in {@link #served}), a B2C token endpoint on loopback, the source's settings pointing at both, and a real
 * {@link HttpFetcher} with the source's request budgets on the test's manual clock.
 */
final class SimulatedApi implements AutoCloseable {

    /** One call the simulator answered. */
    record Served(int status, String method, String path, Map<String, String> query, String body) {
        /** {@code "200 /path?{k=v, ...}"}, the query in key order. */
        String line() {
            return status + " " + path + "?" + new TreeMap<>(query);
        }
    }

    final List<Served> served = new CopyOnWriteArrayList<>();
    final Simulator sim;
    final FixtureServer b2c;
    final Settings settings;
    final ErcotSource source = new ErcotSource();
    final Transport transport;

    /**
     * @param extra settings beyond the API and token URLs and the credentials ({@code PMP_ERCOT_PAGE_SIZE}, ...)
     */
    SimulatedApi(ManualClock clock, Map<String, String> extra) throws Exception {
        SimEndpoint api = new ErcotApiEndpoint();
        SimEndpoint recording = new SimEndpoint() {
            @Override
            public String prefix() {
                return api.prefix();
            }

            @Override
            public boolean acceptsPost(String path) {
                return api.acceptsPost(path);
            }

            @Override
            public SimResponse answer(SimRequest request) throws IOException {
                SimResponse r = api.answer(request);
                served.add(new Served(r.status(), request.isPost() ? "POST" : "GET", request.path(), request.query(),
                        new String(request.body(), StandardCharsets.UTF_8)));
                return r;
            }
        };
        sim = Simulator.start(clock, 0, SimulatorSettings.defaults(), List.of(recording));
        b2c = FixtureServer.start();
        b2c.otherwise("/token", Reply.json("{\"id_token\":\"" + ErcotApiEndpoint.DEFAULT_TOKEN
                + "\",\"token_type\":\"Bearer\",\"not_before\":1}"));
        Map<String, String> values = new HashMap<>(extra);
        values.put(ApiSettings.API_URL, sim.uri(ErcotApiEndpoint.BASE).toString());
        values.put(ApiSettings.TOKEN_URL, b2c.uri("/token").toString());
        values.put(ApiSettings.USERNAME, "me@example.com");
        values.put(ApiSettings.PASSWORD, "s3cret");
        values.putIfAbsent(ApiSettings.KEY, ErcotApiEndpoint.DEFAULT_KEY);
        settings = key -> Optional.ofNullable(values.get(key));
        // The engine's own sign-in, as pmp runs it: a token per source, renewed before it expires.
        AuthCredentials credentials = new AuthCredentials(Map.of("ercot", source.auth(settings).orElseThrow()), clock,
                Duration.ofSeconds(10));
        HttpSettings http = HttpSettings.defaults().withRetries(4, Duration.ofSeconds(1), 2, Duration.ofSeconds(8));
        for (Map.Entry<String, String> rate : source.requestRates().entrySet()) {
            String lane = rate.getKey().isEmpty() ? "ercot" : "ercot/" + rate.getKey();
            http = http.withSourceRate(lane, RequestRate.parse(rate.getValue()));
        }
        HttpFetcher fetcher = new HttpFetcher(http, credentials, clock, clock, clock::advance);
        transport = (name, request, live) -> {
            HttpResult r = fetcher.fetch(name, request, live ? Priority.LIVE : Priority.BACKFILL);
            return new Transfer(r.response(), r.raw(), r.attempts());
        };
    }

    /** The served calls as {@link Served#line()}s. */
    List<String> lines() {
        return served.stream().map(Served::line).toList();
    }

    @Override
    public void close() {
        sim.close();
        b2c.close();
    }
}
