package dev.pmp.source.ercot.api;

import static dev.pmp.source.ercot.api.ApiPayloads.SETTINGS;
import static dev.pmp.source.ercot.api.ApiPayloads.ascii;
import static dev.pmp.source.ercot.api.ApiPayloads.response;
import static dev.pmp.source.ercot.api.ApiPayloads.zip;
import static dev.pmp.source.ercot.api.ReportFeedTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.source.ercot.report.ErcotReport;
import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.Window;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 60-day disclosures. The DAM Gen Resource rows are the recorded excerpt (see
 * {@code disclosures/PROVENANCE.md}); the SCED and ESR files, and every DST day, are synthesised from the
 * documented headers and label styles (README sections 1.1 and 3.8), since no complete file was found.
 */
class DisclosureFeedTest {

    private static final ZoneId CT = ZoneId.of("America/Chicago");
    private static final DisclosureFeed DAM = new DisclosureFeed(DisclosureFeed.Kind.DAM_GEN, SETTINGS);
    private static final DisclosureFeed DAM_ESR = new DisclosureFeed(DisclosureFeed.Kind.DAM_ESR, SETTINGS);
    private static final DisclosureFeed SCED = new DisclosureFeed(DisclosureFeed.Kind.SCED_GEN, SETTINGS);
    private static final DisclosureFeed SCED_ESR = new DisclosureFeed(DisclosureFeed.Kind.SCED_ESR, SETTINGS);

    private static final String SCED_GEN_HEADER = "\"SCED Time Stamp\",\"Repeated Hour Flag\",\"QSE\",\"DME\","
            + "\"Resource Name\",\"Resource Type\",\"SCED1 Curve-MW1\",\"SCED1 Curve-Price1\",\"Output Schedule\",\"HSL\","
            + "\"HASL\",\"HDL\",\"LSL\",\"LASL\",\"LDL\",\"Telemetered Resource Status\",\"Base Point\","
            + "\"Telemetered Net Output \",\"Ancillary Service REGUP\",\"Ancillary Service REGDN\",\"Ancillary Service RRS\","
            + "\"Ancillary Service RRSFFR\",\"Ancillary Service NSRS\",\"Ancillary Service ECRS\",\"Bid_Type\","
            + "\"Proxy Extension\"\r\n";
    private static final String ESR_HEADER = "\"SCED Time Stamp\",\"Repeated Hour Flag\",\"QSE\",\"DME\",\"Resource Name\","
            + "\"Resource Type\",\"HSL\",\"LSL\",\"HDL\",\"LDL\",\"Telemetered Resource Status\",\"Base Point\","
            + "\"Telemetered Net Output\",\"State of Charge\",\"Minimum SOC\",\"Maximum SOC\",\"AS Awards REGUP\","
            + "\"AS Awards REGDN\",\"AS Awards RRSPFR\",\"AS Awards RRSFFR\",\"AS Awards RRSUFR\",\"AS Awards ECRS\","
            + "\"AS Awards NSPIN\"\r\n";

    private static Window day(LocalDate d) {
        return new Window(d.atStartOfDay(CT).toInstant(), d.plusDays(1).atStartOfDay(CT).toInstant());
    }

    private static byte[] damGenExcerpt() throws IOException {
        try (InputStream in = DisclosureFeedTest.class.getResourceAsStream(
                "/ercot/disclosures/60d_DAM_Gen_Resource_Data-21-FEB-25.csv")) {
            return in.readAllBytes();
        }
    }

    @Test
    void listsThePostingsSixtyDaysLater() {
        FetchRequest r = DAM.request(day(LocalDate.of(2024, 12, 23)));
        assertThat(r.uri()).isEqualTo(URI.create("https://api.example/pr/archive/np3-966-er?"
                + "postDatetimeFrom=2025-02-21T00:00:00&postDatetimeTo=2025-02-23T00:00:00&size=1000&page=1"));
        assertThat(r.authenticated()).isTrue();
        assertThat(r.budget()).contains("api");
        assertThat(r.immutable()).as("a listing changes as postings arrive").isFalse();
        assertThat(SCED.request(day(LocalDate.of(2024, 12, 23))).uri().getPath()).isEqualTo("/pr/archive/np3-965-er");
        assertThat(new DisclosureFeed(DisclosureFeed.Kind.COP, SETTINGS).request(day(LocalDate.of(2024, 12, 23))).uri()
                .getPath()).isEqualTo("/pr/archive/np1-301");
    }

    @Test
    void downloadsTheRegularDisclosure() throws Exception {
        String listing = "{\"_meta\":{\"totalRecords\":3,\"totalPages\":1,\"currentPage\":1},\"product\":{},\"archives\":["
                + "{\"docId\":77,\"friendlyName\":\"60_Day_DAM_Disclosure_Supplemental\",\"postDatetime\":\"2025-02-22T09:00:00.000\"},"
                + "{\"docId\":76,\"friendlyName\":\"60 Day DAM Disclosure\",\"postDatetime\":\"2025-02-21T04:10:12.000\"},"
                + "{\"docId\":75,\"friendlyName\":\"60_Day_COP_Adjustment_Period_Snapshot\",\"postDatetime\":\"2025-02-21T04:00:00.000\"}]}";
        Parsed p = DAM.parse(day(LocalDate.of(2024, 12, 23)), response("https://x/", listing));
        assertThat(p.rows()).isEmpty();
        assertThat(p.next()).map(FetchRequest::uri).contains(URI.create("https://api.example/pr/archive/np3-966-er?download=76"));
        assertThat(p.next()).get().satisfies(n -> {
            assertThat(n.immutable()).as("the same zip serves several datasets: download it once").isTrue();
            assertThat(n.authenticated()).isTrue();
            assertThat(n.budget()).contains("api");
        });
        // NP1-301 posts one document a day: whatever its friendly name, the first posting is taken
        Parsed cop = new DisclosureFeed(DisclosureFeed.Kind.COP, SETTINGS).parse(day(LocalDate.of(2024, 12, 23)),
                response("https://x/", listing.replace("np3-966-er", "np1-301")));
        assertThat(cop.next()).map(FetchRequest::uri).contains(URI.create("https://api.example/pr/archive/np1-301?download=75"));
        String other = listing.replace("DAM_Disclosure", "X").replace("DAM Disclosure", "X");
        assertFailure(() -> DAM.parse(day(LocalDate.of(2024, 12, 23)), response("https://x/", other)),
                Failure.NOT_PUBLISHED, "no 60_Day_DAM_Disclosure posting for operating day 2024-12-23");
    }

    @Test
    void recordedDamGenResourceRows() throws Exception {
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("60d_DAM_EnergyBids-21-FEB-25.csv", ascii("\"Delivery Date\",\"Hour Ending\"\r\n"));
        members.put("60d_DAM_Gen_Resource_Data-21-FEB-25.csv", damGenExcerpt());
        Window w = day(LocalDate.of(2024, 12, 23));
        Parsed p = DAM.parse(w, response("https://x/?download=76", zip(members)));
        Schema schema = ErcotReport.NP3_966_ER_GEN.dataset().schema();
        assertThat(p.rows()).hasSize(2);
        Row first = p.rows().get(0);
        assertThat(schema.problemWith(first)).isNull();
        assertThat(first.instant(0)).isEqualTo(Instant.parse("2024-12-23T06:00:00Z"));
        assertThat(first.instant(1)).isEqualTo(Instant.parse("2024-12-23T07:00:00Z"));
        assertThat(first.get(schema.indexOf("resource_name"))).isEqualTo("7RNCHSLR_UNIT1");
        assertThat(first.get(schema.indexOf("resource_type"))).isEqualTo("PVGR");
        assertThat(first.get(schema.indexOf("qse"))).isEqualTo("QSUE66");
        assertThat(first.get(schema.indexOf("settlement_point"))).isEqualTo("7RNCHSLR_ALL");
        assertThat(first.get(schema.indexOf("resource_status"))).isEqualTo("ON");
        assertThat(first.get(schema.indexOf("hsl_mw"))).isEqualTo(0.0);
        assertThat(first.get(schema.indexOf("awarded_mw"))).isNull();
        assertThat(first.get(schema.indexOf("energy_spp_usd_per_mwh"))).isEqualTo(14.0);
        assertThat(first.get(schema.indexOf("regup_awarded_mw"))).isNull();
        assertThat(p.rows().get(1).get(schema.indexOf("resource_name"))).isEqualTo("7RNCHSLR_UNIT2");
        assertThat(p.covered()).containsExactly(w);
        // The offer curve, start-up costs and DME are known and deliberately not kept: no drift reported.
        assertThat(p.unknownColumns()).isEmpty();
        assertThat(p.notes()).noneSatisfy(n -> assertThat(n).contains("QSE submitted Curve-MW1"));
    }

    @Test
    void refusesADisclosureWithoutItsResourceFile() throws Exception {
        byte[] zip = zip("60d_DAM_EnergyBids-21-FEB-25.csv", ascii("\"Delivery Date\",\"Hour Ending\"\r\n"));
        assertFailure(() -> DAM.parse(day(LocalDate.of(2024, 12, 23)), response("https://x/", zip)), Failure.BAD_DATA,
                "no 60d_DAM_Gen_Resource_Data- file");
        byte[] truncated = java.util.Arrays.copyOf(zip("60d_DAM_Gen_Resource_Data-21-FEB-25.csv", damGenExcerpt()), 200);
        assertFailure(() -> DAM.parse(day(LocalDate.of(2024, 12, 23)), response("https://x/", truncated)),
                Failure.BAD_DATA, "truncated");
        String drifted = new String(damGenExcerpt(), java.nio.charset.StandardCharsets.US_ASCII)
                .replace("\"Resource Name\"", "\"Unit\"");
        assertFailure(() -> DAM.parse(day(LocalDate.of(2024, 12, 23)),
                response("https://x/", zip("60d_DAM_Gen_Resource_Data-21-FEB-25.csv", ascii(drifted)))),
                Failure.BAD_DATA, "missing column(s) resourcename");
    }

    /** DAM ESR file of a fall-back day: no flag, hour ending 2 twice per resource, told apart by row order. */
    @Test
    void damFallBackDayByRowOrder() throws Exception {
        LocalDate d = LocalDate.of(2025, 11, 2);
        StringBuilder csv = new StringBuilder("\"Delivery Date\",\"Hour Ending\",\"QSE\",\"DME\",\"Resource Name\","
                + "\"Resource Type\",\"HSL\",\"LSL\",\"Resource Status\",\"Awarded Quantity\",\"Settlement Point Name\","
                + "\"Energy Settlement Point Price\",\"RegUp Awarded\",\"RegUp MCPC\"\r\n");
        List<Integer> labels = new ArrayList<>();
        for (int he = 1; he <= 24; he++) {
            labels.add(he);
            if (he == 2) {
                labels.add(2);
            }
        }
        int n = 0;
        for (int he : labels) {
            for (String r : List.of("BESS_A_ESR1", "BESS_B_ESR1")) {
                csv.append("\"11/02/2025\",\"").append(he).append("\",\"QX\",\"DX\",\"").append(r)
                        .append("\",\"ESR\",\"100\",\"-100\",\"ON\",\"").append(n++ % 2 == 0 ? "-50" : "25.5")
                        .append("\",\"").append(r.substring(0, 6)).append("_RN\",\"21.5\",\"10\",\"3.25\"\r\n");
            }
        }
        byte[] zip = zip(new LinkedHashMap<>(Map.of("60d_DAM_Gen_Resource_Data-01-JAN-26.csv",
                ascii("\"Delivery Date\",\"Hour Ending\",\"Resource Name\",\"Awarded Quantity\"\r\n"),
                "60d_DAM_ESR_Data-01-JAN-26.csv", ascii(csv.toString()))));
        Parsed p = DAM_ESR.parse(day(d), response("https://x/", zip));
        assertThat(p.rows()).hasSize(50);
        List<Instant> a = p.rows().stream().filter(r -> r.get(2).equals("BESS_A_ESR1")).map(r -> r.instant(0)).toList();
        assertThat(a).hasSize(25).doesNotHaveDuplicates();
        assertThat(a.subList(0, 4)).containsExactly(Instant.parse("2025-11-02T05:00:00Z"),
                Instant.parse("2025-11-02T06:00:00Z"), Instant.parse("2025-11-02T07:00:00Z"),
                Instant.parse("2025-11-02T08:00:00Z"));
        assertThat(a.get(24)).isEqualTo(Instant.parse("2025-11-03T05:00:00Z"));
        assertThat(p.covered()).containsExactly(day(d));
        Schema schema = ErcotReport.NP3_966_ER_ESR.dataset().schema();
        assertThat(p.rows().get(0).get(schema.indexOf("awarded_mw"))).isEqualTo(-50.0);
        assertThat(p.rows().get(0).get(schema.indexOf("regup_mcpc_usd_per_mw"))).isEqualTo(3.25);
    }

    /** DAM spring-forward day: hours 1, 2, 4..24 (23 hours). */
    @Test
    void damSpringForwardDay() throws Exception {
        StringBuilder csv = new StringBuilder("\"Delivery Date\",\"Hour Ending\",\"Resource Name\",\"Awarded Quantity\"\r\n");
        for (int he = 1; he <= 24; he++) {
            if (he != 3) {
                csv.append("\"03/08/2026\",\"").append(he).append("\",\"BESS_A_ESR1\",\"5\"\r\n");
            }
        }
        Parsed p = DAM.parse(day(LocalDate.of(2026, 3, 8)),
                response("https://x/", zip("60d_DAM_Gen_Resource_Data-07-MAY-26.csv", ascii(csv.toString()))));
        assertThat(p.rows()).hasSize(23);
        assertThat(p.rows().get(1).instant(0)).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        assertThat(p.rows().get(2).instant(0)).isEqualTo(Instant.parse("2026-03-08T08:00:00Z"));
        assertThat(p.rows().get(22).instant(1)).isEqualTo(Instant.parse("2026-03-09T05:00:00Z"));
    }

    @Test
    void scedGenAndEsrRows() throws Exception {
        String gen = SCED_GEN_HEADER + "\"06/04/2025 00:00:25\",\"N\",\"QSUE66\",\"Y7VSOL\",\"7RNCHSLR_UNIT1\",\"PVGR\",\"0\","
                + "\"-250\",\"\",\"139.2\",\"139.2\",\"139.2\",\"0\",\"0\",\"0\",\"ON\",\"139.2\",\"138.7\",\"0\",\"0\",\"0\","
                + "\"0\",\"0\",\"0\",\"V\",\"N\"\r\n";
        String esr = ESR_HEADER + "\"06/04/2025 00:00:25\",\"N\",\"QBT\",\"DBT\",\"BATT_ESR1\",\"ESR\",\"100\",\"-100\","
                + "\"40\",\"-40\",\"ON\",\"-20\",\"-19.6\",\"55.5\",\"10\",\"190\",\"5\",\"0\",\"10\",\"0\",\"0\",\"2\",\"0\"\r\n";
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("60d_SCED_Gen_Resource_Data-03-AUG-25.csv", ascii(gen));
        members.put("60d_ESR_Data_in_SCED-03-AUG-25.csv", ascii(esr));
        members.put("60d_SCED_SMNE_GEN_RES-03-AUG-25.csv", ascii("\"Interval Time\",\"Interval Number\"\r\n"));
        Window w = day(LocalDate.of(2025, 6, 4));
        Parsed p = SCED.parse(w, response("https://x/", zip(members)));
        Parsed pe = SCED_ESR.parse(w, response("https://x/", zip(members)));
        Schema s = ErcotReport.NP3_965_ER_GEN.dataset().schema();
        assertThat(ErcotReport.NP3_965_ER_ESR.dataset().schema().columns()).isEqualTo(s.columns().stream()
                .map(c -> c.name().equals("resource_type") ? ErcotReport.NP3_965_ER_ESR.dataset().schema().column(c.name())
                        : c).toList());
        assertThat(p.rows()).hasSize(1);
        assertThat(pe.rows()).hasSize(1);
        p.rows().forEach(r -> assertThat(s.problemWith(r)).isNull());
        pe.rows().forEach(r -> assertThat(s.problemWith(r)).isNull());
        assertThat(p.unknownColumns()).isEmpty();
        assertThat(pe.unknownColumns()).isEmpty();
        Row g = p.rows().get(0);
        assertThat(g.instant(0)).isEqualTo(Instant.parse("2025-06-04T05:00:00Z"));
        assertThat(g.instant(1)).isEqualTo(Instant.parse("2025-06-04T05:00:25Z"));
        assertThat(g.get(s.indexOf("resource_name"))).isEqualTo("7RNCHSLR_UNIT1");
        assertThat(g.get(s.indexOf("telemetered_net_output_mw"))).isEqualTo(138.7);
        assertThat(g.get(s.indexOf("as_responsibility_regup_mw"))).isEqualTo(0.0);
        assertThat(g.get(s.indexOf("as_award_regup_mw"))).isNull();
        Row e = pe.rows().get(0);
        assertThat(e.get(s.indexOf("resource_type"))).isEqualTo("ESR");
        assertThat(e.get(s.indexOf("base_point_mw"))).isEqualTo(-20.0);
        assertThat(e.get(s.indexOf("state_of_charge_mwh"))).isEqualTo(55.5);
        assertThat(e.get(s.indexOf("as_award_regup_mw"))).isEqualTo(5.0);
        assertThat(e.get(s.indexOf("as_award_rrspfr_mw"))).isEqualTo(10.0);
        assertThat(e.get(s.indexOf("as_award_ecrs_mw"))).isEqualTo(2.0);
        assertThat(p.covered()).containsExactly(w);
    }

    /** SCED runs in the repeated hour carry the flag: N = daylight pass, Y = standard pass. */
    @Test
    void scedFallBackAndSpringForward() throws Exception {
        String fall = ESR_HEADER + "\"11/02/2025 01:30:15\",\"N\",\"Q\",\"D\",\"BATT_ESR1\",\"ESR\",,,,,,\"1\",,,,,,,,,,,\r\n"
                + "\"11/02/2025 01:30:17\",\"Y\",\"Q\",\"D\",\"BATT_ESR1\",\"ESR\",,,,,,\"2\",,,,,,,,,,,\r\n";
        Parsed p = SCED_ESR.parse(day(LocalDate.of(2025, 11, 2)), response("https://x/",
                zip(new LinkedHashMap<>(Map.of("60d_SCED_Gen_Resource_Data-01-JAN-26.csv", ascii(SCED_GEN_HEADER),
                        "60d_ESR_Data_in_SCED-01-JAN-26.csv", ascii(fall))))));
        assertThat(p.rows()).extracting(r -> r.instant(1)).containsExactly(Instant.parse("2025-11-02T06:30:15Z"),
                Instant.parse("2025-11-02T07:30:17Z"));
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2025-11-02T05:00:00Z"),
                Instant.parse("2025-11-03T06:00:00Z")));
        assertThat(p.covered().get(0).length()).isEqualTo(Duration.ofHours(25));

        String spring = ESR_HEADER + "\"03/08/2026 01:55:20\",\"N\",\"Q\",\"D\",\"BATT_ESR1\",\"ESR\",,,,,,\"1\",,,,,,,,,,,\r\n"
                + "\"03/08/2026 03:00:20\",\"N\",\"Q\",\"D\",\"BATT_ESR1\",\"ESR\",,,,,,\"2\",,,,,,,,,,,\r\n";
        Window springDay = day(LocalDate.of(2026, 3, 8));
        assertThat(springDay.length()).isEqualTo(Duration.ofHours(23));
        Parsed s = SCED_ESR.parse(springDay, response("https://x/",
                zip(new LinkedHashMap<>(Map.of("60d_SCED_Gen_Resource_Data-07-MAY-26.csv", ascii(SCED_GEN_HEADER),
                        "60d_ESR_Data_in_SCED-07-MAY-26.csv", ascii(spring))))));
        assertThat(s.rows()).extracting(r -> r.instant(0)).containsExactly(Instant.parse("2026-03-08T07:55:00Z"),
                Instant.parse("2026-03-08T08:00:00Z"));
        assertThat(s.rows()).extracting(r -> r.instant(1)).containsExactly(Instant.parse("2026-03-08T07:55:20Z"),
                Instant.parse("2026-03-08T08:00:20Z"));
        String gap = spring.replace("03:00:20", "02:30:20");
        assertFailure(() -> SCED_ESR.parse(springDay, response("https://x/",
                zip(new LinkedHashMap<>(Map.of("60d_SCED_Gen_Resource_Data-07-MAY-26.csv", ascii(SCED_GEN_HEADER),
                        "60d_ESR_Data_in_SCED-07-MAY-26.csv", ascii(gap)))))),
                Failure.BAD_DATA, "does not exist");
    }
}
