package dev.pmp.source.ercot.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Row;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recorded pit-lake samples: row counts, exact values, UTC instants of first and last rows, types. */
class ReportGoldenTest {

    static byte[] resource(String path) throws IOException {
        try (InputStream in = ReportGoldenTest.class.getResourceAsStream("/ercot/reports/" + path)) {
            return in.readAllBytes();
        }
    }

    static ReportRows csv(ErcotReport report, String file) throws Exception {
        return ReportParser.parseCsv(report, file, resource("archive/" + file));
    }

    static ReportRows api(ErcotReport report, String file) throws Exception {
        return ReportParser.parseApiPage(report, file, resource("api/" + file));
    }

    private static void fits(ErcotReport report, List<Row> rows) {
        for (Row r : rows) {
            assertThat(report.dataset().schema().problemWith(r)).isNull();
        }
    }

    @Test
    void realTimeSpp() throws Exception {
        ReportRows r = csv(ErcotReport.NP6_905_CD, "np6-905-cd.csv");
        assertThat(r.rows()).hasSize(28);
        assertThat(r.notes()).isEmpty();
        fits(ErcotReport.NP6_905_CD, r.rows());
        // 09/29/2026 hour 12 interval 1 = 11:00 CDT = 16:00Z
        assertThat(r.rows().get(0)).isEqualTo(Row.of(Instant.parse("2026-09-29T16:00:00Z"),
                Instant.parse("2026-09-29T16:15:00Z"), "7RNCHSLR_ALL", "RN", 22.42, "node"));
        assertThat(r.rows().get(27)).isEqualTo(Row.of(Instant.parse("2026-09-29T16:00:00Z"),
                Instant.parse("2026-09-29T16:15:00Z"), "LZ_WEST", "LZEW", 20.12, "load_zone"));
        assertThat(r.rows().stream().filter(x -> x.text(2).equals("LZ_WEST")).count()).isEqualTo(2);
    }

    @Test
    void dayAheadSpp() throws Exception {
        ReportRows r = csv(ErcotReport.NP4_190_CD, "np4-190-cd.csv");
        assertThat(r.rows()).hasSize(40);
        fits(ErcotReport.NP4_190_CD, r.rows());
        assertThat(r.rows().get(0)).isEqualTo(Row.of(Instant.parse("2026-09-29T05:00:00Z"),
                Instant.parse("2026-09-29T06:00:00Z"), "7RNCHSLR_ALL", 28.4, "node"));
        assertThat(r.rows().get(39)).isEqualTo(Row.of(Instant.parse("2026-09-29T06:00:00Z"),
                Instant.parse("2026-09-29T07:00:00Z"), "LZ_WEST", 23.03, "load_zone"));
    }

    @Test
    void dayAheadMcpc() throws Exception {
        ReportRows r = csv(ErcotReport.NP4_188_CD, "np4-188-cd.csv");
        assertThat(r.rows()).hasSize(10);
        fits(ErcotReport.NP4_188_CD, r.rows());
        assertThat(r.rows().get(0)).isEqualTo(Row.of(Instant.parse("2026-09-29T05:00:00Z"),
                Instant.parse("2026-09-29T06:00:00Z"), "RRS", 0.19));
        assertThat(r.rows().stream().map(x -> x.text(2)).distinct().toList())
                .containsExactlyInAnyOrder("RRS", "NSPIN", "REGDN", "REGUP", "ECRS");
    }

    @Test
    void loadByWeatherZone() throws Exception {
        ReportRows r = csv(ErcotReport.NP6_345_CD, "np6-345-cd.csv");
        assertThat(r.rows()).containsExactly(
                Row.of(Instant.parse("2026-09-28T05:00:00Z"), Instant.parse("2026-09-28T06:00:00Z"), 15634.67, 1931.13,
                        7675.68, 1686.86, 16704.14, 5028.49, 9970.70, 1840.18, 60471.86),
                Row.of(Instant.parse("2026-09-28T06:00:00Z"), Instant.parse("2026-09-28T07:00:00Z"), 14993.85, 1836.59,
                        7495.04, 1600.82, 15796.55, 4667.26, 9410.17, 1958.88, 57759.15));
        assertThat(api(ErcotReport.NP6_345_CD, "np6-345-cd.json").rows()).isEqualTo(r.rows());
    }

    @Test
    void systemLambdaNewHeader() throws Exception {
        ReportRows r = csv(ErcotReport.NP6_322_CD, "np6-322-cd.csv");
        assertThat(r.rows()).containsExactly(Row.of(Instant.parse("2026-09-29T16:25:00Z"),
                Instant.parse("2026-09-29T16:25:17Z"), null, 23.88898, 23.88898));
        fits(ErcotReport.NP6_322_CD, r.rows());
    }

    @Test
    void lmpPerScedRun() throws Exception {
        ReportRows r = csv(ErcotReport.NP6_788_CD, "np6-788-cd.csv");
        assertThat(r.rows()).hasSize(20);
        fits(ErcotReport.NP6_788_CD, r.rows());
        assertThat(r.rows().get(0)).isEqualTo(Row.of(Instant.parse("2026-09-29T16:25:00Z"),
                Instant.parse("2026-09-29T16:25:17Z"), "7RNCHSLR_ALL", 30.72));
        assertThat(r.rows().get(19)).isEqualTo(Row.of(Instant.parse("2026-09-29T16:25:00Z"),
                Instant.parse("2026-09-29T16:25:17Z"), "LZ_WEST", 15.11));
    }

    @Test
    void apiPages() throws Exception {
        ReportRows rt = api(ErcotReport.NP6_905_CD, "np6-905-cd.json");
        assertThat(rt.rows()).hasSize(56);
        assertThat(rt.notes()).isEmpty();
        assertThat(rt.rows().get(0)).isEqualTo(Row.of(Instant.parse("2026-09-28T05:00:00Z"),
                Instant.parse("2026-09-28T05:15:00Z"), "LGE_LGE_STG", "PCCRN", 45.05, "node"));
        assertThat(rt.rows().get(55)).isEqualTo(Row.of(Instant.parse("2026-09-28T05:15:00Z"),
                Instant.parse("2026-09-28T05:30:00Z"), "LZ_WEST", "LZ", 48.42, "load_zone"));

        ReportRows dam = api(ErcotReport.NP4_190_CD, "np4-190-cd.json");
        assertThat(dam.rows()).hasSize(40);
        assertThat(dam.rows().get(0)).isEqualTo(Row.of(Instant.parse("2026-09-28T05:00:00Z"),
                Instant.parse("2026-09-28T06:00:00Z"), "7RNCHSLR_ALL", 42.42, "node"));
        assertThat(dam.rows().get(39)).isEqualTo(Row.of(Instant.parse("2026-09-28T06:00:00Z"),
                Instant.parse("2026-09-28T07:00:00Z"), "LZ_WEST", 44.98, "load_zone"));

        ReportRows mcpc = api(ErcotReport.NP4_188_CD, "np4-188-cd.json");
        assertThat(mcpc.rows()).hasSize(10);
        assertThat(mcpc.rows().get(9)).isEqualTo(Row.of(Instant.parse("2026-09-03T06:00:00Z"),
                Instant.parse("2026-09-03T07:00:00Z"), "ECRS", 0.28));

        ReportRows lambda = api(ErcotReport.NP6_322_CD, "np6-322-cd.json");
        assertThat(lambda.rows()).containsExactly(
                Row.of(Instant.parse("2026-09-15T04:55:00Z"), Instant.parse("2026-09-15T04:55:17Z"), null, 26.36843,
                        26.36843),
                Row.of(Instant.parse("2026-09-15T04:50:00Z"), Instant.parse("2026-09-15T04:50:17Z"), null, 26.149, 26.149));

        ReportRows lmp = api(ErcotReport.NP6_788_CD, "np6-788-cd.json");
        assertThat(lmp.rows()).hasSize(40);
        assertThat(lmp.rows().get(0)).isEqualTo(Row.of(Instant.parse("2026-09-28T17:10:00Z"),
                Instant.parse("2026-09-28T17:10:18Z"), "DC_L", 118.49));
        assertThat(lmp.rows().get(39)).isEqualTo(Row.of(Instant.parse("2026-09-28T17:05:00Z"),
                Instant.parse("2026-09-28T17:05:19Z"), "LZ_WEST", 36.88));
    }

    @Test
    void datasetIds() {
        assertThat(List.of(ErcotReport.values()).stream().map(r -> r.dataset().id()).toList()).containsExactly(
                "ercot.spp_real_time_15min", "ercot.spp_day_ahead_hourly",
                "ercot.as_prices_day_ahead", "ercot.as_prices_real_time_15min", "ercot.load_by_weather_zone",
                "ercot.load_by_forecast_zone", "ercot.system_lambda", "ercot.lmp_sced",
                "ercot.dam_gen_resources_60d", "ercot.dam_load_resources_60d", "ercot.dam_esr_60d",
                "ercot.sced_gen_resources_60d", "ercot.sced_load_resources_60d", "ercot.sced_esr_60d",
                "ercot.sced_smne_60d", "ercot.cop_snapshot_60d");
        assertThat(ErcotReport.NP6_905_CD.dataset().schema().naturalKey())
                .containsExactly("interval_start_utc", "settlement_point", "settlement_point_type");
        assertThat(ErcotReport.NP6_788_CD.dataset().schema().naturalKey()).containsExactly("time_utc", "sced_time_utc",
                "settlement_point");
        assertThat(ErcotReport.NP6_905_CD.dataset().schema().column("price_usd_per_mwh").description())
                .contains("SettlementPointPrice");
        assertThat(ErcotReport.NP6_905_CD.dataset().schema().column("price_usd_per_mwh").unit()).isEqualTo("$/MWh");
    }
}
