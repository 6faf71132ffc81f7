package dev.pmp.sim.miso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimRequest.Variant;
import dev.pmp.sim.SimResponse;
import dev.pmp.spi.Window;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MisoEndpointTest {

    /** 16:47:30 EST on 2026-10-02. */
    private static final Instant NOW = Instant.parse("2026-10-02T21:47:30Z");
    private final MisoEndpoint endpoint = new MisoEndpoint();

    private SimResponse get(String path, Instant now, List<Window> withheld, Variant variant) {
        return endpoint.answer(new SimRequest(path, Map.of(), Map.of(), now, withheld, variant));
    }

    private String body(String path) {
        SimResponse r = get(path, NOW, List.of(), Variant.NORMAL);
        assertThat(r.status()).isEqualTo(200);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void servesUnderTheMisoPrefixAndAnswers404Elsewhere() {
        assertThat(endpoint.prefix()).isEqualTo("/miso/");
        assertThat(get("/miso/api/Nothing", NOW, List.of(), Variant.NORMAL).status()).isEqualTo(404);
        assertThat(get("/miso/marketreports/20261001_da_bc.xls", NOW, List.of(), Variant.NORMAL).status()).isEqualTo(404);
        assertThat(get("/miso/marketreports/2026100x_da_expost_lmp.csv", NOW, List.of(), Variant.NORMAL).status())
                .isEqualTo(404);
    }

    @Test
    void csatHasActualsUpToTheLastCompleteQuarterThenIrregularForecasts() {
        String csat = body("/miso/api/CsatSupplyDemand");
        assertThat(csat).startsWith("[{\"id\":1,\"timeEst\":\"2026-10-02T00:00:00\",\"demand\":");
        // 16:30 is the last complete quarter at 16:47:30; 16:45 is the first forecast.
        assertThat(csat).contains("\"id\":67,\"timeEst\":\"2026-10-02T16:30:00\",\"demand\":");
        assertThat(csat).contains("\"id\":68,\"timeEst\":\"2026-10-02T16:45:00\",\"demand\":null");
        assertThat(csat).contains("\"timeEst\":\"2026-10-02T18:30:00\"").contains("\"timeEst\":\"2026-10-02T19:00:00\"")
                .doesNotContain("\"timeEst\":\"2026-10-02T19:15:00\"").contains("\"timeEst\":\"2026-10-02T21:00:00\"")
                .doesNotContain("\"timeEst\":\"2026-10-02T21:30:00\"").contains("\"timeEst\":\"2026-10-02T23:00:00\"");
        assertThat(csat.split("\"id\":").length - 1).isEqualTo(81);
    }

    @Test
    void withheldQuartersAreLeftOutAndVariantsApply() {
        Window withheld = Window.of(Instant.parse("2026-10-02T05:15:00Z"), Duration.ofMinutes(15));
        String csat = new String(get("/miso/api/CsatSupplyDemand", NOW, List.of(withheld), Variant.NORMAL).body(),
                StandardCharsets.UTF_8);
        assertThat(csat).doesNotContain("2026-10-02T00:15:00").contains("2026-10-02T00:30:00");
        assertThat(new String(get("/miso/api/CsatSupplyDemand", NOW, List.of(), Variant.EMPTY_DATA).body(),
                StandardCharsets.UTF_8)).isEqualTo("[]");
        assertThat(new String(get("/miso/api/FuelMix", NOW, List.of(), Variant.NOT_A_NUMBER).body(),
                StandardCharsets.UTF_8)).contains("\"ACT\":\"abc\"");
    }

    @Test
    void publicApiShapes() {
        String fuel = body("/miso/api/FuelMix");
        assertThat(fuel).startsWith("{\"RefId\":\"02-Oct-2026 - Interval 16:40 EST\",\"TotalMW\":\"")
                .contains("\"INTERVALEST\":\"2026-10-02 4:40:00 PM\",\"CATEGORY\":\"Coal\"");
        String load = body("/miso/api/RealTimeTotalLoad");
        assertThat(load).contains("{\"Load\":{\"Time\":\"00:00\",\"Value\":\"").contains("{\"Load\":{\"Time\":\"16:40\"")
                .doesNotContain("\"Time\":\"16:45\"");
        assertThat(body("/miso/api/MarketPricing/GetAncillaryServicesMcp")).contains("\"MktDay\":\"10-02-2026\"")
                .contains("\"HourAndMin\":\"16:40\"").contains("\"StrMcp\":");
        assertThat(body("/miso/api/MarketPricing/GetRealTimeFiveMinExPost/Rolling"))
                .startsWith("{\"headers\":[\"INTERVAL\",\"CPNODE\",\"LMP\",\"MLC\",\"MCC\"],\"data\":[[\"2026-10-02T00:00:00\"");
        assertThat(body("/miso/api/CsatNextDayShortTermReserveRequirement"))
                .contains("\"forecastPeakHourEst\":\"2026-10-03T13:00:00\",\"region\":\"South\"");
    }

    @Test
    void reportsFollowTheRecordedLayoutAndPublicationTimes() {
        String da = body("/miso/marketreports/20261003_da_expost_lmp.csv");
        List<String> lines = da.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Day Ahead Market ExPost LMPs");
        assertThat(lines.get(1)).isEqualTo("10/03/2026");
        assertThat(lines.get(4)).startsWith("Node,Type,Value,HE 1,HE 2,").endsWith(",HE 24");
        assertThat(lines).hasSize(5 + 66);
        assertThat(lines.get(5)).startsWith("AECI,Interface,LMP,");
        assertThat(lines.get(27)).startsWith("AECI,Interface,MCC,");
        // The day-ahead file of D appears at 00:00 EST of D-1; the final real-time one 5 days after D.
        assertThat(get("/miso/marketreports/20261004_da_expost_lmp.csv", NOW, List.of(), Variant.NORMAL).status())
                .isEqualTo(404);
        assertThat(get("/miso/marketreports/20260926_rt_lmp_final.csv", NOW, List.of(), Variant.NORMAL).status())
                .isEqualTo(200);
        assertThat(get("/miso/marketreports/20260927_rt_lmp_final.csv", NOW, List.of(), Variant.NORMAL).status())
                .isEqualTo(404);
        Window hour = Window.of(Instant.parse("2026-09-01T10:00:00Z"), Duration.ofHours(1));
        assertThat(get("/miso/marketreports/20260901_da_expost_lmp.csv", NOW, List.of(hour), Variant.NORMAL).status())
                .isEqualTo(404);
        assertThat(new String(get("/miso/marketreports/20260901_da_expost_lmp.csv", NOW, List.of(), Variant.NOT_A_NUMBER)
                .body(), StandardCharsets.UTF_8)).contains("AECI,Interface,LMP,abc,");
    }

    @Test
    void ancillaryMcpFilesAndWeeklyArchives() throws Exception {
        List<String> mcp = body("/miso/marketreports/20261001_asm_expost_damcp.csv").lines().toList();
        assertThat(mcp.get(0)).isEqualTo("Dayahead Market MCPs.");
        assertThat(mcp.get(4)).startsWith(",,MCP Type,HE 1,");
        assertThat(mcp.get(5)).startsWith("Zone 1,,Regulation,");
        assertThat(mcp.get(5 + 48)).isEmpty();
        assertThat(mcp).anySatisfy(l -> assertThat(l).startsWith("Pnode,Zone,MCP Type,HE 1"));
        assertThat(get("/miso/marketreports/20260928_asm_rtmcp_final.csv", NOW, List.of(), Variant.NORMAL).status())
                .isEqualTo(404);
        SimResponse zip = get("/miso/marketreports/20260928_5MIN_LMP.zip", NOW, List.of(), Variant.NORMAL);
        assertThat(zip.status()).isEqualTo(200);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            assertThat(in.getNextEntry()).isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(lines.get(4)).isEqualTo("MKTHOUR_EST,PNODENAME,LMP,CON_LMP,LOSS_LMP");
            assertThat(lines.get(5)).startsWith("09/14/2026 00:00,AMIL.RICHLAND,");
            assertThat(lines).hasSize(5 + 2016 * 11 + 1);
        }
        // Not a Monday, and a Monday not yet reached.
        assertThat(get("/miso/marketreports/20260929_5MIN_LMP.zip", NOW, List.of(), Variant.NORMAL).status()).isEqualTo(404);
        assertThat(get("/miso/marketreports/20261005_5MIN_LMP.zip", NOW, List.of(), Variant.NORMAL).status()).isEqualTo(404);
    }

    @Test
    void numbersAreWrittenLikeMiso() {
        assertThat(MisoCurves.reportNumber(2717)).isEqualTo("27.17");
        assertThat(MisoCurves.reportNumber(61)).isEqualTo(".61");
        assertThat(MisoCurves.reportNumber(-79)).isEqualTo("-.79");
        assertThat(MisoCurves.reportNumber(-700)).isEqualTo("-7");
        assertThat(MisoCurves.reportNumber(2610)).isEqualTo("26.1");
        assertThat(MisoCurves.reportNumber(0)).isEqualTo("0");
        assertThat(MisoCurves.apiNumber(-295)).isEqualTo("-2.95");
        assertThat(MisoCurves.apiNumber(0)).isEqualTo("0.00");
    }

    @Test
    void fuelsSumToLoad() {
        Instant t = Instant.parse("2026-10-02T21:40:00Z");
        long sum = 0;
        for (int i = 0; i < MisoCurves.FUELS.size(); i++) {
            sum += MisoCurves.fuel(i, t);
        }
        assertThat(sum).isEqualTo(MisoCurves.load(t));
        assertThat(MisoCurves.committed(t)).isGreaterThan(MisoCurves.load(t));
    }
}
