package dev.pmp.source.caiso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Damaged and unusual LMP reports, synthesised from the documented {@code PRC_INTVL_LMP} layout
 * (shared/sources/caiso/README.md §2.3-§2.4): bad cells are held back per node and interval, a broken
 * report as a whole is bad data.
 */
class LmpReportTest {
    private static final Window HOUR = Window.of(Instant.parse("2026-01-15T10:00:00Z"), Duration.ofHours(1));
    private static final Instant SETTLED = Instant.parse("2026-03-01T00:00:00Z");
    private static final List<String> NODES = List.of("TH_SP15_GEN-APND", "DLAP_PGAE-APND");

    private final Feed feed = new LocationalMarginalPrices(LmpMarket.REAL_TIME_5MIN, CaisoSettings.defaults());

    private static String report() {
        return OasisPayloads.rtLmp("VALUE", "RTM", NODES, HOUR.start(), HOUR.end(), Duration.ofMinutes(5), true);
    }

    private Parsed parse(String csv) throws SourceException {
        return parse(OasisPayloads.zip("report.csv", csv));
    }

    private Parsed parse(byte[] zip) throws SourceException {
        return feed.parse(HOUR, OasisPayloads.response(feed.request(HOUR), zip, SETTLED));
    }

    /** The report with line {@code n} (1 = first data line) replaced by {@code edit} of it. */
    private static String editLine(String csv, int n, java.util.function.UnaryOperator<String> edit) {
        List<String> lines = new ArrayList<>(List.of(csv.split("\n")));
        lines.set(n, edit.apply(lines.get(n)));
        return String.join("\n", lines) + "\n";
    }

    @Test
    void aCleanReportGivesOneRowPerNodeAndInterval() throws Exception {
        Parsed parsed = parse(report());

        assertThat(parsed.rows()).hasSize(24);
        assertThat(parsed.rows().get(0).values()).containsExactly(HOUR.start(), HOUR.start().plusSeconds(300),
                "DLAP_PGAE-APND", "load_zone", OasisPayloads.lmp(1, 0, true), OasisPayloads.energy(1, 0),
                OasisPayloads.congestion(1, 0), OasisPayloads.loss(1, 0), OasisPayloads.ghg(1, 0));
        assertThat(parsed.rows().get(23).values()).containsExactly(HOUR.end().minusSeconds(300), HOUR.end(),
                "TH_SP15_GEN-APND", "hub", OasisPayloads.lmp(0, 11, true), OasisPayloads.energy(0, 11),
                OasisPayloads.congestion(0, 11), OasisPayloads.loss(0, 11), OasisPayloads.ghg(0, 11));
        assertThat(parsed.covered()).containsExactly(HOUR);
        assertThat(parsed.notes()).isEmpty();
    }

    @Test
    void shuffledLinesGiveTheSameRows() throws Exception {
        List<String> lines = new ArrayList<>(List.of(report().split("\n")));
        String header = lines.remove(0);
        Collections.shuffle(lines, new java.util.Random(7));
        Parsed shuffled = parse(header + "\n" + String.join("\n", lines) + "\n");

        assertThat(shuffled.rows()).isEqualTo(parse(report()).rows());
    }

    @Test
    void componentsInSeparateMembersAreJoined() throws Exception {
        List<String> lines = List.of(report().split("\n"));
        Map<String, byte[]> members = new LinkedHashMap<>();
        for (String type : List.of("LMP", "MCE", "MCC", "MCL", "MGHG")) {
            StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
            lines.stream().skip(1).filter(l -> l.split(",")[8].equals(type)).forEach(l -> sb.append(l).append("\r\n"));
            members.put("20260115_20260115_PRC_INTVL_LMP_RTM_" + type + "_v3.csv", sb.toString().getBytes(StandardCharsets.UTF_8));
        }

        assertThat(parse(OasisPayloads.zip(members)).rows()).isEqualTo(parse(report()).rows());
    }

    @Test
    void aNonNumericPriceHoldsBackItsNodeAndIntervalOnly() throws Exception {
        String csv = editLine(report(), 1, l -> l.replace(",0," + OasisPayloads.lmp(0, 0, true) + ",", ",0,abc,"));

        Parsed parsed = parse(csv);

        assertThat(parsed.rows()).hasSize(23);
        assertThat(parsed.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(Window.of(HOUR.start(), Duration.ofMinutes(5)));
            assertThat(q.rows()).isEqualTo(1);
            assertThat(q.reason()).isEqualTo("report.csv line 2: LMP VALUE \"abc\" is not a number");
        });
        assertThat(parsed.covered()).containsExactly(new Window(HOUR.start().plusSeconds(300), HOUR.end()));
    }

    @Test
    void aBrokenIdentityIsQuarantinedWithTheNodeNamed() throws Exception {
        // the 6th data line is node 1's LMP of interval 0
        String csv = editLine(report(), 6, l -> l.replace(",0," + OasisPayloads.lmp(1, 0, true) + ",", ",0,99.5,"));

        Parsed parsed = parse(csv);

        assertThat(parsed.rows()).hasSize(23);
        assertThat(parsed.quarantined()).extracting(Quarantine::reason).containsExactly(
                "DLAP_PGAE-APND LMP 99.5 is not energy + congestion + loss + GHG = " + OasisPayloads.lmp(1, 0, true));
    }

    @Test
    void aMissingComponentIsQuarantined() throws Exception {
        List<String> lines = new ArrayList<>(List.of(report().split("\n")));
        lines.remove(3); // node 0, interval 0, MCC
        Parsed parsed = parse(String.join("\n", lines) + "\n");

        assertThat(parsed.quarantined()).extracting(Quarantine::reason)
                .containsExactly("no MCC line for TH_SP15_GEN-APND");
        assertThat(parsed.rows()).hasSize(23);
    }

    @Test
    void anExactRepeatIsMergedAndAConflictingOneQuarantined() throws Exception {
        String repeated = report() + report().split("\n")[1] + "\n";
        Parsed same = parse(repeated);
        assertThat(same.rows()).hasSize(24);
        assertThat(same.notes()).containsExactly("1 lines repeated an earlier line with the same price; merged");

        String conflicting = report() + report().split("\n")[1].replace(",0," + OasisPayloads.lmp(0, 0, true) + ",",
                ",0,1.5,") + "\n";
        Parsed other = parse(conflicting);
        assertThat(other.rows()).hasSize(23);
        assertThat(other.quarantined()).extracting(Quarantine::reason).singleElement().asString()
                .contains("repeats LMP with 1.5 after " + OasisPayloads.lmp(0, 0, true));
    }

    @Test
    void aMissingRequiredColumnIsSchemaDrift() {
        String csv = report().replace("LMP_TYPE", "COMPONENT");
        assertThatThrownBy(() -> parse(csv))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageStartingWith("report.csv has no column LMP_TYPE (schema drift?)");
        String noPrice = report().replace(",VALUE,", ",PRICE,");
        assertThatThrownBy(() -> parse(noPrice)).hasMessageContaining("has no price column (MW, VALUE, PRC)");
    }

    @Test
    void anUnknownColumnAndLmpTypeAreNoted() throws Exception {
        List<String> lines = new ArrayList<>(List.of(report().split("\n")));
        lines.replaceAll(l -> l + (l.startsWith("INTERVAL") ? ",NEW_FLAG" : ",x"));
        lines.add(lines.get(1).replace(",LMP,", ",MXYZ,"));
        Parsed parsed = parse(String.join("\n", lines) + "\n");

        assertThat(parsed.rows()).hasSize(24);
        assertThat(parsed.notes()).containsExactly("LMP_TYPE values this reader does not know, left out: MXYZ",
                "columns this reader does not know, ignored: NEW_FLAG");
    }

    @Test
    void aLineCutShortIsBadData() {
        String csv = report() + "2026-01-15T10:00:00-00:00,2026-01-15T10:05:00-00:00,2026-01-15,02\n";
        assertThatThrownBy(() -> parse(csv))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("report.csv line 122 has 4 fields, the header 16: the line is cut short");
    }

    @Test
    void anUnreadableOrOffGridTimeIsBadData() {
        assertThatThrownBy(() -> parse(editLine(report(), 1, l -> l.replaceFirst("2026-01-15T10:00:00-00:00", "01/15/2026"))))
                .hasMessageContaining("report.csv line 2: INTERVALSTARTTIME_GMT \"01/15/2026\"");
        assertThatThrownBy(() -> parse(editLine(report(), 1, l -> l.replace("T10:00:00-00:00,2026-01-15T10:05:00",
                "T10:01:00-00:00,2026-01-15T10:06:00"))))
                .hasMessageContaining("is not on the 5-minute grid");
        assertThatThrownBy(() -> parse(editLine(report(), 1, l -> l.replace("T10:05:00-00:00", "T10:15:00-00:00"))))
                .hasMessageContaining("lasts 900 s, this report's intervals last 300 s");
    }

    @Test
    void anAnswerWithoutLinesForARecentWindowCoversNothing() throws Exception {
        String header = report().split("\n")[0] + "\n";
        Parsed parsed = feed.parse(HOUR, OasisPayloads.response(feed.request(HOUR), OasisPayloads.zip("r.csv", header),
                HOUR.end().plusSeconds(600)));
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.covered()).isEmpty();
    }

    @Test
    void allNodesAsksWithGrpTypeAllInOneHourWindows() throws Exception {
        CaisoSettings all = CaisoSettings.from(key -> key.equals(CaisoSettings.NODES) ? java.util.Optional.of("all")
                : java.util.Optional.empty());
        Feed allNodes = new LocationalMarginalPrices(LmpMarket.REAL_TIME_5MIN, all);

        assertThat(allNodes.dataset().maxWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(allNodes.request(HOUR).uri().getQuery()).isEqualTo("resultformat=6&queryname=PRC_INTVL_LMP&version=3"
                + "&market_run_id=RTM&grp_type=ALL&startdatetime=20260115T10:00-0000&enddatetime=20260115T11:00-0000");
        assertThat(new LocationalMarginalPrices(LmpMarket.DAY_AHEAD_HOURLY, all).dataset().maxWindow())
                .isEqualTo(Duration.ofDays(1));
    }

    @Test
    void locationTypesComeFromTheName() {
        assertThat(LmpPivot.locationType("TH_NP15_GEN-APND")).isEqualTo("hub");
        assertThat(LmpPivot.locationType("DLAP_SCE-APND")).isEqualTo("load_zone");
        assertThat(LmpPivot.locationType("PGAE-APND")).isEqualTo("zone");
        assertThat(LmpPivot.locationType("AFPR_1_TOT_GEN-APND")).isEqualTo("zone");
        assertThat(LmpPivot.locationType("0096WD_7_N001")).isEqualTo("node");
    }
}
