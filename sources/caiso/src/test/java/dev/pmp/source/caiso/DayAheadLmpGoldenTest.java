package dev.pmp.source.caiso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recorded OASIS {@code PRC_LMP} DAM answer for TH_NP15 on 2025-09-01 (zipped here as OASIS sends it). */
class DayAheadLmpGoldenTest {
    private static final String FIXTURE = "oasis_PRC_LMP_v1_DAM_TH_NP15_2025-09-01.csv";
    private static final Window WINDOW = new Window(Instant.parse("2025-09-01T08:00:00Z"),
            Instant.parse("2025-09-02T08:00:00Z"));
    private static final Instant SETTLED = Instant.parse("2025-10-01T00:00:00Z");

    private final Feed feed = new LocationalMarginalPrices(LmpMarket.DAY_AHEAD_HOURLY, CaisoSettings.defaults());

    private Parsed parse(Window window, Instant fetchedAt) throws Exception {
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("20250901_20250902_PRC_LMP_DAM_v1.csv", OasisPayloads.fixture(FIXTURE));
        FetchRequest request = feed.request(window);
        return feed.parse(window, OasisPayloads.response(request, OasisPayloads.zip(members), fetchedAt));
    }

    @Test
    void pivotsTheUnorderedComponentLinesIntoOneRowPerHour() throws Exception {
        Parsed parsed = parse(WINDOW, SETTLED);

        assertThat(parsed.rows()).hasSize(24);
        assertThat(parsed.rows().get(0)).isEqualTo(Row.of(Instant.parse("2025-09-01T08:00:00Z"),
                Instant.parse("2025-09-01T09:00:00Z"), "TH_NP15_GEN-APND", "hub", 41.7015, 42.0468, -0.3453, 0.0, 0.0));
        assertThat(parsed.rows().get(1)).isEqualTo(Row.of(Instant.parse("2025-09-01T09:00:00Z"),
                Instant.parse("2025-09-01T10:00:00Z"), "TH_NP15_GEN-APND", "hub", 40.60714, 41.73623, -0.08151,
                -1.04758, 0.0));
        assertThat(parsed.rows().get(23)).isEqualTo(Row.of(Instant.parse("2025-09-02T07:00:00Z"),
                Instant.parse("2025-09-02T08:00:00Z"), "TH_NP15_GEN-APND", "hub", 61.06009, 63.81, -2.74991, 0.0, 0.0));
        assertThat(parsed.rows()).extracting(r -> r.instant(0)).isSorted().doesNotHaveDuplicates();
        assertThat(parsed.covered()).containsExactly(WINDOW);
        assertThat(parsed.quarantined()).isEmpty();
        assertThat(parsed.notes()).isEmpty();
        assertThat(parsed.next()).isEmpty();
    }

    @Test
    void linesOutsideTheRequestedWindowAreLeftOutAndNoted() throws Exception {
        Window firstHalf = new Window(WINDOW.start(), Instant.parse("2025-09-01T20:00:00Z"));

        Parsed parsed = parse(firstHalf, SETTLED);

        assertThat(parsed.rows()).hasSize(12);
        assertThat(parsed.rows().get(11).instant(0)).isEqualTo(Instant.parse("2025-09-01T19:00:00Z"));
        assertThat(parsed.covered()).containsExactly(firstHalf);
        assertThat(parsed.notes()).containsExactly("60 lines outside the requested window left out");
    }

    @Test
    void aRecentWindowIsCoveredOnlyUpToItsLastInterval() throws Exception {
        Window longer = new Window(WINDOW.start(), Instant.parse("2025-09-02T12:00:00Z"));

        Parsed parsed = parse(longer, Instant.parse("2025-09-02T12:05:00Z"));

        assertThat(parsed.rows()).hasSize(24);
        assertThat(parsed.covered()).containsExactly(WINDOW);
    }

    @Test
    void theRequestNamesTheReportTheNodesAndTheUtcWindow() {
        assertThat(feed.request(WINDOW).uri().toString()).isEqualTo("https://oasis.caiso.com/oasisapi/SingleZip"
                + "?resultformat=6&queryname=PRC_LMP&version=12&market_run_id=DAM"
                + "&node=TH_NP15_GEN-APND,TH_SP15_GEN-APND,TH_ZP26_GEN-APND,DLAP_PGAE-APND,DLAP_SCE-APND,"
                + "DLAP_SDGE-APND,DLAP_VEA-APND&startdatetime=20250901T08:00-0000&enddatetime=20250902T08:00-0000");
    }

    @Test
    void everyRowFitsTheSchema() throws Exception {
        List<Row> rows = parse(WINDOW, SETTLED).rows();
        assertThat(rows).allSatisfy(r -> assertThat(LocationalMarginalPrices.DAY_AHEAD_HOURLY.schema().problemWith(r))
                .isNull());
    }
}
