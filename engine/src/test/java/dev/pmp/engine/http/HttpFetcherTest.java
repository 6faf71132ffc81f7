package dev.pmp.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.SourceException;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.http.FixtureServer;
import dev.pmp.testkit.http.RecordedRequest;
import dev.pmp.testkit.http.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    private static final String JSON = "{\"lastUpdated\":\"2026-04-01T07:00:00-05:00\",\"data\":[1,2,3]}";
    private static final String INCAPSULA = "<html style=\"height:100%\"><head><META NAME=\"ROBOTS\" CONTENT=\"NOINDEX,"
            + " NOFOLLOW\"></head><body><iframe id=\"main-iframe\" src=\"/_Incapsula_Resource?SWUDNSAI=31\">"
            + "Request unsuccessful. Incapsula incident ID: 1</iframe></body></html>";
    /** Tiny backoff (first retry 50–100 ms) and a budget that never waits at these paces. */
    private static final HttpSettings FAST = HttpSettings.defaults()
            .withRetries(4, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1))
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withDefaultRate(RequestRate.of(1000, Duration.ofSeconds(1)));

    private FixtureServer server;
    private ManualClock clock;
    private RecordingSleeper sleeper;

    @BeforeEach
    void start() {
        server = FixtureServer.start();
        clock = new ManualClock(NOW);
        sleeper = new RecordingSleeper(clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpFetcher fetcher(HttpSettings settings) {
        return new HttpFetcher(settings, Credentials.none(), clock, sleeper);
    }

    private static FetchRequest json(URI uri) {
        return new FetchRequest(uri, Map.of("Accept", "application/json"));
    }

    @Test
    void passesJsonThroughWithBrowserLikeAgentAndGzipAccepted() throws Exception {
        server.enqueue("/feed.json", Reply.json(JSON));

        HttpResult result = fetcher(FAST).fetch("ercot", json(server.uri("/feed.json")));

        assertThat(result.response().text()).isEqualTo(JSON);
        assertThat(result.response().status()).isEqualTo(200);
        assertThat(result.response().contentType()).isEqualTo("application/json");
        assertThat(result.response().uri()).isEqualTo(server.uri("/feed.json"));
        assertThat(result.response().fetchedAt()).isEqualTo(NOW);
        assertThat(result.raw()).isEqualTo(JSON.getBytes(StandardCharsets.UTF_8));
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.waited()).isZero();
        RecordedRequest sent = server.requests("/feed.json").get(0);
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.header("Accept")).contains("application/json");
        assertThat(sent.header("Accept-Encoding")).contains("gzip");
        assertThat(sent.header("User-Agent")).hasValueSatisfying(agent -> assertThat(agent)
                .startsWith("Mozilla/5.0").contains("pmp"));
    }

    @Test
    void postsTheBodyAndSendsItAgainOnRetry() throws Exception {
        server.enqueue("/archive/np6-905-cd/download", Reply.status(503), Reply.ok("application/zip", new byte[] {1, 2}));
        FetchRequest post = FetchRequest.post(server.uri("/archive/np6-905-cd/download"),
                FetchRequest.Body.json("{\"docIds\":[1,2]}"));

        HttpResult result = fetcher(FAST).fetch("ercot", post);

        assertThat(result.raw()).containsExactly(1, 2);
        List<RecordedRequest> sent = server.requests("/archive/np6-905-cd/download");
        assertThat(sent).hasSize(2).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.bodyText()).isEqualTo("{\"docIds\":[1,2]}");
            assertThat(r.header("Content-Type")).contains("application/json");
        });
    }

    @Test
    void namesThePostInItsFailure() {
        server.otherwise("/archive/x/download", Reply.status(400));
        FetchRequest post = FetchRequest.post(server.uri("/archive/x/download"), FetchRequest.Body.json("{}"));

        assertThatThrownBy(() -> fetcher(FAST).fetch("ercot", post)).isInstanceOf(SourceException.class)
                .hasMessageContaining("POST ");
    }

    @Test
    void keepsTheRequestsOwnUserAgent() throws Exception {
        server.enqueue("/feed.json", Reply.json(JSON));

        fetcher(FAST).fetch("ercot", new FetchRequest(server.uri("/feed.json"), Map.of("user-agent", "curl/8.5")));

        assertThat(server.requests().get(0).header("User-Agent")).contains("curl/8.5");
    }

    @Test
    void gunzipsWhenContentEncodingSaysGzip() throws Exception {
        byte[] packed = gzip(JSON);
        server.enqueue("/feed.json", Reply.ok("application/json", packed).withHeader("Content-Encoding", "gzip"));

        HttpResult result = fetcher(FAST).fetch("ercot", json(server.uri("/feed.json")));

        assertThat(result.response().text()).isEqualTo(JSON);
        assertThat(result.raw()).isEqualTo(packed);
        assertThat(result.rawBytes()).isEqualTo(packed.length);
    }

    @Test
    void gunzipsWhenTheBodyStartsWithTheGzipMagicWithoutAHeader() throws Exception {
        byte[] packed = gzip(JSON);
        // Through Electricity Maps' proxy ERCOT answered gzip labelled text/plain and no Content-Encoding.
        server.enqueue("/feed.json", Reply.ok("text/plain; charset=utf-8", packed));

        HttpResult result = fetcher(FAST).fetch("ercot", json(server.uri("/feed.json")));

        assertThat(result.response().text()).isEqualTo(JSON);
        assertThat(result.raw()).startsWith((byte) 0x1f, (byte) 0x8b);
    }

    @Test
    void corruptGzipIsBadDataAndNotRetried() {
        byte[] packed = gzip(JSON);
        byte[] truncated = Arrays.copyOf(packed, packed.length / 2);
        server.otherwise("/feed.json", Reply.ok("application/json", truncated).withHeader("Content-Encoding", "gzip"));

        SourceException thrown = catchThrowableOfType(SourceException.class,
                () -> fetcher(FAST).fetch("ercot", json(server.uri("/feed.json"))));

        assertThat(thrown.failure()).isEqualTo(Failure.BAD_DATA);
        assertThat(thrown).hasMessageContaining("not valid gzip");
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void emptyBodyIsBadData() {
        server.otherwise("/feed.json", Reply.ok("application/json", new byte[0]));

        SourceException thrown = catchThrowableOfType(SourceException.class,
                () -> fetcher(FAST).fetch("ercot", json(server.uri("/feed.json"))));

        assertThat(thrown.failure()).isEqualTo(Failure.BAD_DATA);
        assertThat(thrown).hasMessageContaining("empty body");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void htmlBehind200IsTransientRetriedThenReported() {
        server.otherwise("/feed.json", Reply.ok("text/html", INCAPSULA.getBytes(StandardCharsets.UTF_8)));

        SourceException thrown = catchThrowableOfType(SourceException.class,
                () -> fetcher(FAST).fetch("ercot", json(server.uri("/feed.json"))));

        assertThat(thrown.failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(thrown).hasMessageContaining("answered 200 with an HTML page instead of data (<html style=")
                .hasMessageContaining("gave up after 4 attempts");
        assertThat(server.requests()).hasSize(4);
        assertThat(sleeper.sleeps()).hasSize(3);
    }

    @Test
    void htmlBehind200WithABomAndBlanksIsCaughtForCsvEvenWhenLabelledAsCsv() throws Exception {
        byte[] page = ("\uFEFF \r\n" + "<!DOCTYPE html><title>Maintenance</title>").getBytes(StandardCharsets.UTF_8);
        server.enqueue("/prices.csv", Reply.ok("text/csv", page),
                Reply.ok("text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));

        HttpResult result = fetcher(FAST).fetch("ercot",
                new FetchRequest(server.uri("/prices.csv"), Map.of("Accept", "text/csv")));

        assertThat(result.response().text()).isEqualTo("a,b\n1,2\n");
        assertThat(result.attempts()).isEqualTo(2);
    }

    @Test
    void xmlIsDataWhenNoHtmlWasSignalled() throws Exception {
        String xml = "<?xml version=\"1.0\"?><prices><p>1</p></prices>";
        server.enqueue("/prices.xml", Reply.ok("application/xml", xml.getBytes(StandardCharsets.UTF_8)));

        HttpResult result = fetcher(FAST).fetch("caiso", FetchRequest.get(server.uri("/prices.xml")));

        assertThat(result.response().text()).isEqualTo(xml);
    }

    @Test
    void serverErrorsTwiceThenSuccessBacksOffExponentiallyWithJitter() throws Exception {
        server.enqueue("/feed.json", Reply.status(500), Reply.status(502), Reply.json(JSON));

        HttpResult result = fetcher(FAST).fetch("ercot", json(server.uri("/feed.json")));

        assertThat(result.response().text()).isEqualTo(JSON);
        assertThat(result.attempts()).isEqualTo(3);
        List<Duration> sleeps = sleeper.sleeps();
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(result.backoffWaited()).isEqualTo(sleeps.get(0).plus(sleeps.get(1)));
        assertThat(result.response().fetchedAt()).isEqualTo(NOW.plus(result.backoffWaited()));
    }

    @Test
    void serverErrorForeverIsTransientAfterMaxAttempts() {
        server.otherwise("/feed.json", Reply.status(503).withBody("upstream down"));
        HttpFetcher fetcher = fetcher(FAST);

        SourceException thrown = catchThrowableOfType(SourceException.class,
                () -> fetcher.fetch("ercot", json(server.uri("/feed.json"))));

        assertThat(thrown.failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(thrown).hasMessageContaining("answered 503 Service Unavailable (upstream down)")
                .hasMessageContaining("gave up after 4 attempts");
        assertThat(server.requests()).hasSize(4);
        assertThat(sleeper.sleeps()).hasSize(3);
        HttpStats stats = fetcher.stats("ercot");
        assertThat(stats.attempts()).isEqualTo(4);
        assertThat(stats.retries()).isEqualTo(3);
        assertThat(stats.failures()).isEqualTo(1);
        assertThat(stats.backoffWaited()).isEqualTo(sleeper.total());
        assertThat(fetcher.stats("other").attempts()).isZero();
    }

    @Test
    void tooManyRequestsWaitsAtLeastRetryAfterSeconds() throws Exception {
        server.enqueue("/feed.json", Reply.status(429).withHeader("Retry-After", "2")
                .withBody("{\"error_key\":\"throttled\",\"error_message\":\"Too Many Requests\"}"), Reply.json(JSON));

        HttpResult result = fetcher(FAST).fetch("ercot", json(server.uri("/feed.json")));

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(sleeper.sleeps()).singleElement()
                .satisfies(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredOnTheClock() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(5).atOffset(ZoneOffset.UTC));
        server.enqueue("/feed.json", Reply.status(503).withHeader("Retry-After", date), Reply.json(JSON));

        fetcher(FAST).fetch("ercot", json(server.uri("/feed.json")));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void retryAfterBeyondTheMaximumGivesUpAtOnceSayingWhenToRetry() {
        server.otherwise("/feed.json", Reply.status(429).withHeader("Retry-After", "600"));

        SourceException thrown = catchThrowableOfType(SourceException.class,
                () -> fetcher(FAST).fetch("ercot", json(server.uri("/feed.json"))));

        assertThat(thrown.failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(600));
        assertThat(thrown).hasMessageContaining("429 Too Many Requests")
                .hasMessageContaining("try again after " + NOW.plusSeconds(600))
                .hasMessageContaining("gave up after 1 attempt");
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void slowAnswerTimesOutAsTransient() {
        server.otherwise("/slow.json", Reply.json(JSON).withDelay(Duration.ofSeconds(3)));
        HttpSettings settings = FAST.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200))
                .withRetries(2, Duration.ofMillis(10), 2.0, Duration.ofMillis(10));
        long started = System.nanoTime();

        SourceException thrown = catchThrowableOfType(SourceException.class,
                () -> fetcher(settings).fetch("ercot", json(server.uri("/slow.json"))));

        assertThat(thrown.failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(thrown).hasMessageContaining("no answer within 200 ms")
                .hasMessageContaining("gave up after 2 attempts");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void refusedConnectionIsTransient() {
        FixtureServer closed = FixtureServer.start();
        URI gone = closed.uri("/feed.json");
        closed.close();

        SourceException thrown = catchThrowableOfType(SourceException.class,
                () -> fetcher(FAST.withRetries(2, Duration.ZERO, 1.0, Duration.ZERO)).fetch("ercot", json(gone)));

        assertThat(thrown.failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(thrown).hasMessageContaining("gave up after 2 attempts");
    }

    @Test
    void forbiddenIsConfigAndNotRetried() {
        server.otherwise("/feed.json", Reply.status(403).withHeader("Content-Type", "text/html").withBody(INCAPSULA));

        SourceException thrown = catchThrowableOfType(SourceException.class,
                () -> fetcher(FAST).fetch("ercot", json(server.uri("/feed.json"))));

        assertThat(thrown.failure()).isEqualTo(Failure.CONFIG);
        assertThat(thrown).hasMessageContaining("answered 403 Forbidden: access denied (bot wall or geo block?)")
                .hasMessageContaining("Imperva/Incapsula");
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void notFoundIsNotPublishedAndNotRetried() {
        server.otherwise("/feed.json", Reply.status(404));

        SourceException thrown = catchThrowableOfType(SourceException.class,
                () -> fetcher(FAST).fetch("ercot", json(server.uri("/feed.json"))));

        assertThat(thrown.failure()).isEqualTo(Failure.NOT_PUBLISHED);
        assertThat(thrown).hasMessageContaining("404 Not Found");
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void otherClientErrorsAreConfig() {
        server.otherwise("/feed.json", Reply.status(400).withBody("{\"message\":\"bad filter\"}"));

        assertThatThrownBy(() -> fetcher(FAST).fetch("ercot", json(server.uri("/feed.json"))))
                .isInstanceOfSatisfying(SourceException.class,
                        thrown -> assertThat(thrown.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("400 Bad Request").hasMessageContaining("bad filter");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void followsRedirectsAndReportsTheUriFinallyAnswered() throws Exception {
        server.enqueue("/systemWidePrices.json", Reply.redirect(302, "/system-wide-prices.json"));
        server.enqueue("/system-wide-prices.json", Reply.json(JSON));

        HttpResult result = fetcher(FAST).fetch("ercot", json(server.uri("/systemWidePrices.json")));

        assertThat(result.response().uri()).isEqualTo(server.uri("/system-wide-prices.json"));
        assertThat(result.response().text()).isEqualTo(JSON);
    }

    @Test
    void budgetSpacesRequestsOfOneSource() throws Exception {
        server.otherwise("/feed.json", Reply.json(JSON));
        HttpFetcher fetcher = fetcher(FAST.withSourceRate("ercot", RequestRate.parse("2 per second")));

        for (int i = 0; i < 5; i++) {
            fetcher.fetch("ercot", json(server.uri("/feed.json")), Priority.BACKFILL);
        }
        fetcher.fetch("elexon", json(server.uri("/feed.json")));

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500),
                Duration.ofMillis(500), Duration.ofMillis(500));
        assertThat(fetcher.stats("ercot").budgetWaited()).isEqualTo(Duration.ofSeconds(2));
        assertThat(fetcher.stats("elexon").budgetWaited()).isZero();
        assertThat(server.requests()).hasSize(6);
    }

    @Test
    void secretsNeverAppearInMessages() {
        String key = "0123456789abcdef0123456789abcdef";
        String token = "eyJhbGciOiJSUzI1NiJ9.payload.signature";
        Credentials credentials = source -> Map.of(
                "Ocp-Apim-Subscription-Key", key, "Authorization", "Bearer " + token);
        server.otherwise("/api/prices", Reply.status(401)
                .withBody("{\"error_message\":\"Invalid subscription key " + key + " for token " + token + "\"}"));
        URI uri = server.uri("/api/prices?deliveryDate=2026-04-01&apikey=querysecret42");

        SourceException thrown = catchThrowableOfType(SourceException.class,
                () -> new HttpFetcher(FAST, credentials, clock, sleeper).fetch("ercot", json(uri).withAuthentication()));

        assertThat(thrown.failure()).isEqualTo(Failure.CONFIG);
        assertThat(thrown.getMessage()).contains("401 Unauthorized", "deliveryDate=2026-04-01", "apikey=***",
                "Invalid subscription key ***")
                .doesNotContain(key).doesNotContain(token).doesNotContain("querysecret42");
        RecordedRequest sent = server.requests().get(0);
        assertThat(sent.header("Ocp-Apim-Subscription-Key")).contains(key);
        assertThat(sent.header("Authorization")).contains("Bearer " + token);
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
