package dev.pmp.source.nyiso;

import static dev.pmp.source.nyiso.Payloads.daily;
import static dev.pmp.source.nyiso.Payloads.day;
import static dev.pmp.source.nyiso.Payloads.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.source.nyiso.SyntheticFiles.Stamp;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Daily files: the RTD/RTC split, generator buses, two files per day, and every failure a daily file can
 * show. Bodies are the recorded {@code pal} fixture or files <b>synthesised from the documented layouts</b>
 * (spec §2).
 */
class DailyFileTest {

    private static final LocalDate JUN_3 = LocalDate.of(2024, 6, 3);
    private static final LocalDate NOV_22 = LocalDate.of(2017, 11, 22);
    private static final String PAL = new String(Payloads.fixture("pyiso_20171122pal.csv"),
            java.nio.charset.StandardCharsets.UTF_8);

    private static Parsed pal(String body) throws SourceException {
        return feed(NyisoDatasets.LOAD_ACTUAL).parse(day(NOV_22), daily(NyisoDatasets.PAL, NOV_22, body));
    }

    @Test
    void realtimeFileOfTheCurrentDayDropsRtcAdvisoryRows() throws SourceException {
        StringBuilder body = new StringBuilder(SyntheticFiles.LBMP_HEADER).append('\n');
        // RTD 00:05 ... 10:10, then RTC every quarter hour 10:15 ... 12:00
        List<String> stamps = new ArrayList<>();
        for (int m = 5; m <= 10 * 60 + 10; m += 5) {
            stamps.add(String.format("06/03/2024 %02d:%02d:00", m / 60, m % 60));
        }
        for (int m = 10 * 60 + 15; m <= 12 * 60; m += 15) {
            stamps.add(String.format("06/03/2024 %02d:%02d:00", m / 60, m % 60));
        }
        for (String s : stamps) {
            body.append('"').append(s).append("\",\"WEST\",61752,30.10,1.10,-0.40\n");
        }
        Parsed p = feed(NyisoDatasets.LMP_REAL_TIME_5MIN).parse(day(JUN_3), daily(NyisoDatasets.RT_ZONE, JUN_3,
                body.toString()));
        // 10:15 ends on a quarter hour right before the RTC run: it could be either, so it is left out too
        assertThat(p.rows()).hasSize(122);
        assertThat(p.rows().get(121)).isEqualTo(Row.of(Instant.parse("2024-06-03T14:05:00Z"),
                Instant.parse("2024-06-03T14:10:00Z"), "WEST", "zone", 61752L, 30.10, 1.10, 0.40, 28.6));
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2024-06-03T04:00:00Z"),
                Instant.parse("2024-06-03T14:10:00Z")));
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("8 rows", "RTC 15-minute advisory",
                "2024-06-03T14:15:00Z"));
    }

    @Test
    void lbmpDatasetsReadTheGeneratorFileFirstThenTheZoneFile() {
        Feed feed = feed(NyisoDatasets.LMP_DAY_AHEAD_HOURLY);
        assertThat(feed.request(day(JUN_3)).uri().toString())
                .isEqualTo("http://mis.nyiso.com/public/csv/damlbmp/20240603damlbmp_gen.csv");
    }

    @Test
    void theGeneratorFileKeepsTheReferenceBusByDefaultAndClaimsNothing() throws SourceException {
        String gen = SyntheticFiles.lbmp(JUN_3, Duration.ofHours(1), Stamp.START,
                List.of("NYISO_LBMP_REFERENCE", "ASTORIA___GT_2_1", "BOWLINE___1"));
        Parsed p = feed(NyisoDatasets.LMP_DAY_AHEAD_HOURLY).parse(day(JUN_3), daily(NyisoDatasets.DAM_GEN, JUN_3, gen));
        assertThat(p.rows()).hasSize(24).allSatisfy(r -> assertThat(r.text(2)).isEqualTo("NYISO_LBMP_REFERENCE"));
        assertThat(p.rows().get(0).text(3)).isEqualTo("hub");
        assertThat(p.covered()).isEmpty();
        assertThat(p.next()).hasValueSatisfying(n -> assertThat(n.uri().toString())
                .isEqualTo("http://mis.nyiso.com/public/csv/damlbmp/20240603damlbmp_zone.csv"));

        Parsed all = feed(NyisoDatasets.LMP_DAY_AHEAD_HOURLY, Payloads.GENERATORS).parse(day(JUN_3),
                daily(NyisoDatasets.DAM_GEN, JUN_3, gen));
        assertThat(all.rows()).hasSize(72);
        assertThat(all.rows().get(1).text(3)).isEqualTo("resource");
    }

    @Test
    void theZoneFileOfTheCurrentDayCoversOnlyWhatTheGeneratorFileSurelyHasToo() throws SourceException {
        String zone = SyntheticFiles.lbmp(JUN_3, Duration.ofMinutes(5), Stamp.END, List.of("WEST"));
        String partial = zone.substring(0, zone.indexOf("\"06/03/2024 12:05:00\""));
        Parsed p = feed(NyisoDatasets.LMP_REAL_TIME_5MIN).parse(day(JUN_3), Payloads.response(
                NyisoDatasets.RT_ZONE.uri(Payloads.BASE, NyisoDatasets.RT_ZONE.dailyName(JUN_3)),
                Payloads.utf8(partial), Instant.parse("2024-06-03T16:07:00Z")));
        assertThat(p.rows()).hasSize(144);
        // rows through 12:00 EDT (16:00Z); coverage held 15 minutes behind the fetch
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2024-06-03T04:00:00Z"),
                Instant.parse("2024-06-03T15:50:00Z")));
        assertThat(p.next()).isEmpty();
    }

    @Test
    void aWindowOfSeveralDaysChainsTheDailyFiles() throws SourceException {
        Feed feed = feed(NyisoDatasets.LOAD_ACTUAL);
        Window twoDays = new Window(day(NOV_22).start(), day(NOV_22.plusDays(1)).end());
        assertThat(feed.request(twoDays).uri().toString()).isEqualTo("http://mis.nyiso.com/public/csv/pal/20171122pal.csv");
        Parsed p = feed.parse(twoDays, daily(NyisoDatasets.PAL, NOV_22, PAL));
        assertThat(p.next()).hasValueSatisfying(n -> assertThat(n.uri().toString())
                .isEqualTo("http://mis.nyiso.com/public/csv/pal/20171123pal.csv"));
    }

    @Test
    void anAnswerForAnotherFileIsBadData() {
        assertThatThrownBy(() -> feed(NyisoDatasets.LOAD_ACTUAL).parse(day(NOV_22),
                daily(NyisoDatasets.PAL, NOV_22.plusDays(3), PAL)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("20171125pal.csv", "is not one of the files");
    }

    @Test
    void htmlBehindA200IsBadData() {
        assertThatThrownBy(() -> pal("<html><head><title>NYISO</title></head><body>Maintenance</body></html>"))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("20171122pal.csv is an HTML or XML page");
    }

    @Test
    void anEmptyBodyIsNotPublishedYet() {
        assertThatThrownBy(() -> pal(""))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED))
                .hasMessageContaining("20171122pal.csv is empty");
    }

    @Test
    void aHeaderWithoutRowsCoversNothing() throws SourceException {
        Parsed p = pal(SyntheticFiles.PAL_HEADER + "\r\n");
        assertThat(p.rows()).isEmpty();
        assertThat(p.covered()).isEmpty();
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("no rows yet"));
    }

    @Test
    void aMissingRequiredColumnIsSchemaDrift() {
        assertThatThrownBy(() -> pal(PAL.replace("\"Load\"", "\"Actual Load\"")))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("20171122pal.csv", "required column \"Load\" is missing", "Actual Load");
    }

    @Test
    void anUnknownExtraColumnIsANote() throws SourceException {
        StringBuilder body = new StringBuilder();
        String[] lines = PAL.split("\r\n");
        for (int i = 0; i < lines.length; i++) {
            body.append(lines[i]).append(i == 0 ? ",\"Comment\"" : ",\"checked\"").append("\r\n");
        }
        Parsed p = pal(body.toString());
        assertThat(p.rows()).hasSize(3190);
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("unknown column \"Comment\" ignored"));
    }

    @Test
    void aNonNumericValueQuarantinesTheDay() throws SourceException {
        Parsed p = pal(PAL.replace("61754,1581.8", "61754,n/a"));
        assertThat(p.rows()).isEmpty();
        assertThat(p.covered()).isEmpty();
        assertThat(p.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(day(NOV_22));
            assertThat(q.rows()).isEqualTo(3190);
            assertThat(q.reason()).contains("20171122pal.csv", "line 3", "\"Load\"", "\"n/a\" is not a number");
        });
    }

    @Test
    void aBadTimeZoneLabelQuarantinesTheDay() throws SourceException {
        Parsed p = pal(PAL.replaceFirst("\"EST\"", "\"CST\""));
        assertThat(p.quarantined()).singleElement().satisfies(q ->
                assertThat(q.reason()).contains("Time Zone \"CST\" is neither EST nor EDT"));
    }

    @Test
    void exactDuplicateRowsAreDroppedWithANote() throws SourceException {
        String line = "\"11/22/2017 00:00:00\",\"EST\",\"CAPITL\",61757,1140.5\r\n";
        Parsed p = pal(PAL + line);
        Pipeline.validate(NyisoDatasets.LOAD_ACTUAL, p.rows());
        assertThat(p.rows()).hasSize(3190);
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("1 repeated rows dropped"));
    }

    @Test
    void conflictingDuplicateRowsQuarantineTheDay() throws SourceException {
        Parsed p = pal(PAL + "\"11/22/2017 00:00:00\",\"EST\",\"CAPITL\",61757,999.9\r\n");
        assertThat(p.rows()).isEmpty();
        assertThat(p.quarantined()).singleElement().satisfies(q ->
                assertThat(q.reason()).contains("two different rows", "CAPITL", "999.9", "1140.5"));
    }

    @Test
    void outOfOrderRowsGiveTheSameRows() throws SourceException {
        String[] lines = PAL.split("\r\n");
        List<String> data = new ArrayList<>(List.of(lines).subList(1, lines.length));
        Collections.reverse(data);
        Parsed shuffled = pal(lines[0] + "\r\n" + String.join("\r\n", data) + "\r\n");
        Parsed ordered = pal(PAL);
        Comparator<Row> byKey = Comparator.comparing((Row r) -> r.instant(0)).thenComparing(r -> r.text(1));
        assertThat(shuffled.rows().stream().sorted(byKey).toList()).isEqualTo(ordered.rows().stream().sorted(byKey).toList());
        assertThat(shuffled.covered()).isEqualTo(ordered.covered());
    }

    @Test
    void aTruncatedLastLineQuarantinesTheDay() throws SourceException {
        Parsed p = pal(PAL.substring(0, PAL.length() - 20));
        assertThat(p.quarantined()).singleElement().satisfies(q -> assertThat(q.reason()).contains("line 3191"));
    }

    @Test
    void aTimeThatDoesNotExistQuarantinesTheDay() throws SourceException {
        LocalDate spring = LocalDate.of(2024, 3, 10);
        String body = SyntheticFiles.LBMP_HEADER + "\n\"03/10/2024 02:00:00\",\"WEST\",61752,30.00,1.00,0.00\n";
        Parsed p = feed(NyisoDatasets.LMP_DAY_AHEAD_HOURLY).parse(day(spring),
                daily(NyisoDatasets.DAM_ZONE, spring, body));
        assertThat(p.quarantined()).singleElement().satisfies(q ->
                assertThat(q.reason()).contains("02:00:00 does not exist"));
    }

    @Test
    void aLocalTimeRepeatedThreeTimesQuarantinesTheDay() throws SourceException {
        LocalDate fall = LocalDate.of(2024, 11, 3);
        String line = "\"11/03/2024 01:00:00\",\"WEST\",61752,30.00,1.00,0.00\n";
        Parsed p = feed(NyisoDatasets.LMP_DAY_AHEAD_HOURLY).parse(day(fall), daily(NyisoDatasets.DAM_ZONE, fall,
                SyntheticFiles.LBMP_HEADER + "\n" + line + line + line));
        assertThat(p.quarantined()).singleElement().satisfies(q ->
                assertThat(q.reason()).contains("line 4", "appears more than twice for WEST"));
    }

    @Test
    void anErrorTextInsteadOfTheFileIsSchemaDrift() {
        assertThatThrownBy(() -> pal("The requested report is not available.\r\n"))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("required column \"Time Stamp\" is missing");
    }

    @Test
    void aDayAheadZoneFileFetchedDuringItsDayCoversTheWholeDay() throws SourceException {
        String zone = SyntheticFiles.lbmp(JUN_3, Duration.ofHours(1), Stamp.START, List.of("WEST"));
        Parsed p = feed(NyisoDatasets.LMP_DAY_AHEAD_HOURLY).parse(day(JUN_3), Payloads.response(
                NyisoDatasets.DAM_ZONE.uri(Payloads.BASE, NyisoDatasets.DAM_ZONE.dailyName(JUN_3)),
                Payloads.utf8(zone), Instant.parse("2024-06-03T16:07:00Z")));
        assertThat(p.rows()).hasSize(24);
        assertThat(p.covered()).containsExactly(day(JUN_3));
    }
}
