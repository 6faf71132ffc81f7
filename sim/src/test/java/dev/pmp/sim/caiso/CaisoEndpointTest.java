package dev.pmp.sim.caiso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.Fault;
import dev.pmp.sim.FaultKind;
import dev.pmp.sim.Simulator;
import dev.pmp.sim.SimulatorSettings;
import dev.pmp.spi.Window;
import dev.pmp.testkit.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaisoEndpointTest {
    /** 2024-11-03 12:02 PST, the fall-back day. */
    private static final Instant NOW = Instant.parse("2024-11-03T20:02:00Z");

    private final HttpClient http = HttpClient.newHttpClient();
    private ManualClock clock;
    private Simulator sim;

    @BeforeEach
    void start() throws IOException {
        clock = new ManualClock(NOW);
        sim = Simulator.start(clock, 0, SimulatorSettings.defaults(), List.of(new CaisoEndpoint()));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String oasis(String query, String start, String end) {
        return CaisoEndpoint.OASIS_PATH + "?resultformat=6&" + query + "&startdatetime=" + start + "&enddatetime=" + end;
    }

    /** The single member of a zip: name and text. */
    private static List<String> member(byte[] zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e = in.getNextEntry();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(in.getNextEntry()).isNull();
            return List.of(e.getName(), text);
        }
    }

    @Test
    void realTimeLmpOfAPublishedHourIsAZipOfOneCsv() throws Exception {
        HttpResponse<byte[]> r = get(oasis("queryname=PRC_INTVL_LMP&version=3&market_run_id=RTM&node=TH_NP15_GEN-APND,"
                + "DLAP_SCE-APND", "20241103T09:00-0000", "20241103T10:00-0000"));

        assertThat(r.statusCode()).isEqualTo(200);
        List<String> m = member(r.body());
        assertThat(m.get(0)).isEqualTo("20241103_20241103_PRC_INTVL_LMP_RTM_v3.csv");
        String[] lines = m.get(1).split("\n");
        assertThat(lines[0]).contains(",POS,VALUE,OPR_INTERVAL,");
        assertThat(lines).hasSize(1 + 12 * 2 * 5);
        // the repeated 01:00 hour (PST) is labelled OPR_HR 25
        assertThat(lines[1]).startsWith("2024-11-03T09:00:00-00:00,2024-11-03T09:05:00-00:00,2024-11-03,25,TH_NP15_GEN-APND");
        assertThat(lines[1]).contains(",LMP,LMP_PRC,").contains("," + SimPrices.lmp(0, Instant.parse("2024-11-03T09:00:00Z")) + ",");
    }

    @Test
    void anUnpublishedWindowIsErrorCode1000AndAWindowOver31DaysIs1004() throws Exception {
        List<String> none = member(get(oasis("queryname=PRC_INTVL_LMP&version=3&market_run_id=RTM&grp_type=ALL",
                "20241103T21:00-0000", "20241103T22:00-0000")).body());
        assertThat(none.get(0)).endsWith(".xml");
        assertThat(none.get(1)).contains("<m:ERR_CODE>1000</m:ERR_CODE>");

        List<String> tooLong = member(get(oasis("queryname=PRC_LMP&version=12&market_run_id=DAM&node=X",
                "20240901T07:00-0000", "20241103T07:00-0000")).body());
        assertThat(tooLong.get(1)).contains("<m:ERR_CODE>1004</m:ERR_CODE>", "31 days only");
    }

    @Test
    void dayAheadPricesOfTomorrowArePublishedAfter13Pacific() throws Exception {
        String tomorrow = oasis("queryname=PRC_LMP&version=12&market_run_id=DAM&grp_type=ALL", "20241104T08:00-0000",
                "20241105T08:00-0000");
        assertThat(member(get(tomorrow).body()).get(1)).contains("<m:ERR_CODE>1000</m:ERR_CODE>");
        clock.advance(Duration.ofHours(1));
        String csv = member(get(tomorrow).body()).get(1);
        assertThat(csv.split("\n")).hasSize(1 + 24 * OasisReports.ALL_NODES.size() * 5);
    }

    @Test
    void ancillaryAndLoadReportsAreServed() throws Exception {
        String as = member(get(oasis("queryname=PRC_AS&version=12&market_run_id=DAM&anc_type=ALL&anc_region=ALL",
                "20241103T07:00-0000", "20241104T08:00-0000")).body()).get(1);
        assertThat(as.split("\n")).hasSize(1 + 25 * 3 * 6);
        String actual = member(get(oasis("queryname=SLD_FCST&version=1&market_run_id=ACTUAL", "20241103T07:00-0000",
                "20241104T08:00-0000")).body()).get(1);
        // published two hours after the hour starts: through 18:00Z of a clock at 20:02Z
        assertThat(actual.split("\n")).hasSize(1 + 12 * 4);
        String forecast = member(get(oasis("queryname=SLD_FCST&version=1&market_run_id=7DA", "20241103T07:00-0000",
                "20241104T08:00-0000")).body()).get(1);
        assertThat(forecast).contains(",CA ISO-TAC,7DA,");
    }

    @Test
    void theFallBackDaysFuelFileListsTheRepeatedHourTwiceAndFutureRowsEmpty() throws Exception {
        HttpResponse<byte[]> r = get(CaisoEndpoint.OUTLOOK_BASE + "/history/20241103/fuelsource.csv");
        String[] lines = new String(r.body(), StandardCharsets.UTF_8).split("\r\n");

        assertThat(lines[0]).startsWith("Time,Solar,Wind,");
        assertThat(lines).hasSize(1 + 300);
        assertThat(lines[24]).startsWith("01:55,");
        assertThat(lines[25]).startsWith("01:00,");
        // 12:00 PST ended 12:05, before 12:02? no: the 12:00 row is still empty
        assertThat(lines[1 + 12 * 13 - 1]).startsWith("11:55,").doesNotEndWith(",");
        assertThat(lines[1 + 12 * 13]).isEqualTo("12:00" + ",".repeat(13));
    }

    @Test
    void theSpringDaysDemandFileListsTheSkippedHourEmpty() throws Exception {
        String[] lines = new String(get(CaisoEndpoint.OUTLOOK_BASE + "/history/20240310/demand.csv").body(),
                StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(1 + 288);
        assertThat(lines[25]).isEqualTo("02:00,,,");
        assertThat(lines[37]).startsWith("03:00,").matches("03:00,[0-9.]+,[0-9.]+,[0-9.]+");
    }

    @Test
    void aFutureDayIsHeaderOnlyAndUnknownFilesAre404() throws Exception {
        assertThat(new String(get(CaisoEndpoint.OUTLOOK_BASE + "/history/20241105/demand.csv").body(),
                StandardCharsets.UTF_8)).isEqualTo("Time,Day ahead forecast,Hour ahead forecast,Current demand\r\n");
        assertThat(get(CaisoEndpoint.OUTLOOK_BASE + "/history/20241103/other.csv").statusCode()).isEqualTo(404);
        assertThat(get("/caiso/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void variantsAndWithheldWindowsAreHonoured() throws Exception {
        String hour = oasis("queryname=PRC_RTPD_LMP&version=3&market_run_id=RTPD&node=TH_SP15_GEN-APND",
                "20241103T09:00-0000", "20241103T10:00-0000");
        sim.inject(CaisoEndpoint.OASIS_PATH, Fault.of(FaultKind.NOT_A_NUMBER), 1);
        assertThat(member(get(hour).body()).get(1).split("\n")[1]).contains(",0,abc,");
        sim.inject(CaisoEndpoint.OASIS_PATH, Fault.of(FaultKind.EMPTY_DATA), 1);
        assertThat(member(get(hour).body()).get(1)).contains("<m:ERR_CODE>1000</m:ERR_CODE>");

        sim.withhold(new Window(Instant.parse("2024-11-03T09:15:00Z"), Instant.parse("2024-11-03T09:45:00Z")));
        String csv = member(get(hour).body()).get(1);
        assertThat(csv.split("\n")).hasSize(1 + 2 * 5);
        assertThat(csv).contains(",PRC,").doesNotContain("\n2024-11-03T09:15:00-00:00");
    }
}
