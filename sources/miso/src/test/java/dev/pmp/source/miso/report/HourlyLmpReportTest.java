package dev.pmp.source.miso.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.source.miso.MisoSettings;
import dev.pmp.source.miso.Payloads;
import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The day-ahead ex-post report of 2026-10-01 as recorded (22 hub, load-zone and interface nodes), and
 * defects written into it: cut off, HTML, wrong day, a renamed column, a non-number, repeated and shuffled
 * rows, a missing MLC row. 404 answers are hand-built responses.
 */
class HourlyLmpReportTest {

    static final String FIXTURE = "marketreports_20261001_da_expost_lmp.csv";
    static final String URL = "https://docs.misoenergy.org/marketreports/20261001_da_expost_lmp.csv";
    private static final Instant DAY = Instant.parse("2026-10-01T05:00:00Z");
    private static final Instant NEXT_DAY = Instant.parse("2026-10-02T05:00:00Z");
    private static final Window WINDOW = new Window(DAY, NEXT_DAY);
    private static final MisoSettings ALL = new MisoSettings(MisoSettings.DEFAULT_API_BASE,
            MisoSettings.DEFAULT_REPORTS_BASE, Optional.empty(), MisoSettings.LmpLocations.ALL);

    private static Parsed parse(MisoSettings settings, String body) throws SourceException {
        return HourlyLmpReport.dayAhead(settings).parse(WINDOW, new FetchResponse(URI.create(URL), 200, "text/csv",
                body.getBytes(StandardCharsets.UTF_8), Instant.parse("2026-10-02T12:00:00Z")));
    }

    private static void assertBad(String body, String message) {
        assertThatThrownBy(() -> parse(ALL, body)).isInstanceOfSatisfying(SourceException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("20261001_da_expost_lmp.csv").hasMessageContaining(message);
    }

    @Test
    void everyNodeEveryHour() throws Exception {
        Parsed p = parse(ALL, Payloads.text(FIXTURE));
        assertThat(p.rows()).hasSize(22 * 24);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(DAY, DAY.plusSeconds(3600), "AECI", "interface", 28.16, 37.21,
                -7.65, -1.4));
        assertThat(p.rows().get(2)).isEqualTo(Row.of(DAY, DAY.plusSeconds(3600), "ARKANSAS.HUB", "hub", 27.17, 37.21,
                -8.76, -1.28));
        assertThat(p.rows().get(1)).extracting(r -> r.get(3)).isEqualTo("load_zone");
        // HE 24 of the last node: 23:00-24:00 EST.
        assertThat(p.rows().get(22 * 24 - 1)).isEqualTo(Row.of(NEXT_DAY.minusSeconds(3600), NEXT_DAY, "WPS.AZ", "hub",
                25.94, 38.07, -15.3, 3.17));
        assertThat(p.rows()).allSatisfy(r -> assertThat(HourlyLmpReport.DAY_AHEAD.schema().problemWith(r)).isNull());
        assertThat(p.covered()).containsExactly(WINDOW);
        assertThat(p.quarantined()).isEmpty();
        assertThat(p.notes()).isEmpty();
        assertThat(p.next()).isEmpty();
    }

    @Test
    void hubsOnlyByDefault() throws Exception {
        Parsed p = parse(MisoSettings.defaults(), Payloads.text(FIXTURE));
        assertThat(p.rows()).hasSize(11 * 24);
        assertThat(p.rows()).extracting(r -> r.get(3)).containsOnly("hub");
        assertThat(p.rows().subList(0, 11)).extracting(r -> r.get(2)).containsExactly("ARKANSAS.HUB", "ILLINOIS.HUB",
                "INDIANA.HUB", "LOUISIANA.HUB", "MGE.AZ", "MICHIGAN.HUB", "MINN.HUB", "MS.HUB", "TEXAS.HUB", "WEC.AZ",
                "WPS.AZ");
    }

    @Test
    void requestsTheFileOfTheWindowsEstDayAndPagesThroughLongerWindows() throws Exception {
        HourlyLmpReport feed = HourlyLmpReport.dayAhead(MisoSettings.defaults());
        assertThat(feed.request(WINDOW).uri()).isEqualTo(URI.create(URL));
        // 04:59 UTC is still 23:59 EST of the day before.
        assertThat(feed.request(Window.of(DAY.minusSeconds(60), Duration.ofHours(1))).uri().toString())
                .endsWith("/20260930_da_expost_lmp.csv");
        Window twoDays = new Window(DAY, NEXT_DAY.plus(Duration.ofDays(1)));
        Parsed p = feed.parse(twoDays, new FetchResponse(URI.create(URL), 200, "text/csv", Payloads.fixture(FIXTURE),
                Instant.parse("2026-10-03T12:00:00Z")));
        assertThat(p.next()).map(FetchRequest::uri).contains(URI.create(
                "https://docs.misoenergy.org/marketreports/20261002_da_expost_lmp.csv"));
        assertThat(HourlyLmpReport.realTime(MisoSettings.defaults()).request(WINDOW).uri().toString())
                .isEqualTo("https://docs.misoenergy.org/marketreports/20261001_rt_lmp_final.csv");
    }

    @Test
    void cutOffHtmlEmptyAndWrongDayAreBadData() {
        String full = Payloads.text(FIXTURE);
        assertBad(full.substring(0, full.length() / 2), "cut off");
        assertBad(full.substring(0, full.lastIndexOf("WEC.AZ")), "has no MLC row");
        assertBad("<html><body>Access denied</body></html>\n", "HTML");
        assertBad("", "empty");
        assertBad(full.replace("10/01/2026", "10/02/2026"), "states market day 2026-10-02, not the requested 2026-10-01");
        assertBad(full.replace("10/01/2026", "Oct 1"), "line 2 is \"Oct 1\"");
    }

    @Test
    void missingColumnIsSchemaDriftAndExtraColumnIsNoted() throws Exception {
        String full = Payloads.text(FIXTURE);
        assertBad(full.replace(",HE 24\n", ",HE 25\n"), "no column HE 24");
        assertBad(full.replace("Node,Type,Value", "Name,Type,Value"), "no header line starting with Node");
        assertBad(full.replace("Node,Type,Value", "Node,Kind,Value"), "no column Type");
        String extra = full.replace(",HE 24\n", ",HE 24,Comment\n").replaceAll("(?m)^(\\S+,(Hub|Loadzone|Interface),"
                + "[A-Z]+,.*)$", "$1,x");
        Parsed p = parse(ALL, extra);
        assertThat(p.rows()).hasSize(528);
        assertThat(p.notes()).singleElement().asString().contains("[Comment]");
        assertBad(full.replace("TVA,Interface,MLC,.13,", "TVA,Interface,MLC,"), "has 26 cells, the header has 27");
    }

    @Test
    void nonNumberQuarantinesItsHour() throws Exception {
        Parsed p = parse(ALL, Payloads.text(FIXTURE).replace("ARKANSAS.HUB,Hub,LMP,27.17,26.07,",
                "ARKANSAS.HUB,Hub,LMP,27.17,abc,"));
        assertThat(p.rows()).hasSize(22 * 23);
        Window he2 = Window.of(DAY.plusSeconds(3600), Duration.ofHours(1));
        assertThat(p.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(he2);
            assertThat(q.rows()).isEqualTo(22);
            assertThat(q.reason()).contains("line 8 (ARKANSAS.HUB LMP) HE 2 is \"abc\"");
        });
        assertThat(p.covered()).containsExactly(new Window(DAY, he2.start()), new Window(he2.end(), NEXT_DAY));
    }

    @Test
    void emptyCellQuarantinesItsHourAndUnknownTypeOrValueIsNoted() throws Exception {
        String body = Payloads.text(FIXTURE).replace("TVA,Interface,MLC,.13,.56,", "TVA,Interface,MLC,.13,,")
                .replace("AECI,Interface,", "AECI,Tie,")
                + "AECI,Tie,MEC," + String.join(",", Collections.nCopies(24, "1")) + "\n";
        Parsed p = parse(ALL, body);
        assertThat(p.quarantined()).singleElement().satisfies(q -> assertThat(q.reason()).contains("HE 2 is \"\""));
        assertThat(p.rows().get(0)).extracting(r -> r.get(2), r -> r.get(3)).containsExactly("AECI", "node");
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("[Tie]")).anySatisfy(n -> assertThat(n)
                .contains("[MEC]"));
    }

    @Test
    void repeatedRowsMergeOrQuarantineAndShuffledRowsReadTheSame() throws Exception {
        String full = Payloads.text(FIXTURE);
        List<String> lines = new ArrayList<>(full.lines().toList());
        String repeated = full + lines.get(7) + "\n";
        Parsed same = parse(ALL, repeated);
        assertThat(same.rows()).isEqualTo(parse(ALL, full).rows());
        assertThat(same.notes()).singleElement().asString().contains("1 node row(s) repeated");
        Parsed conflicting = parse(ALL, full + lines.get(7).replace(",27.18", ",99") + "\n");
        assertThat(conflicting.quarantined()).singleElement().satisfies(q -> assertThat(q.reason())
                .contains("repeats ARKANSAS.HUB LMP with another HE 24 value"));
        List<String> data = new ArrayList<>(lines.subList(5, lines.size()));
        Collections.reverse(data);
        String shuffled = String.join("\n", lines.subList(0, 5)) + "\n" + String.join("\n", data) + "\n";
        List<Row> rows = new ArrayList<>(parse(ALL, shuffled).rows());
        assertThat(rows).containsExactlyInAnyOrderElementsOf(parse(ALL, full).rows());
    }

    @Test
    void anAbsentReportBecomesASourceGapThirtyDaysAfterItWasDue() {
        assertThat(HourlyLmpReport.dayAhead(MisoSettings.defaults()).absentAfter()).contains(HourlyLmpReport.MISSING_AFTER);
        assertThat(HourlyLmpReport.realTime(MisoSettings.defaults()).absentAfter()).contains(Duration.ofDays(30));
    }
}
