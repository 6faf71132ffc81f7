package dev.pmp.source.ercot.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pmp.engine.http.Credentials;
import dev.pmp.engine.http.HttpFetcher;
import dev.pmp.engine.http.HttpResult;
import dev.pmp.engine.http.HttpSettings;
import dev.pmp.engine.http.Priority;
import dev.pmp.engine.http.RequestRate;
import dev.pmp.engine.ledger.Gap;
import dev.pmp.engine.ledger.GapKind;
import dev.pmp.engine.ledger.Ledger;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.engine.pipeline.Transfer;
import dev.pmp.engine.pipeline.Transport;
import dev.pmp.sim.Fault;
import dev.pmp.sim.FaultKind;
import dev.pmp.sim.SimEndpoint;
import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import dev.pmp.sim.Simulator;
import dev.pmp.sim.SimulatorSettings;
import dev.pmp.sim.ercotapi.ErcotApiEndpoint;
import dev.pmp.sim.ercotapi.SppPostings;
import dev.pmp.source.ercot.ErcotSource;
import dev.pmp.source.ercot.report.ErcotReport;
import dev.pmp.spi.Auth;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import dev.pmp.testkit.http.FixtureServer;
import dev.pmp.testkit.http.Reply;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real backfills through the engine: {@link Pipeline} + {@link HttpFetcher} + {@link MemoryStore} against
 * the simulator's Public API fake, signing in with the {@link Auth.BearerToken} the source describes (the
 * token form is POSTed to a {@link FixtureServer}, standing in for Azure B2C). Budgets and backoff
 * run on the manual clock, so the simulator's 30-per-minute limit and the source's budget share one time.
 */
class ApiBackfillTest {

    private static final Instant NOW = Instant.parse("2026-02-15T18:00:00Z");
    private static final Dataset RT = ErcotReport.NP6_905_CD.dataset();

    private final ManualClock clock = new ManualClock(NOW);
    private final List<String> served = new CopyOnWriteArrayList<>();
    private Simulator sim;
    private FixtureServer b2c;
    private MemoryStore store;
    private Pipeline pipeline;
    private Feed feed;
    private TokenCredentials credentials;

    @BeforeEach
    void start() throws Exception {
        SimEndpoint api = new ErcotApiEndpoint();
        // Records every call with its query, so a second download of one document would show.
        SimEndpoint recording = new SimEndpoint() {
            @Override
            public String prefix() {
                return api.prefix();
            }

            @Override
            public SimResponse answer(SimRequest request) throws IOException {
                SimResponse r = api.answer(request);
                served.add(r.status() + " " + request.path() + "?" + new java.util.TreeMap<>(request.query()));
                return r;
            }
        };
        sim = Simulator.start(clock, 0, SimulatorSettings.defaults(), List.of(recording));
        b2c = FixtureServer.start();
        b2c.otherwise("/token", Reply.json("{\"id_token\":\"" + ErcotApiEndpoint.DEFAULT_TOKEN
                + "\",\"token_type\":\"Bearer\",\"not_before\":1}"));
        Map<String, String> values = Map.of(ApiSettings.API_URL, sim.uri(ErcotApiEndpoint.BASE).toString(),
                ApiSettings.TOKEN_URL, b2c.uri("/token").toString(), ApiSettings.USERNAME, "me@example.com",
                ApiSettings.PASSWORD, "s3cret", ApiSettings.KEY, ErcotApiEndpoint.DEFAULT_KEY,
                ApiSettings.PAGE_SIZE, "2000");
        Settings settings = key -> Optional.ofNullable(values.get(key));
        ErcotSource source = new ErcotSource();
        credentials = new TokenCredentials((Auth.BearerToken) source.auth(settings).orElseThrow());
        HttpSettings http = HttpSettings.defaults().withRetries(4, Duration.ofSeconds(1), 2, Duration.ofSeconds(8));
        for (Map.Entry<String, String> rate : source.requestRates().entrySet()) {
            String lane = rate.getKey().isEmpty() ? "ercot" : "ercot/" + rate.getKey();
            http = http.withSourceRate(lane, RequestRate.parse(rate.getValue()));
        }
        HttpFetcher fetcher = new HttpFetcher(http, credentials, clock, clock, clock::advance);
        Transport transport = (name, request, live) -> {
            HttpResult r = fetcher.fetch(name, request, live ? Priority.LIVE : Priority.BACKFILL);
            return new Transfer(r.response(), r.raw(), r.attempts());
        };
        store = new MemoryStore();
        pipeline = new Pipeline(store, transport, null, clock, report -> { });
        feed = source.feed(RT, settings);
    }

    @AfterEach
    void stop() {
        sim.close();
        b2c.close();
    }

    /** November 2025 (with the fall-back day) from its monthly bundle, the listing failing once with a 500. */
    @Test
    void backfillsAMonthFromItsBundle() throws Exception {
        sim.inject(ErcotApiEndpoint.BASE + "/bundle/np6-905-cd", Fault.of(FaultKind.STATUS_500), 1);
        Window november = new Window(Instant.parse("2025-11-01T05:00:00Z"), Instant.parse("2025-12-01T06:00:00Z"));

        RunReport report = pipeline.fill(feed, List.of(november), false);

        assertThat(report.failure()).as(report.message()).isNull();
        assertThat(new Ledger(store.view()).gaps(RT, november)).isEmpty();
        List<Row> stored = scan(november);
        // 30 days x 96 intervals + the repeated hour's 4 = 2884 intervals of 28 points
        assertThat(stored).hasSize(2884 * SppPostings.points());
        assertThat(new HashSet<>(stored)).isEqualTo(new HashSet<>(expected(november)));
        assertThat(stored.stream().filter(r -> r.text(2).equals("HB_NORTH")
                && r.instant(0).isBefore(Instant.parse("2025-11-02T09:00:00Z"))
                && !r.instant(0).isBefore(Instant.parse("2025-11-02T05:00:00Z")))).hasSize(16);
        // The simulator answers a fault before the endpoint sees the call: the endpoint saw one listing and
        // one download, the simulator three calls on the path.
        assertThat(served).hasSize(2);
        assertThat(served.get(0)).isEqualTo("200 " + ErcotApiEndpoint.BASE + "/bundle/np6-905-cd?{}");
        assertThat(served.get(1)).matches("200 " + ErcotApiEndpoint.BASE + "/bundle/np6-905-cd\\?\\{download=\\d+}");
        assertThat(sim.requestCounts()).containsEntry(ErcotApiEndpoint.BASE + "/bundle/np6-905-cd", 3L);
        assertThat(credentials.signIns).isEqualTo(1);
        assertThat(b2c.requests("/token")).singleElement().satisfies(r -> assertThat(r.method()).isEqualTo("POST"));
    }

    /** Three days through the query endpoint in pages, a 429 on the way, one hour never published. */
    @Test
    void backfillsDaysThroughQueryPagesWithASourceGap() throws Exception {
        Window days = new Window(Instant.parse("2026-02-01T06:00:00Z"), Instant.parse("2026-02-04T06:00:00Z"));
        Window withheld = Window.of(Instant.parse("2026-02-02T12:00:00Z"), Duration.ofHours(1));
        sim.withhold(withheld);
        sim.inject(ErcotApiEndpoint.BASE + "/np6-905-cd/spp_node_zone_hub", Fault.tooManyRequests(Duration.ofSeconds(2)), 1);

        RunReport report = pipeline.fill(feed, List.of(days), false);

        assertThat(report.failure()).as(report.message()).isNull();
        List<Gap> gaps = new Ledger(store.view()).gaps(RT, days);
        assertThat(gaps).extracting(Gap::kind).containsOnly(GapKind.SOURCE_GAP);
        assertThat(gaps.stream().mapToInt(Gap::points).sum()).isEqualTo(4);
        List<Row> expected = expected(days).stream().filter(r -> !withheld.contains(r.instant(0))).toList();
        List<Row> stored = scan(days);
        assertThat(stored).hasSize((3 * 96 - 4) * SppPostings.points());
        assertThat(new HashSet<>(stored)).isEqualTo(new HashSet<>(expected));
        // 284 intervals x 28 rows = 7952 rows: pages of 2000, each answered once; the 429 never reached the endpoint
        assertThat(served.stream().filter(s -> s.startsWith("200 ")).map(s -> s.replaceAll(".*page=(\\d+).*", "$1")))
                .containsExactly("1", "2", "3", "4");
        assertThat(sim.requestCounts()).containsEntry(ErcotApiEndpoint.BASE + "/np6-905-cd/spp_node_zone_hub", 5L);
    }

    /** The live tail: a window reaching past what is posted covers only what is posted. */
    @Test
    void coversOnlyWhatIsPostedOfToday() throws Exception {
        Window today = new Window(Instant.parse("2026-02-15T06:00:00Z"), Instant.parse("2026-02-15T18:00:00Z"));
        RunReport report = pipeline.fill(feed, List.of(today), true);
        assertThat(report.failure()).as(report.message()).isNull();
        // 17:45-18:00Z is posted at 18:02Z: it stays missing, to be fetched again
        assertThat(new Ledger(store.view()).gaps(RT, today)).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(GapKind.MISSING);
            assertThat(g.window().start()).isEqualTo(Instant.parse("2026-02-15T17:45:00Z"));
        });
    }

    /** One interval from its archive posting: listing, then the single download; not posted yet is not an error. */
    @Test
    void fillsOneIntervalFromItsArchivePosting() throws Exception {
        Window interval = Window.of(Instant.parse("2026-02-15T17:30:00Z"), SppPostings.INTERVAL);
        RunReport report = pipeline.fill(feed, List.of(interval), false);
        assertThat(report.failure()).as(report.message()).isNull();
        assertThat(scan(interval)).hasSize(SppPostings.points()).containsExactlyInAnyOrderElementsOf(expected(interval));
        assertThat(new Ledger(store.view()).gaps(RT, interval)).isEmpty();
        assertThat(served).hasSize(2);
        assertThat(served.get(1)).isEqualTo("200 " + ErcotApiEndpoint.BASE + "/archive/np6-905-cd?{download="
                + SppPostings.docId(interval.start()) + "}");

        Window next = Window.of(Instant.parse("2026-02-15T17:45:00Z"), SppPostings.INTERVAL);
        RunReport early = pipeline.fill(feed, List.of(next), false);
        assertThat(early.failure()).isEqualTo(Failure.NOT_PUBLISHED);
        assertThat(new Ledger(store.view()).gaps(RT, next)).extracting(Gap::kind).containsExactly(GapKind.MISSING);
    }

    /** A live pass from an empty store: the last week through the query endpoint, caught up. */
    @Test
    void aLiveUpdateCatchesUp() throws Exception {
        RunReport report = pipeline.update(feed);
        assertThat(report.failure()).as(report.message()).isNull();
        assertThat(report.caughtUp()).isTrue();
        assertThat(report.gaps()).isEmpty();
        Window week = new Window(NOW.minus(Duration.ofDays(7)), Instant.parse("2026-02-15T17:45:00Z"));
        assertThat(scan(week)).hasSize((int) (week.length().toMinutes() / 15) * SppPostings.points());
    }

    @Test
    void aWrongSubscriptionKeyIsAConfigurationError() throws Exception {
        credentials.key = "wrong";
        Window day = new Window(Instant.parse("2026-02-01T06:00:00Z"), Instant.parse("2026-02-02T06:00:00Z"));
        RunReport report = pipeline.fill(feed, List.of(day), false);
        assertThat(report.failure()).isEqualTo(Failure.CONFIG);
        assertThat(report.message()).doesNotContain("s3cret").doesNotContain(ErcotApiEndpoint.DEFAULT_TOKEN);
        assertThat(served).allSatisfy(s -> assertThat(s).startsWith("401 "));
    }

    private List<Row> scan(Window w) throws Exception {
        List<Row> rows = new ArrayList<>();
        store.scan(RT, w, rows::add);
        return rows;
    }

    private static List<Row> expected(Window w) {
        List<Row> rows = new ArrayList<>();
        for (Instant s = w.start(); s.isBefore(w.end()); s = s.plus(SppPostings.INTERVAL)) {
            for (SppPostings.Price p : SppPostings.prices(s)) {
                rows.add(Row.of(s, s.plus(SppPostings.INTERVAL), p.point(), p.type(), p.price(),
                        ErcotReport.locationType(p.point())));
            }
        }
        return rows;
    }

    /**
     * What the engine does with an {@link Auth.BearerToken}, in this test: POST the form, read the token
     * field, send it as a bearer token with the fixed headers, sign in again after a rejection.
     */
    static final class TokenCredentials implements Credentials {
        private final Auth.BearerToken auth;
        private final HttpClient client = HttpClient.newHttpClient();
        private String token;
        int signIns;
        String key;

        TokenCredentials(Auth.BearerToken auth) {
            this.auth = auth;
            this.key = auth.headers().get("Ocp-Apim-Subscription-Key");
        }

        @Override
        public synchronized Map<String, String> headers(String source) throws SourceException {
            if (token == null) {
                token = signIn();
            }
            Map<String, String> h = new LinkedHashMap<>(auth.headers());
            h.put("Ocp-Apim-Subscription-Key", key);
            h.put("Authorization", "Bearer " + token);
            return h;
        }

        @Override
        public synchronized void rejected(String source) {
            token = null;
        }

        private String signIn() throws SourceException {
            String form = auth.form().entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            try {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(auth.tokenUri())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
                signIns++;
                Map<String, String> fields = new HashMap<>();
                try (JsonParser p = JsonFactory.builder().build().createParser(r.body())) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        fields.put(name, p.getValueAsString());
                    }
                }
                String t = fields.get(auth.tokenField());
                if (t == null) {
                    throw new SourceException(Failure.CONFIG, "no " + auth.tokenField() + " in the token answer");
                }
                return t;
            } catch (IOException e) {
                throw new SourceException(Failure.TRANSIENT, "token request failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException(Failure.TRANSIENT, "interrupted", e);
            }
        }
    }
}
