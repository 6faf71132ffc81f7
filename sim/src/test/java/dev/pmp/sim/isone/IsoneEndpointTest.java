package dev.pmp.sim.isone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.Fault;
import dev.pmp.sim.FaultKind;
import dev.pmp.sim.SimulatorSettings;
import dev.pmp.sim.Simulator;
import dev.pmp.spi.Window;
import dev.pmp.testkit.ManualClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IsoneEndpointTest {
    /** 2024-11-03 10:30 EST, the fall-back day. */
    private static final Instant NOW = Instant.parse("2024-11-03T15:30:00Z");
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newHttpClient();
    private ManualClock clock;
    private Simulator sim;

    @BeforeEach
    void start() throws IOException {
        clock = new ManualClock(NOW);
        sim = Simulator.start(clock, 0, SimulatorSettings.defaults(), List.of(new IsoneEndpoint("u", "p")));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(sim.uri(path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiWantsBasicCredentials() throws Exception {
        assertThat(get("/isone/api/hourlysysload/day/20241103").statusCode()).isEqualTo(401);
        assertThat(get("/isone/api/hourlysysload/day/20241103", "Authorization", "Basic d3Jvbmc6d3Jvbmc=").statusCode())
                .isEqualTo(401);
        HttpResponse<String> ok = get("/isone/api/hourlysysload/day/20241103", "Authorization", BASIC);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).contains("application/json");
        // 00:00 EDT to 09:00 EST have ended by 10:30 EST: 11 hours, 01:00 twice.
        assertThat(ok.body()).startsWith("{\"HourlySystemLoads\":{\"HourlySystemLoad\":[{\"BeginDate\":\"2024-11-03T00:00:00.000-04:00\"")
                .contains("\"2024-11-03T01:00:00.000-04:00\"", "\"2024-11-03T01:00:00.000-05:00\"")
                .doesNotContain("\"2024-11-03T10:00:00.000-05:00\"");
        assertThat(ok.body().split("BeginDate", -1)).hasSize(12);
        assertThat(ok.body()).contains("\"Load\":" + IsoneSeries.load(Instant.parse("2024-11-03T04:00:00Z")));
    }

    @Test
    void withheldHoursAndVariantsAreLeftOut() throws Exception {
        sim.withhold(new Window(Instant.parse("2024-11-03T05:00:00Z"), Instant.parse("2024-11-03T07:00:00Z")));
        assertThat(get("/isone/api/hourlysysload/day/20241103", "Authorization", BASIC).body().split("BeginDate", -1))
                .hasSize(10);
        sim.inject("/isone/", Fault.of(FaultKind.EMPTY_DATA), 1);
        assertThat(get("/isone/api/hourlysysload/day/20241103", "Authorization", BASIC).body())
                .isEqualTo("{\"HourlySystemLoads\":\"\"}");
        sim.inject("/isone/", Fault.of(FaultKind.NOT_A_NUMBER), 1);
        assertThat(get("/isone/api/hourlysysload/day/20241103", "Authorization", BASIC).body()).contains("\"Load\":\"N/A\"");
    }

    @Test
    void finalRealTimePricesComeDaysAfterThePreliminaryOnes() throws Exception {
        assertThat(get("/isone/api/hourlylmp/rt/final/day/20241103", "Authorization", BASIC).body())
                .isEqualTo("{\"HourlyLmps\":\"\"}");
        assertThat(get("/isone/api/hourlylmp/rt/prelim/day/20241103", "Authorization", BASIC).body())
                .contains("\"@LocType\":\"HUB\"");
        assertThat(get("/isone/api/hourlylmp/da/final/day/20241102", "Authorization", BASIC).body().split("BeginDate", -1))
                .hasSize(24 * 3 + 1);
    }

    @Test
    void theCsvWantsTheSessionCookieAndAReferer() throws Exception {
        String csv = "/isone/express/static-transform/csv/histRpts/da-lmp/WW_DALMP_ISO_20241103.csv";
        assertThat(get(csv).statusCode()).isEqualTo(403);
        HttpResponse<String> landing = get("/isone/express/isoexpress/web/reports/operations/-/tree/gen-fuel-mix");
        assertThat(landing.statusCode()).isEqualTo(200);
        String cookie = landing.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(cookie).startsWith("JSESSIONID=sim-");
        assertThat(get(csv, "Cookie", cookie).statusCode()).isEqualTo(403);
        assertThat(get(csv, "Cookie", "JSESSIONID=forged", "Referer", "x").statusCode()).isEqualTo(403);
        HttpResponse<String> ok = get(csv, "Cookie", cookie, "Referer", sim.uri("/isone/express/x").toString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).contains("text/csv");
        String[] lines = ok.body().split("\r\n");
        assertThat(lines).hasSize(6 + 25 * 3 + 1);
        assertThat(lines[0]).isEqualTo("\"C\",\"Day-Ahead Energy Market Hourly LMP Report\"");
        assertThat(lines[6]).startsWith("\"D\",\"11/03/2024\",\"01\",\"4000\",\".H.INTERNAL_HUB\",\"HUB\",");
        assertThat(lines[12]).startsWith("\"D\",\"11/03/2024\",\"02X\",\"4000\"");
        assertThat(lines[lines.length - 1]).isEqualTo("\"T\",\"82\"");
    }

    @Test
    void dayAheadPricesAppearAt1300TheDayBefore() throws Exception {
        clock.set(Instant.parse("2024-11-02T16:59:00Z"));
        assertThat(get("/isone/api/hourlylmp/da/final/day/20241103", "Authorization", BASIC).body())
                .isEqualTo("{\"HourlyLmps\":\"\"}");
        clock.advance(Duration.ofMinutes(1));
        assertThat(get("/isone/api/hourlylmp/da/final/day/20241103", "Authorization", BASIC).body().split("BeginDate", -1))
                .hasSize(25 * 3 + 1);
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        assertThat(get("/isone/api/genfuelmix/day/20241103", "Authorization", BASIC).statusCode()).isEqualTo(404);
        assertThat(get("/isone/api/hourlylmp/da/prelim/day/20241103", "Authorization", BASIC).statusCode()).isEqualTo(404);
    }
}
