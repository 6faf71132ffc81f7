package dev.pmp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.sim.ercot.EnergyStorageDashboard;
import dev.pmp.sim.ercot.ServedPayload;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimMainTest {

    @Test
    void defaultsAreAnyPortTheSystemClockAndErcotsBehaviour() {
        SimMain.Arguments arguments = SimMain.Arguments.parse();

        assertThat(arguments.port()).isZero();
        assertThat(arguments.shiftDays()).isZero();
        assertThat(arguments.settings()).isEqualTo(SimulatorSettings.defaults());
    }

    @Test
    void parsesEveryOption() {
        SimMain.Arguments arguments = SimMain.Arguments.parse("--port", "8123", "--shift-days", "-2",
                "--publication-lag-seconds", "0", "--no-fall-back-defect");

        assertThat(arguments.port()).isEqualTo(8123);
        assertThat(arguments.shiftDays()).isEqualTo(-2);
        assertThat(arguments.settings()).isEqualTo(new SimulatorSettings(Duration.ZERO, false));
        Duration shift = Duration.between(Clock.systemUTC().instant(), arguments.clock().instant());
        assertThat(shift).isBetween(Duration.ofDays(-2).minusMinutes(1), Duration.ofDays(-2).plusMinutes(1));
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> SimMain.Arguments.parse("--port")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SimMain.Arguments.parse("--port", "x")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> SimMain.Arguments.parse("--port", "70000")).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> SimMain.Arguments.parse("--verbose")).hasMessageContaining("unknown argument");
    }

    @Test
    void announcesTheBaseUriAsTheFirstLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Simulator simulator = SimMain.start(SimMain.Arguments.parse(), new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("sim listening on " + simulator.baseUri()
                    + System.lineSeparator());
        }
    }

    @Test
    void runsAsASeparateProcess() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SimMain.class.getName(), "--port", "0", "--shift-days", "3")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = stdout.readLine();
            assertThat(first).matches("sim listening on http://127\\.0\\.0\\.1:\\d+");
            URI base = URI.create(first.substring("sim listening on ".length()));

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve(EnergyStorageDashboard.PATH)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            String served = ServedPayload.parse(response.body()).lastUpdated().substring(0, 10);
            LocalDate today = LocalDate.now(EnergyStorageDashboard.MARKET_ZONE);
            assertThat(served).isIn(List.of(today.plusDays(3).toString(), today.plusDays(2).toString(),
                    today.plusDays(4).toString()));

            HttpResponse<String> armed = http.send(HttpRequest.newBuilder(base.resolve("/_sim/fault?kind=status500&count=1"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(armed.statusCode()).isEqualTo(200);
            assertThat(http.send(HttpRequest.newBuilder(base.resolve(EnergyStorageDashboard.PATH)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(500);
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
