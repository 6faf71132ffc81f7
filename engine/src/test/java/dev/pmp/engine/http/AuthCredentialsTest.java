package dev.pmp.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pmp.spi.Auth;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.http.FixtureServer;
import dev.pmp.testkit.http.Reply;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthCredentialsTest {

    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    private static final String PASSWORD = "hunter2-very-secret";
    private static final String KEY = "subscription-key-0123456789";

    private FixtureServer server;
    private ManualClock clock;

    @BeforeEach
    void start() {
        server = FixtureServer.start();
        clock = new ManualClock(NOW);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Auth.BearerToken bearer() {
        return new Auth.BearerToken(server.uri("/token"), Map.of("grant_type", "password", "username", "ops",
                "password", PASSWORD), "id_token", Duration.ofMinutes(55), Map.of("Ocp-Apim-Subscription-Key", KEY));
    }

    private AuthCredentials credentials(Auth auth) {
        return new AuthCredentials(Map.of("ercot", auth), clock, Duration.ofSeconds(5));
    }

    @Test
    void bearerTokenIsFetchedOnceCachedAndRenewedBeforeItExpires() throws Exception {
        server.enqueue("/token", Reply.json("{\"id_token\":\"tok-1\",\"expires_in\":\"3600\"}"),
                Reply.json("{\"id_token\":\"tok-2\",\"expires_in\":\"3600\"}"));
        AuthCredentials credentials = credentials(bearer());

        Map<String, String> first = credentials.headers("ercot");
        clock.advance(Duration.ofMinutes(30));
        Map<String, String> second = credentials.headers("ercot");
        clock.advance(Duration.ofMinutes(25));
        Map<String, String> third = credentials.headers("ercot");

        assertThat(first).containsEntry("Authorization", "Bearer tok-1").containsEntry("Ocp-Apim-Subscription-Key", KEY);
        assertThat(second).isEqualTo(first);
        // 55 minutes configured, renewed a minute early: the third call signs in again.
        assertThat(third).containsEntry("Authorization", "Bearer tok-2");
        assertThat(server.requests("/token")).hasSize(2)
                .allSatisfy(r -> assertThat(r.method()).isEqualTo("POST"));
        assertThat(credentials.headers("caiso")).isEmpty();
    }

    @Test
    void shorterExpiresInWinsOverTheConfiguredLifetime() throws Exception {
        server.enqueue("/token", Reply.json("{\"id_token\":\"a\",\"expires_in\":600}"),
                Reply.json("{\"id_token\":\"b\",\"expires_in\":600}"));
        AuthCredentials credentials = credentials(bearer());
        credentials.headers("ercot");
        clock.advance(Duration.ofMinutes(9).plusSeconds(1));
        assertThat(credentials.headers("ercot")).containsEntry("Authorization", "Bearer b");
    }

    @Test
    void rejectedTokenIsDroppedAndTheNextCallSignsInAgain() throws Exception {
        server.enqueue("/token", Reply.json("{\"id_token\":\"old\"}"), Reply.json("{\"id_token\":\"new\"}"));
        AuthCredentials credentials = credentials(bearer());
        credentials.headers("ercot");
        credentials.rejected("ercot");
        assertThat(credentials.headers("ercot")).containsEntry("Authorization", "Bearer new");
    }

    @Test
    void refusedSignInIsAConfigFailureThatHidesThePassword() {
        server.enqueue("/token", Reply.status(400).withBody(
                "{\"error\":\"invalid_grant\",\"error_description\":\"bad password " + PASSWORD + "\"}"));
        SourceException thrown = catchThrowableOfType(SourceException.class,
                () -> credentials(bearer()).headers("ercot"));
        assertThat(thrown.failure()).isEqualTo(Failure.CONFIG);
        assertThat(thrown.getMessage()).contains("ercot sign-in", "400", "invalid_grant", "bad password ***")
                .doesNotContain(PASSWORD);
    }

    @Test
    void signInAnswerWithoutTheTokenFieldIsAConfigFailure() {
        server.enqueue("/token", Reply.json("{\"access_token\":\"x\"}"));
        SourceException thrown = catchThrowableOfType(SourceException.class,
                () -> credentials(bearer()).headers("ercot"));
        assertThat(thrown.failure()).isEqualTo(Failure.CONFIG);
        assertThat(thrown.getMessage()).contains("without a \"id_token\" field");
    }

    @Test
    void tokenEndpointOutageIsTransient() {
        server.enqueue("/token", Reply.status(503));
        SourceException thrown = catchThrowableOfType(SourceException.class,
                () -> credentials(bearer()).headers("ercot"));
        assertThat(thrown.failure()).isEqualTo(Failure.TRANSIENT);
    }

    @Test
    void basicAndFixedHeaders() throws Exception {
        AuthCredentials credentials = new AuthCredentials(Map.of("isone", new Auth.Basic("user", "pw"),
                "x", new Auth.Headers(Map.of("X-Key", "k"))), clock, Duration.ofSeconds(5));
        String expected = Base64.getEncoder().encodeToString("user:pw".getBytes(StandardCharsets.UTF_8));
        assertThat(credentials.headers("isone")).containsExactly(Map.entry("Authorization", "Basic " + expected));
        assertThat(credentials.headers("x")).containsExactly(Map.entry("X-Key", "k"));
    }

    @Test
    void sessionCookiesComeFromTheLandingPage() throws Exception {
        server.enqueue("/landing", Reply.ok("text/html", "<html></html>".getBytes(StandardCharsets.UTF_8))
                .withHeader("Set-Cookie", "JSESSIONID=abc123; Path=/; HttpOnly"));
        AuthCredentials credentials = credentials(new Auth.Session(server.uri("/landing"), Duration.ofMinutes(20)));
        assertThat(credentials.headers("ercot")).containsExactly(Map.entry("Cookie", "JSESSIONID=abc123"));
        assertThat(credentials.headers("ercot")).containsExactly(Map.entry("Cookie", "JSESSIONID=abc123"));
        assertThat(server.requests("/landing")).hasSize(1);
    }

    @Test
    void fetcherSignsInAgainOnceAfterA401AndOnlyForAuthenticatedRequests() throws Exception {
        server.enqueue("/token", Reply.json("{\"id_token\":\"stale\"}"), Reply.json("{\"id_token\":\"fresh\"}"));
        server.enqueue("/api/data", Reply.status(401), Reply.json("{\"data\":[]}"));
        server.enqueue("/public", Reply.json("{}"));
        HttpSettings settings = HttpSettings.defaults().withRetries(2, Duration.ofMillis(1), 2.0, Duration.ofMillis(1))
                .withDefaultRate(RequestRate.of(1000, Duration.ofSeconds(1)));
        HttpFetcher fetcher = new HttpFetcher(settings, credentials(bearer()), clock, new RecordingSleeper(clock));

        HttpResult api = fetcher.fetch("ercot", FetchRequest.get(server.uri("/api/data")).withAuthentication());
        fetcher.fetch("ercot", FetchRequest.get(server.uri("/public")));

        assertThat(api.response().text()).isEqualTo("{\"data\":[]}");
        assertThat(server.requests("/api/data")).extracting(r -> r.header("Authorization").orElse(""))
                .containsExactly("Bearer stale", "Bearer fresh");
        assertThat(server.requests("/public").get(0).header("Authorization")).isEmpty();
        assertThat(server.requests("/public").get(0).header("Ocp-Apim-Subscription-Key")).isEmpty();
    }

    @Test
    void namedBudgetsArePacedApart() throws Exception {
        server.otherwise("/catalogue", Reply.json("{}"));
        server.otherwise("/datastore", Reply.json("{}"));
        HttpSettings settings = HttpSettings.defaults()
                .withSourceRate("neso", RequestRate.parse("100 per second"))
                .withSourceRate("neso/datastore", RequestRate.parse("2 per minute"));
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        HttpFetcher fetcher = new HttpFetcher(settings, Credentials.none(), clock, sleeper);
        URI datastore = server.uri("/datastore");
        for (int i = 0; i < 3; i++) {
            fetcher.fetch("neso", FetchRequest.get(datastore).withBudget("datastore"));
            fetcher.fetch("neso", FetchRequest.get(server.uri("/catalogue")));
        }
        assertThat(fetcher.stats("neso/datastore").budgetWaited()).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(fetcher.stats("neso").budgetWaited()).isLessThan(Duration.ofSeconds(1));
    }
}
