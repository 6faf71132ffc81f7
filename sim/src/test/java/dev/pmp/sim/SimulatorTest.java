package dev.pmp.sim;

import dev.pmp.testkit.ManualClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.sim.ercot.EnergyStorageDashboard;
import dev.pmp.sim.ercot.ServedPayload;
import dev.pmp.spi.Window;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SimulatorTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ManualClock clock = new ManualClock(at("2026-11-20T15:31:00-06:00"));
    private Simulator simulator;

    @BeforeEach
    void start() throws IOException {
        simulator = Simulator.start(clock, 0);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(simulator.baseUri() + path)).GET());
    }

    private HttpResponse<byte[]> dashboard() {
        return get(EnergyStorageDashboard.PATH);
    }

    private HttpResponse<String> post(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUri() + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void servesTheDashboardAsJsonOnLoopback() {
        assertThat(simulator.baseUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(simulator.energyStorageUri().toString())
                .isEqualTo(simulator.baseUri() + "/api/1/services/read/dashboards/energy-storage-resources.json");

        HttpResponse<byte[]> response = dashboard();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        ServedPayload payload = ServedPayload.parse(response.body());
        assertThat(payload.lastUpdated()).isEqualTo("2026-11-20 15:31:00-0600");
        assertThat(payload.previousDay().rows()).hasSize(288);
        assertThat(payload.currentDay().rows()).hasSize(187);
    }

    @Test
    void followsTheInjectedClock() {
        clock.advance(Duration.ofMinutes(5));

        ServedPayload payload = ServedPayload.parse(dashboard().body());

        assertThat(payload.lastUpdated()).isEqualTo("2026-11-20 15:36:00-0600");
        assertThat(payload.currentDay().rows()).hasSize(188);
    }

    @Test
    void otherPathsAnswer404AndAreCounted() {
        assertThat(get("/api/1/services/read/dashboards/supply-demand.json").statusCode()).isEqualTo(404);
        dashboard();
        dashboard();

        assertThat(simulator.requestCounts()).isEqualTo(Map.of(
                "/api/1/services/read/dashboards/energy-storage-resources.json", 2L,
                "/api/1/services/read/dashboards/supply-demand.json", 1L));
    }

    @ParameterizedTest
    @EnumSource(FaultKind.class)
    void eachFaultLastsForItsCountThenNormalServiceResumes(FaultKind kind) {
        byte[] normal = dashboard().body();
        simulator.inject(new Fault(kind, Duration.ofMillis(200), Duration.ofSeconds(7)), 2);

        for (int i = 0; i < 2; i++) {
            assertFault(kind, normal);
        }

        HttpResponse<byte[]> after = dashboard();
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(normal);
        assertThat(simulator.requestCounts()).containsEntry(EnergyStorageDashboard.PATH, 4L);
    }

    private void assertFault(FaultKind kind, byte[] normal) {
        switch (kind) {
            case STATUS_500 -> assertThat(dashboard().statusCode()).isEqualTo(500);
            case STATUS_429 -> {
                HttpResponse<byte[]> response = dashboard();
                assertThat(response.statusCode()).isEqualTo(429);
                assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
            }
            case TIMEOUT -> {
                long started = System.nanoTime();
                HttpResponse<byte[]> response = dashboard();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
                assertThat(response.body()).isEqualTo(normal);
            }
            case HTML_200 -> {
                HttpResponse<byte[]> response = dashboard();
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/html"));
                assertThat(text(response)).startsWith("<html").contains("_Incapsula_Resource");
            }
            case TRUNCATED -> {
                HttpResponse<byte[]> response = dashboard();
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).hasSize(normal.length / 2);
                assertThat(normal).startsWith(response.body());
                assertThatThrownBy(() -> ServedPayload.parse(response.body())).isInstanceOf(UncheckedIOException.class);
            }
            case EMPTY_DATA -> {
                ServedPayload payload = ServedPayload.parse(dashboard().body());
                assertThat(payload.previousDay().rows()).isEmpty();
                assertThat(payload.currentDay().rows()).isEmpty();
            }
            case NOT_A_NUMBER -> {
                ServedPayload payload = ServedPayload.parse(dashboard().body());
                assertThat(payload.previousDay().rows().get(0).totalCharging()).isEqualTo("abc");
                assertThat(payload.previousDay().rows().get(0).chargingIsNumber()).isFalse();
            }
            case GZIP_NO_HEADER -> {
                HttpResponse<byte[]> response = dashboard();
                assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
                assertThat(response.body()[0]).isEqualTo((byte) 0x1f);
                assertThat(response.body()[1]).isEqualTo((byte) 0x8b);
                assertThat(gunzip(response.body())).isEqualTo(normal);
            }
            case GZIP -> {
                HttpResponse<byte[]> response = dashboard();
                assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
                assertThat(gunzip(response.body())).isEqualTo(normal);
            }
        }
    }

    @Test
    void aTimeoutOutlastsTheClientsTimeoutAndHoldsOnlyItsOwnRequest() throws Exception {
        simulator.inject(Fault.timeout(Duration.ofSeconds(2)), 1);
        HttpRequest slow = HttpRequest.newBuilder(simulator.energyStorageUri()).timeout(Duration.ofMillis(150)).build();
        CompletableFuture<HttpResponse<byte[]>> timedOut = HTTP.sendAsync(slow, HttpResponse.BodyHandlers.ofByteArray());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (simulator.requestCounts().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        long started = System.nanoTime();
        assertThat(dashboard().statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

        assertThat(timedOut).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void faultsArmedOneAfterAnotherComeInOrder() {
        simulator.inject(Fault.of(FaultKind.STATUS_500), 1);
        simulator.inject(Fault.of(FaultKind.HTML_200), 1);

        assertThat(dashboard().statusCode()).isEqualTo(500);
        assertThat(text(dashboard())).startsWith("<html");
        assertThat(dashboard().statusCode()).isEqualTo(200);
    }

    @Test
    void aFaultWithCountMinusOneLastsUntilCleared() {
        simulator.inject(Fault.of(FaultKind.STATUS_500), -1);

        for (int i = 0; i < 5; i++) {
            assertThat(dashboard().statusCode()).isEqualTo(500);
        }
        simulator.clearFaults();
        assertThat(dashboard().statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsAZeroCount() {
        assertThatThrownBy(() -> simulator.inject(Fault.of(FaultKind.GZIP), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withholdingLeavesTheWindowOutUntilCleared() {
        simulator.withhold(new Window(at("2026-11-20T10:00:00-06:00"), at("2026-11-20T10:30:00-06:00")));

        assertThat(ServedPayload.parse(dashboard().body()).currentDay().rows()).hasSize(181);
        simulator.clearWithheld();
        assertThat(ServedPayload.parse(dashboard().body()).currentDay().rows()).hasSize(187);
    }

    @Test
    void controlEndpointsScriptFaultsOverHttp() {
        HttpResponse<String> armed = post("/_sim/fault?kind=status429&count=2&retryAfter=3");
        assertThat(armed.statusCode()).isEqualTo(200);
        assertThat(armed.body()).contains("status429");

        HttpResponse<byte[]> limited = dashboard();
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");

        assertThat(post("/_sim/fault/clear").statusCode()).isEqualTo(200);
        assertThat(dashboard().statusCode()).isEqualTo(200);

        assertThat(post("/_sim/fault?kind=timeout&count=1&delayMs=150").statusCode()).isEqualTo(200);
        long started = System.nanoTime();
        assertThat(dashboard().statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));

        assertThat(post("/_sim/fault?kind=gzipNoHeader").statusCode()).isEqualTo(200);
        assertThat(dashboard().body()[0]).isEqualTo((byte) 0x1f);
        assertThat(dashboard().body()[0]).isEqualTo((byte) '{');
    }

    @Test
    void controlEndpointsWithholdOverHttp() {
        assertThat(post("/_sim/withhold?from=2026-11-20T16:00:00Z&to=2026-11-20T10:30:00-06:00").statusCode())
                .isEqualTo(200);
        assertThat(ServedPayload.parse(dashboard().body()).currentDay().timestamps())
                .hasSize(181).doesNotContain("2026-11-20 10:00:00-0600", "2026-11-20 10:25:00-0600");

        assertThat(post("/_sim/withhold?from=2026-11-20T00:00:00+01:00&to=2026-11-20T00:05:00%2B01:00").statusCode())
                .isEqualTo(200);
        assertThat(ServedPayload.parse(dashboard().body()).previousDay().timestamps())
                .hasSize(287).doesNotContain("2026-11-19 17:00:00-0600");

        assertThat(post("/_sim/withhold/clear").statusCode()).isEqualTo(200);
        assertThat(ServedPayload.parse(dashboard().body()).currentDay().rows()).hasSize(187);
    }

    @Test
    void controlEndpointsCountRequestsAndReset() {
        dashboard();
        dashboard();
        get("/nowhere");

        HttpResponse<byte[]> json = get("/_sim/requests");
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(text(json)).isEqualTo(
                "{\"/api/1/services/read/dashboards/energy-storage-resources.json\":2,\"/nowhere\":1}\n");
        assertThat(text(get("/_sim/requests?format=text")))
                .isEqualTo("/api/1/services/read/dashboards/energy-storage-resources.json 2\n/nowhere 1\n");

        post("/_sim/fault?kind=status500&count=-1");
        simulator.withhold(new Window(at("2026-11-20T10:00:00-06:00"), at("2026-11-20T10:30:00-06:00")));
        assertThat(post("/_sim/reset").statusCode()).isEqualTo(200);

        assertThat(text(get("/_sim/requests"))).isEqualTo("{}\n");
        HttpResponse<byte[]> afterReset = dashboard();
        assertThat(afterReset.statusCode()).isEqualTo(200);
        assertThat(ServedPayload.parse(afterReset.body()).currentDay().rows()).hasSize(187);
    }

    @Test
    void controlEndpointsRejectBadRequests() {
        HttpResponse<String> unknownKind = post("/_sim/fault?kind=meltdown");
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(unknownKind.body()).contains("meltdown", "status500", "gzipNoHeader");

        assertThat(post("/_sim/fault?kind=status500&count=0").statusCode()).isEqualTo(400);
        assertThat(post("/_sim/fault?kind=status500&count=two").statusCode()).isEqualTo(400);
        assertThat(post("/_sim/fault").statusCode()).isEqualTo(400);
        assertThat(post("/_sim/withhold?from=2026-11-20T10:00:00&to=2026-11-20T11:00:00Z").statusCode()).isEqualTo(400);
        assertThat(post("/_sim/withhold?from=2026-11-20T11:00:00Z&to=2026-11-20T10:00:00Z").statusCode()).isEqualTo(400);
        assertThat(get("/_sim/fault?kind=status500").statusCode()).isEqualTo(405);
        assertThat(post("/_sim/requests").statusCode()).isEqualTo(405);
        assertThat(get("/_sim/nothing").statusCode()).isEqualTo(404);
        assertThat(text(get("/_sim/"))).contains("POST /_sim/fault", "GET  /_sim/requests");

        assertThat(dashboard().statusCode()).isEqualTo(200);
        assertThat(simulator.requestCounts()).containsOnlyKeys(EnergyStorageDashboard.PATH);
    }

    @Test
    void onlyGetIsServedOnTheDashboard() {
        HttpResponse<String> posted = post(EnergyStorageDashboard.PATH);
        assertThat(posted.statusCode()).isEqualTo(405);
        assertThat(posted.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void fallBackDefectCanBeSwitchedOff() throws IOException {
        clock.set(at("2026-11-02T12:00:00-06:00"));
        long defective = ServedPayload.parse(dashboard().body()).previousDay().timestamps().stream()
                .filter("2026-11-01 02:00:00-0600"::equals).count();
        try (Simulator correct = Simulator.start(clock, 0, SimulatorSettings.defaults().withFallBackDefect(false))) {
            HttpResponse<byte[]> response = send(HttpRequest.newBuilder(correct.energyStorageUri()).GET());
            ServedPayload payload = ServedPayload.parse(response.body());
            assertThat(payload.previousDay().timestamps()).containsOnlyOnce("2026-11-01 02:00:00-0600")
                    .contains("2026-11-01 01:00:00-0600").hasSize(300);
        }
        assertThat(defective).isEqualTo(2);
    }

    @Test
    void closeStopsListening() throws IOException {
        Simulator other = Simulator.start(clock, 0);
        URI uri = other.energyStorageUri();
        other.close();

        assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void settingsAndFaultsValidateThemselves() {
        assertThat(SimulatorSettings.defaults())
                .isEqualTo(new SimulatorSettings(Duration.ofSeconds(60), true));
        assertThatThrownBy(() -> new SimulatorSettings(Duration.ofSeconds(-1), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fault(FaultKind.STATUS_429, Duration.ZERO, Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Fault.of(FaultKind.TIMEOUT).delay()).isEqualTo(Duration.ofSeconds(30));
        for (FaultKind kind : FaultKind.values()) {
            assertThat(FaultKind.fromWireName(kind.wireName())).hasValue(kind);
        }
        assertThat(FaultKind.fromWireName("STATUS_500")).isEmpty();
    }

    @Test
    void servesThePricesAndFuelMixDashboards() {
        HttpResponse<byte[]> prices = get(dev.pmp.sim.ercot.SystemWidePricesDashboard.PATH);
        assertThat(prices.statusCode()).isEqualTo(200);
        assertThat(text(prices)).startsWith("{\"lastUpdated\":\"2026-11-20 15:31:00-0600\",\"rtSppData\":[")
                .contains("\"intervalEnding\":\"15:30\"").doesNotContain("\"intervalEnding\":\"15:45\"");
        HttpResponse<byte[]> fuel = get(dev.pmp.sim.ercot.FuelMixDashboard.PATH);
        assertThat(fuel.statusCode()).isEqualTo(200);
        assertThat(text(fuel)).contains("\"2026-11-20 15:29:57-0600\":{").doesNotContain("2026-11-20 15:34:57");
    }

    @Test
    void aFaultAimedAtOnePathLeavesTheOthersAlone() {
        simulator.inject(dev.pmp.sim.ercot.FuelMixDashboard.PATH, Fault.of(FaultKind.STATUS_500), 1);
        assertThat(dashboard().statusCode()).isEqualTo(200);
        assertThat(get(dev.pmp.sim.ercot.SystemWidePricesDashboard.PATH).statusCode()).isEqualTo(200);
        assertThat(get(dev.pmp.sim.ercot.FuelMixDashboard.PATH).statusCode()).isEqualTo(500);
        assertThat(get(dev.pmp.sim.ercot.FuelMixDashboard.PATH).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> simulator.inject("/nope", Fault.of(FaultKind.STATUS_500), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnaimedFaultHitsWhicheverDashboardIsAskedFirst() {
        simulator.inject(Fault.of(FaultKind.STATUS_500), 2);
        assertThat(get(dev.pmp.sim.ercot.SystemWidePricesDashboard.PATH).statusCode()).isEqualTo(500);
        assertThat(get(dev.pmp.sim.ercot.FuelMixDashboard.PATH).statusCode()).isEqualTo(500);
        assertThat(dashboard().statusCode()).isEqualTo(200);
    }

    @Test
    void aFaultCanBeAimedOverHttp() {
        assertThat(post("/_sim/fault?kind=status500&path=" + dev.pmp.sim.ercot.FuelMixDashboard.PATH).body())
                .contains("to /api/1/services/read/dashboards/fuel-mix.json");
        assertThat(dashboard().statusCode()).isEqualTo(200);
        assertThat(get(dev.pmp.sim.ercot.FuelMixDashboard.PATH).statusCode()).isEqualTo(500);
    }
}
