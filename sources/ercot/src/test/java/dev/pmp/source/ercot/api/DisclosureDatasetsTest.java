package dev.pmp.source.ercot.api;

import static dev.pmp.source.ercot.api.ApiPayloads.SETTINGS;
import static dev.pmp.source.ercot.api.ApiPayloads.ascii;
import static dev.pmp.source.ercot.api.ApiPayloads.response;
import static dev.pmp.source.ercot.api.ApiPayloads.zip;
import static dev.pmp.source.ercot.api.ReportFeedTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.ercotapi.Disclosures;
import dev.pmp.sim.ercotapi.Disclosures.Product;
import dev.pmp.source.ercot.api.DisclosureFeed.Kind;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The eight 60-day disclosure datasets: their column contract, golden rows from the recorded excerpts and the
 * documented headers (README section 3.8, {@code battalion_spec_csv_excerpts.md}), DST days, regime changes,
 * drift and validation. DST files come from the simulator's generator, which writes the documented label
 * styles from absolute time; the expected instants here are that absolute time.
 */
class DisclosureDatasetsTest {

    private static final ZoneId CT = ZoneId.of("America/Chicago");
    private static final LocalDate SPRING = LocalDate.of(2024, 3, 10);
    private static final LocalDate FALL = LocalDate.of(2024, 11, 3);

    private static Window day(LocalDate d) {
        return new Window(d.atStartOfDay(CT).toInstant(), d.plusDays(1).atStartOfDay(CT).toInstant());
    }

    private static DisclosureFeed feed(Kind k) {
        return new DisclosureFeed(k, SETTINGS);
    }

    private static Parsed parse(Kind k, LocalDate d, Map<String, byte[]> members) throws Exception {
        return feed(k).parse(day(d), response("https://x/?download=1", zip(members)));
    }

    private static Object cell(Kind k, Row r, String column) {
        return r.get(k.report().dataset().schema().indexOf(column));
    }

    /** The column names H2 (leaderboard) codes against: a contract. */
    @Test
    void columnContract() {
        List<String> damAwards = List.of("interval_start_utc", "interval_end_utc", "resource_name", "resource_type", "qse",
                "settlement_point", "resource_status", "hsl_mw", "lsl_mw", "awarded_mw", "energy_spp_usd_per_mwh",
                "regup_awarded_mw", "regup_mcpc_usd_per_mw", "regdn_awarded_mw", "regdn_mcpc_usd_per_mw", "rrs_awarded_mw",
                "rrspfr_awarded_mw", "rrsffr_awarded_mw", "rrsufr_awarded_mw", "rrs_mcpc_usd_per_mw", "ecrs_awarded_mw",
                "ecrs_mcpc_usd_per_mw", "nspin_awarded_mw", "nspin_mcpc_usd_per_mw");
        List<String> scedResources = List.of("time_utc", "sced_time_utc", "resource_name", "resource_type", "qse",
                "telemetered_resource_status", "base_point_mw", "telemetered_net_output_mw", "hsl_mw", "lsl_mw",
                "state_of_charge_mwh", "as_responsibility_regup_mw", "as_responsibility_regdn_mw", "as_responsibility_rrs_mw",
                "as_responsibility_rrsffr_mw", "as_responsibility_nspin_mw", "as_responsibility_ecrs_mw",
                "as_award_regup_mw", "as_award_regdn_mw", "as_award_rrspfr_mw", "as_award_rrsffr_mw", "as_award_rrsufr_mw",
                "as_award_ecrs_mw", "as_award_nspin_mw");
        Map<Kind, List<String>> expected = new LinkedHashMap<>();
        expected.put(Kind.DAM_GEN, damAwards);
        expected.put(Kind.DAM_ESR, damAwards);
        expected.put(Kind.DAM_LOAD, List.of("interval_start_utc", "interval_end_utc", "resource_name", "qse",
                "max_power_consumption_mw", "low_power_consumption_mw", "regup_awarded_mw", "regup_mcpc_usd_per_mw",
                "regdn_awarded_mw", "regdn_mcpc_usd_per_mw", "rrs_awarded_mw", "rrspfr_awarded_mw", "rrsffr_awarded_mw",
                "rrsufr_awarded_mw", "rrs_mcpc_usd_per_mw", "ecrs_awarded_mw", "ecrsmd_awarded_mw", "ecrs_mcpc_usd_per_mw",
                "nspin_awarded_mw", "nspin_mcpc_usd_per_mw"));
        expected.put(Kind.SCED_GEN, scedResources);
        expected.put(Kind.SCED_ESR, scedResources);
        expected.put(Kind.SCED_LOAD, List.of("time_utc", "sced_time_utc", "resource_name", "qse",
                "telemetered_resource_status", "max_power_consumption_mw", "low_power_consumption_mw",
                "real_power_consumption_mw", "base_point_mw", "hasl_mw", "hdl_mw", "lasl_mw", "ldl_mw",
                "as_responsibility_rrs_mw", "as_responsibility_rrsffr_mw", "as_responsibility_nspin_mw",
                "as_responsibility_regup_mw", "as_responsibility_regdn_mw", "as_responsibility_ecrs_mw"));
        expected.put(Kind.SCED_SMNE, List.of("interval_start_utc", "interval_end_utc", "resource_name", "interval_number",
                "metered_net_energy_mwh"));
        expected.put(Kind.COP, List.of("interval_start_utc", "interval_end_utc", "resource_name", "qse", "status", "hsl_mw",
                "lsl_mw", "hel_mw", "lel_mw", "regup_mw", "regdn_mw", "rrs_mw", "rrspfr_mw", "rrsffr_mw", "rrsufr_mw",
                "nspin_mw", "ecrs_mw", "min_soc_mwh", "max_soc_mwh", "hour_beginning_planned_soc_mwh"));
        assertThat(expected.keySet()).containsExactlyInAnyOrder(Kind.values());
        expected.forEach((k, columns) -> {
            Schema s = k.report().dataset().schema();
            assertThat(s.columnNames()).as(k.toString()).isEqualTo(columns);
            assertThat(s.naturalKey()).as(k.toString()).contains("resource_name").doesNotContain("qse");
            assertThat(k.report().dataset().publicationDelay()).isEqualTo(Duration.ofDays(60));
        });
        assertThat(Kind.DAM_ESR.report().dataset().earliest()).isEqualTo(LocalDate.of(2025, 12, 6));
        assertThat(Kind.SCED_ESR.report().dataset().earliest()).isEqualTo(LocalDate.of(2025, 12, 5));
        assertThat(Kind.SCED_SMNE.report().dataset().cadence()).isEqualTo(Duration.ofMinutes(15));
        assertThat(Kind.COP.report().dataset().schema().column("hsl_mw").description()).contains("High Sustained Limit");
        assertThat(Kind.DAM_LOAD.report().dataset().schema().column("ecrs_awarded_mw").description())
                .contains("ECRSSD Awarded");
    }

    /** DAM Load Resource Data with the documented header (README 3.8): no energy award, ECRSSD and ECRSMD. */
    @Test
    void damLoadResourceRows() throws Exception {
        String csv = "\"Delivery Date\",\"Hour Ending\",\"Load Resource Name\",\"Max Power Consumption for Load Resource\","
                + "\"Low Power Consumption for Load Resource\",\"RegUp Awarded\",\"RegUp MCPC\",\"RegDown Awarded\","
                + "\"RegDown MCPC\",\"RRSPFR Awarded\",\"RRSFFR Awarded\",\"RRSUFR Awarded\",\"RRS MCPC\",\"ECRSSD Awarded\","
                + "\"ECRSMD Awarded\",\"ECRS MCPC\",\"NonSpin Awarded\",\"NonSpin MCPC\"\r\n"
                + "\"12/23/2024\",\"1\",\"AAPIPLNC_LD3\",\"24\",\".1\",\"0\",\"3.1\",\"0\",\"1.2\",\"0\",\"0\",\"12.5\",\"2.5\","
                + "\"4\",\"\",\"1.5\",\"0\",\"0.9\"\r\n";
        Parsed p = parse(Kind.DAM_LOAD, LocalDate.of(2024, 12, 23), Map.of("60d_DAM_Load_Resource_Data-21-FEB-25.csv",
                ascii(csv)));
        assertThat(p.rows()).singleElement().satisfies(r -> {
            assertThat(r.instant(0)).isEqualTo(Instant.parse("2024-12-23T06:00:00Z"));
            assertThat(r.instant(1)).isEqualTo(Instant.parse("2024-12-23T07:00:00Z"));
            assertThat(cell(Kind.DAM_LOAD, r, "resource_name")).isEqualTo("AAPIPLNC_LD3");
            assertThat(cell(Kind.DAM_LOAD, r, "qse")).as("optional, absent from this file").isNull();
            assertThat(cell(Kind.DAM_LOAD, r, "max_power_consumption_mw")).isEqualTo(24.0);
            assertThat(cell(Kind.DAM_LOAD, r, "low_power_consumption_mw")).isEqualTo(0.1);
            assertThat(cell(Kind.DAM_LOAD, r, "rrsufr_awarded_mw")).isEqualTo(12.5);
            assertThat(cell(Kind.DAM_LOAD, r, "ecrs_awarded_mw")).isEqualTo(4.0);
            assertThat(cell(Kind.DAM_LOAD, r, "ecrsmd_awarded_mw")).isNull();
            assertThat(cell(Kind.DAM_LOAD, r, "rrs_awarded_mw")).isNull();
            assertThat(cell(Kind.DAM_LOAD, r, "nspin_mcpc_usd_per_mw")).isEqualTo(0.9);
        });
        assertThat(p.unknownColumns()).isEmpty();
    }

    /** The recorded SCED Load Resource excerpt: header and rows verbatim. */
    @Test
    void scedLoadResourceExcerpt() throws Exception {
        String header = "\"SCED Time Stamp\",\"Repeated Hour Flag\",\"QSE\",\"DME\",\"Resource Name\",\"Telemetered Resource "
                + "Status\",\"Max Power Consumption\",\"Low Power Consumption\",\"Real Power Consumption\",\"AS Responsibility "
                + "for RRS\",\"AS Responsibility for RRSFFR\",\"AS Responsibility for NonSpin\",\"AS Responsibility for RegUp\","
                + "\"AS Responsibility for RegDown\",\"AS Responsibility for ECRS\"";
        StringBuilder h = new StringBuilder(header);
        for (int i = 1; i <= 10; i++) {
            h.append(",\"SCED Bid to Buy Curve-MW").append(i).append("\",\"SCED Bid to Buy Curve-Price").append(i).append('"');
        }
        h.append(",\"HASL\",\"HDL\",\"LASL\",\"LDL\",\"Base Point\"\r\n");
        String rows = "\"06/04/2025 00:00:25\",\"N\",\"QEDE20\",\"\",\"AAPIPLNC_LD3\",\"ONRL\",\"24\",\".1\",\"14.1\",\"14\",\"0\","
                + "\"0\",\"0\",\"0\",\"0\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\","
                + "\"0\",\"0\",\"0\",\"0\",\"\"\r\n"
                + "\"06/04/2025 00:00:25\",\"N\",\"QEDE20\",\"\",\"AAPIPLNC_LD4\",\"ONRL\",\"15\",\"2.6\",\"10.6\",\"8\",\"0\","
                + "\"0\",\"0\",\"0\",\"0\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\","
                + "\"0\",\"0\",\"0\",\"0\",\"\"\r\n";
        Parsed p = parse(Kind.SCED_LOAD, LocalDate.of(2025, 6, 4), Map.of("60d_Load_Resource_Data_in_SCED-03-AUG-25.csv",
                ascii(h + rows)));
        assertThat(p.rows()).hasSize(2);
        Row r = p.rows().get(0);
        assertThat(r.instant(0)).isEqualTo(Instant.parse("2025-06-04T05:00:00Z"));
        assertThat(r.instant(1)).isEqualTo(Instant.parse("2025-06-04T05:00:25Z"));
        assertThat(cell(Kind.SCED_LOAD, r, "resource_name")).isEqualTo("AAPIPLNC_LD3");
        assertThat(cell(Kind.SCED_LOAD, r, "qse")).isEqualTo("QEDE20");
        assertThat(cell(Kind.SCED_LOAD, r, "telemetered_resource_status")).isEqualTo("ONRL");
        assertThat(cell(Kind.SCED_LOAD, r, "max_power_consumption_mw")).isEqualTo(24.0);
        assertThat(cell(Kind.SCED_LOAD, r, "real_power_consumption_mw")).isEqualTo(14.1);
        assertThat(cell(Kind.SCED_LOAD, r, "as_responsibility_rrs_mw")).isEqualTo(14.0);
        assertThat(cell(Kind.SCED_LOAD, r, "hasl_mw")).isEqualTo(0.0);
        assertThat(cell(Kind.SCED_LOAD, r, "base_point_mw")).isNull();
        assertThat(cell(Kind.SCED_LOAD, p.rows().get(1), "low_power_consumption_mw")).isEqualTo(2.6);
        assertThat(p.unknownColumns()).as("the bid curve is known, not kept").isEmpty();
    }

    /** The recorded SMNE excerpt: Interval Time is the interval end minus one second. */
    @Test
    void smneExcerpt() throws Exception {
        String csv = "\"Interval Time\",\"Interval Number\",\"Resource Code\",\"Interval Value\"\r\n"
                + "\"06/04/2025 00:14:59\",\"1\",\"19599_1_PV_A1\",\"0\"\r\n"
                + "\"06/04/2025 00:14:59\",\"1\",\"19599_2_PV_2\",\"0\"\r\n";
        Parsed p = parse(Kind.SCED_SMNE, LocalDate.of(2025, 6, 4), Map.of("60d_SCED_SMNE_GEN_RES-03-AUG-25.csv",
                ascii(csv)));
        assertThat(p.rows()).extracting(r -> r.instant(0)).containsOnly(Instant.parse("2025-06-04T05:00:00Z"));
        assertThat(p.rows()).extracting(r -> r.instant(1)).containsOnly(Instant.parse("2025-06-04T05:15:00Z"));
        assertThat(p.rows()).extracting(r -> cell(Kind.SCED_SMNE, r, "resource_name"))
                .containsExactly("19599_1_PV_A1", "19599_2_PV_2");
        assertThat(cell(Kind.SCED_SMNE, p.rows().get(0), "interval_number")).isEqualTo(1L);
        assertThat(cell(Kind.SCED_SMNE, p.rows().get(0), "metered_net_energy_mwh")).isEqualTo(0.0);
        String last = csv.replace("00:14:59", "23:59:59").replace(",\"1\",", ",\"4\",");
        Parsed end = parse(Kind.SCED_SMNE, LocalDate.of(2025, 6, 4), Map.of("60d_SCED_SMNE_GEN_RES-03-AUG-25.csv",
                ascii(last)));
        assertThat(end.rows().get(0).instant(1)).as("the day's last interval ends at midnight")
                .isEqualTo(Instant.parse("2025-06-05T05:00:00Z"));
    }

    /** The recorded COP excerpt (current header), the 2014 header with RRS, and a headerless 2014 file. */
    @Test
    void copSnapshotRegimes() throws Exception {
        String current = "\"Delivery Date\",\"QSE Name\",\"Resource Name\",\"Hour Ending\",\"Status\",\"High Sustained Limit\","
                + "\"Low Sustained Limit\",\"High Emergency Limit\",\"Low Emergency Limit\",\"Reg Up\",\"Reg Down\",\"RRSPFR\","
                + "\"RRSFFR\",\"RRSUFR\",\"NSPIN\",\"ECRS\",\"Minimum SOC\",\"Maximum SOC\",\"Hour Beginning Planned SOC\"\r\n"
                + "\"05/02/2025\",\"QAEN\",\"ARAGORN_UNIT1\",\"01:00\",\"ON\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\","
                + "\"0\",\"0\",\"0\",\"0\",\"0\"\r\n"
                + "\"05/02/2025\",\"QAEN\",\"ARAGORN_UNIT1\",\"02:00\",\"ON\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\","
                + "\"0\",\"0\",\"0\",\"0\",\"0\"\r\n";
        Parsed p = parse(Kind.COP, LocalDate.of(2025, 5, 2), Map.of("60d_COP_Adjustment_Period_Snapshot-01-JUL-25.csv",
                ascii(current)));
        assertThat(p.rows()).extracting(r -> r.instant(0)).containsExactly(Instant.parse("2025-05-02T05:00:00Z"),
                Instant.parse("2025-05-02T06:00:00Z"));
        Row r = p.rows().get(0);
        assertThat(cell(Kind.COP, r, "qse")).isEqualTo("QAEN");
        assertThat(cell(Kind.COP, r, "status")).isEqualTo("ON");
        assertThat(cell(Kind.COP, r, "rrspfr_mw")).isEqualTo(0.0);
        assertThat(cell(Kind.COP, r, "rrs_mw")).isNull();
        assertThat(cell(Kind.COP, r, "hour_beginning_planned_soc_mwh")).isEqualTo(0.0);
        assertThat(p.unknownColumns()).isEmpty();

        String early2014 = "\"Delivery Date\",\"QSE Name\",\"Resource Name\",\"Hour Ending\",\"Status\",\"High Sustained Limit\","
                + "\"Low Sustained Limit\",\"High Emergency Limit\",\"Low Emergency Limit\",\"Reg Up\",\"Reg Down\",\"RRS\","
                + "\"NSPIN\"\r\n";
        String row2014 = "\"09/25/2014\",\"QAEN\",\"DECKER_DPG1\",\"01:00\",\"OFF\",\"325\",\"50\",\"326\",\"50\",\"0\",\"0\","
                + "\"7\",\"0\"\r\n";
        for (String file : List.of(early2014 + row2014, row2014)) {
            Parsed old = parse(Kind.COP, LocalDate.of(2014, 9, 25), Map.of("CompleteCOP_11242014.csv", ascii(file)));
            assertThat(old.rows()).singleElement().satisfies(o -> {
                assertThat(o.instant(0)).isEqualTo(Instant.parse("2014-09-25T05:00:00Z"));
                assertThat(cell(Kind.COP, o, "resource_name")).isEqualTo("DECKER_DPG1");
                assertThat(cell(Kind.COP, o, "status")).isEqualTo("OFF");
                assertThat(cell(Kind.COP, o, "hsl_mw")).isEqualTo(325.0);
                assertThat(cell(Kind.COP, o, "hel_mw")).isEqualTo(326.0);
                assertThat(cell(Kind.COP, o, "rrs_mw")).isEqualTo(7.0);
                assertThat(cell(Kind.COP, o, "rrspfr_mw")).isNull();
                assertThat(cell(Kind.COP, o, "ecrs_mw")).isNull();
            });
            assertThat(old.notes().stream().anyMatch(n -> n.contains("no header line"))).isEqualTo(file.equals(row2014));
        }
    }

    static Stream<Arguments> dstDays() {
        List<Arguments> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (LocalDate d : List.of(SPRING, FALL)) {
                out.add(Arguments.of(k, d));
            }
        }
        return out.stream();
    }

    /**
     * Every dataset on the 2024 spring-forward and fall-back days: each resource has exactly the intervals (or
     * SCED runs) of the day in absolute time, 23 or 25 hours, whatever the label style (DAM hour ending with the
     * repeated hour by row order, SCED flag, SMNE end minus 1 s by row order, COP 1..25).
     */
    @ParameterizedTest
    @MethodSource("dstDays")
    void dstDay(Kind k, LocalDate d) throws Exception {
        Product product = switch (k) {
            case DAM_GEN, DAM_LOAD, DAM_ESR -> Product.DAM;
            case SCED_GEN, SCED_LOAD, SCED_ESR, SCED_SMNE -> Product.SCED;
            case COP -> Product.COP;
        };
        boolean esr = k == Kind.DAM_ESR || k == Kind.SCED_ESR;
        Parsed p = parse(k, d, Disclosures.members(product, d, esr));
        List<String> resources = switch (k) {
            case DAM_GEN, SCED_GEN -> Disclosures.generators(esr);
            case DAM_LOAD, SCED_LOAD -> Disclosures.loads(esr);
            case DAM_ESR, SCED_ESR -> Disclosures.storage(true);
            case SCED_SMNE -> Disclosures.metered(esr);
            case COP -> Disclosures.planned(esr);
        };
        List<Instant> expected = switch (k) {
            case DAM_GEN, DAM_LOAD, DAM_ESR, COP -> Disclosures.hours(d);
            case SCED_GEN, SCED_LOAD, SCED_ESR -> Disclosures.scedRuns(d);
            case SCED_SMNE -> Disclosures.quarterHours(d);
        };
        int hours = d.equals(SPRING) ? 23 : 25;
        assertThat(Disclosures.hours(d)).hasSize(hours);
        boolean sced = k == Kind.SCED_GEN || k == Kind.SCED_LOAD || k == Kind.SCED_ESR;
        Duration length = switch (k) {
            case SCED_SMNE -> Duration.ofMinutes(15);
            case SCED_GEN, SCED_LOAD, SCED_ESR -> Duration.ZERO;
            case DAM_GEN, DAM_LOAD, DAM_ESR, COP -> Duration.ofHours(1);
        };
        Map<Object, List<Instant>> byResource = new TreeMap<>();
        for (Row r : p.rows()) {
            Instant t = r.instant(sced ? 1 : 0);
            byResource.computeIfAbsent(cell(k, r, "resource_name"), x -> new ArrayList<>()).add(t);
            if (!sced) {
                assertThat(Duration.between(r.instant(0), r.instant(1))).isEqualTo(length);
            }
        }
        assertThat(byResource.keySet()).containsExactlyInAnyOrderElementsOf(resources);
        byResource.forEach((name, times) -> assertThat(times).as(k + " " + d + " " + name)
                .containsExactlyInAnyOrderElementsOf(expected));
        assertThat(p.covered()).containsExactly(day(d));
        assertThat(p.covered().get(0).length()).isEqualTo(Duration.ofHours(hours));
        assertThat(p.unknownColumns()).isEmpty();
    }

    /** COP on the fall-back day, written by hand: hours 1..25, hour ending 3 is 01:00 CST. */
    @Test
    void copFallBackNumberedTo25() throws Exception {
        StringBuilder csv = new StringBuilder("\"Delivery Date\",\"QSE Name\",\"Resource Name\",\"Hour Ending\",\"Status\","
                + "\"High Sustained Limit\"\r\n");
        for (int he = 1; he <= 25; he++) {
            csv.append("\"11/03/2024\",\"Q\",\"UNIT_A\",\"").append(he).append("\",\"ON\",\"").append(he).append("\"\r\n");
        }
        Parsed p = parse(Kind.COP, FALL, Map.of("60d_COP_Adjustment_Period_Snapshot-02-JAN-25.csv", ascii(csv.toString())));
        assertThat(p.rows()).hasSize(25);
        assertThat(p.rows().get(1).instant(0)).isEqualTo(Instant.parse("2024-11-03T06:00:00Z"));
        assertThat(p.rows().get(2).instant(0)).isEqualTo(Instant.parse("2024-11-03T07:00:00Z"));
        assertThat(p.rows().get(24).instant(1)).isEqualTo(Instant.parse("2024-11-04T06:00:00Z"));
    }

    /** SMNE on the fall-back day, by hand: 01:14:59 twice per resource, first = daylight time. */
    @Test
    void smneFallBackByRowOrder() throws Exception {
        String csv = "\"Interval Time\",\"Interval Number\",\"Resource Code\",\"Interval Value\"\r\n"
                + "\"11/03/2024 01:14:59\",\"1\",\"A\",\"1\"\r\n\"11/03/2024 01:14:59\",\"1\",\"B\",\"2\"\r\n"
                + "\"11/03/2024 01:14:59\",\"1\",\"A\",\"3\"\r\n\"11/03/2024 01:14:59\",\"1\",\"B\",\"4\"\r\n";
        Parsed p = parse(Kind.SCED_SMNE, FALL, Map.of("60d_SCED_SMNE_GEN_RES-02-JAN-25.csv", ascii(csv)));
        assertThat(p.rows()).extracting(r -> r.instant(0)).containsExactly(Instant.parse("2024-11-03T06:00:00Z"),
                Instant.parse("2024-11-03T06:00:00Z"), Instant.parse("2024-11-03T07:00:00Z"),
                Instant.parse("2024-11-03T07:00:00Z"));
        String thrice = csv + "\"11/03/2024 01:14:59\",\"1\",\"A\",\"5\"\r\n";
        assertFailure(() -> parse(Kind.SCED_SMNE, FALL, Map.of("60d_SCED_SMNE_GEN_RES-02-JAN-25.csv", ascii(thrice))),
                Failure.BAD_DATA, "appears 3 times");
    }

    /** Before RTC+B the zips have no ESR file: the day holds nothing. From RTC+B its absence is an error. */
    @Test
    void aZipMissingTheEsrFile() throws Exception {
        LocalDate before = LocalDate.of(2025, 11, 1);
        Parsed p = parse(Kind.DAM_ESR, before, Disclosures.members(Product.DAM, before));
        assertThat(p.rows()).isEmpty();
        assertThat(p.covered()).containsExactly(day(before));
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("no 60d_DAM_ESR_Data- file before"));
        Parsed sced = parse(Kind.SCED_ESR, before, Disclosures.members(Product.SCED, before));
        assertThat(sced.rows()).isEmpty();
        // The other files of the same zip read as usual.
        assertThat(parse(Kind.DAM_LOAD, before, Disclosures.members(Product.DAM, before)).rows())
                .extracting(r -> cell(Kind.DAM_LOAD, r, "resource_name")).contains(Disclosures.STORAGE_LOAD);
        LocalDate after = LocalDate.of(2025, 12, 10);
        Map<String, byte[]> withoutEsr = new LinkedHashMap<>(Disclosures.members(Product.DAM, after));
        withoutEsr.keySet().removeIf(n -> n.startsWith("60d_DAM_ESR_Data"));
        assertFailure(() -> parse(Kind.DAM_ESR, after, withoutEsr), Failure.BAD_DATA, "no 60d_DAM_ESR_Data- file");
        assertThat(parse(Kind.DAM_GEN, after, withoutEsr).rows()).isNotEmpty();
    }

    /** A new operator column is schema drift: reported by name, rows kept. Known curve columns are not. */
    @Test
    void anUnknownColumnIsReportedAndRowsKept() throws Exception {
        LocalDate d = LocalDate.of(2025, 12, 10);
        Map<String, byte[]> members = new LinkedHashMap<>(Disclosures.members(Product.SCED, d));
        String name = members.keySet().stream().filter(n -> n.startsWith("60d_ESR_Data_in_SCED")).findFirst().orElseThrow();
        String csv = new String(members.get(name), java.nio.charset.StandardCharsets.US_ASCII);
        StringBuilder drifted = new StringBuilder();
        for (String line : csv.split("\r\n")) {
            boolean header = drifted.length() == 0;
            drifted.append(line).append(header ? ",\" Fancy New MW \",\"Ramp Rate Up\"" : ",\"1\",\"2\"").append("\r\n");
        }
        members.put(name, ascii(drifted.toString()));
        Parsed p = parse(Kind.SCED_ESR, d, members);
        assertThat(p.rows()).hasSize(Disclosures.scedRuns(d).size());
        assertThat(p.unknownColumns()).containsExactly("Fancy New MW");
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("Fancy New MW", "rows kept"));
    }

    /** One row per key, finite numbers: a bad row fails the file with its line, nothing dropped silently. */
    @Test
    void badRowsAreReported() throws Exception {
        String header = "\"Delivery Date\",\"Hour Ending\",\"Resource Name\",\"Awarded Quantity\"\r\n";
        String twice = header + "\"12/23/2024\",\"1\",\"UNIT_A\",\"5\"\r\n\"12/23/2024\",\"1\",\"UNIT_A\",\"6\"\r\n";
        assertFailure(() -> parse(Kind.DAM_GEN, LocalDate.of(2024, 12, 23),
                Map.of("60d_DAM_Gen_Resource_Data-21-FEB-25.csv", ascii(twice))), Failure.BAD_DATA,
                "line 3: a second row for");
        String notANumber = header + "\"12/23/2024\",\"1\",\"UNIT_A\",\"NaN\"\r\n";
        assertFailure(() -> parse(Kind.DAM_GEN, LocalDate.of(2024, 12, 23),
                Map.of("60d_DAM_Gen_Resource_Data-21-FEB-25.csv", ascii(notANumber))), Failure.BAD_DATA, "line 2");
        String otherDay = header + "\"12/24/2024\",\"1\",\"UNIT_A\",\"5\"\r\n";
        assertFailure(() -> parse(Kind.DAM_GEN, LocalDate.of(2024, 12, 23),
                Map.of("60d_DAM_Gen_Resource_Data-21-FEB-25.csv", ascii(otherDay))), Failure.BAD_DATA,
                "not this day's disclosure");
        String two = header.replace("\r\n", "") + "\r\n";
        Map<String, byte[]> duplicated = new LinkedHashMap<>();
        duplicated.put("60d_DAM_Gen_Resource_Data-21-FEB-25.csv", ascii(two));
        duplicated.put("60d DAM Gen Resource Data-21-FEB-25 (1).csv", ascii(two));
        assertFailure(() -> parse(Kind.DAM_GEN, LocalDate.of(2024, 12, 23), duplicated), Failure.BAD_DATA,
                "expected one");
    }
}
