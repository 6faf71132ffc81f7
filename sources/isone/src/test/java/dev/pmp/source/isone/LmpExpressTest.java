package dev.pmp.source.isone;

import static dev.pmp.source.isone.Answers.EXPRESS;
import static dev.pmp.source.isone.Answers.csv;
import static dev.pmp.source.isone.Answers.day;
import static dev.pmp.source.isone.Answers.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The LMP datasets on the anonymous ISO Express CSV channel. No real CSV was recorded: the files are synthesised
 * from the documented layout (README §2.2: quoted, {@code C}/{@code H}/{@code D} tags, two header lines, one
 * trailer line; hour-ending labels with {@code 02X} for the repeated hour, §2.5).
 */
class LmpExpressTest {
    private static final List<String> HOURLY = List.of("Date", "Hour Ending", "Location ID", "Location Name",
            "Location Type", "Locational Marginal Price", "Energy Component", "Congestion Component",
            "Marginal Loss Component");
    private static final List<String> FIVE_MINUTE = List.of("Local Time", "Location ID", "LMP", "Energy Component",
            "Congestion Component", "Loss Component");

    private final Feed dayAhead = Answers.feed(Lmp.DAY_AHEAD_HOURLY, EXPRESS);
    private final Feed realTime = Answers.feed(Lmp.REAL_TIME_HOURLY, EXPRESS);
    private final Feed fiveMinute = Answers.feed(Lmp.REAL_TIME_FIVE_MINUTE, EXPRESS);

    private static List<List<String>> hourly(String date, List<String> hours) {
        List<List<String>> out = new ArrayList<>();
        for (String he : hours) {
            out.add(List.of(date, he, "4000", ".H.INTERNAL_HUB", "HUB", "27.93", "27.75", "0.0", "0.18"));
            out.add(List.of(date, he, "321", "UN.FRNKLNSQ13.810CC", "NETWORK NODE", "27.50", "27.75", "-0.5", "0.25"));
        }
        return out;
    }

    private static List<String> hours(int last) {
        List<String> out = new ArrayList<>();
        for (int h = 1; h <= last; h++) {
            out.add(String.format("%02d", h));
        }
        return out;
    }

    @Test
    void asksForTheDayFileInsideTheSessionWithTheReportPageAsReferer() {
        FetchRequest r = dayAhead.request(day(LocalDate.of(2026, 3, 17)));
        assertThat(r.uri().toString())
                .isEqualTo("https://www.iso-ne.com/static-transform/csv/histRpts/da-lmp/WW_DALMP_ISO_20260317.csv");
        assertThat(r.headers()).containsEntry("Referer",
                "https://www.iso-ne.com/isoexpress/web/reports/pricing/-/tree/lmps-da-hourly");
        assertThat(r.authenticated()).isTrue();
        assertThat(r.budget()).contains("express");
    }

    /** The fall-back day: hours 01, 02, 02X, 03 … 24 give 25 hours; 02X is 01:00 EST. */
    @Test
    void readsTheFallBackDayWith02X() throws SourceException {
        Window window = day(LocalDate.of(2024, 11, 3));
        List<String> labels = new ArrayList<>(hours(24));
        labels.add(2, "02X");
        String file = Synthesised.expressCsv("Day-Ahead Energy Market Hourly LMP Report", HOURLY, hourly("11/03/2024", labels));
        Parsed p = dayAhead.parse(window, csv(dayAhead.request(window), file));
        assertThat(p.rows()).hasSize(50);
        List<Instant> starts = p.rows().stream().map(r -> r.instant(0)).distinct().toList();
        assertThat(starts).hasSize(25);
        assertThat(starts.subList(0, 4)).containsExactly(Instant.parse("2024-11-03T04:00:00Z"),
                Instant.parse("2024-11-03T05:00:00Z"), Instant.parse("2024-11-03T06:00:00Z"),
                Instant.parse("2024-11-03T07:00:00Z"));
        assertThat(text(p.rows().get(0))).containsExactly("2024-11-03T04:00:00Z", "2024-11-03T05:00:00Z", "321",
                "UN.FRNKLNSQ13.810CC", "NETWORK NODE", "node", "27.5", "27.75", "-0.5", "0.25", "true");
        assertThat(text(p.rows().get(49))).containsExactly("2024-11-04T04:00:00Z", "2024-11-04T05:00:00Z", "4000",
                ".H.INTERNAL_HUB", "HUB", "hub", "27.93", "27.75", "0.0", "0.18", "true");
        assertThat(p.covered()).containsExactly(window);
    }

    /** The spring-forward day: 23 hours, no hour ending 03; a defensive extra 03 line is left out and noted. */
    @Test
    void readsTheSpringForwardDay() throws SourceException {
        Window window = day(LocalDate.of(2024, 3, 10));
        List<String> labels = new ArrayList<>(hours(24));
        labels.remove("03");
        Parsed p = dayAhead.parse(window, csv(dayAhead.request(window),
                Synthesised.expressCsv("t", HOURLY, hourly("03/10/2024", labels))));
        assertThat(p.rows()).hasSize(46);
        assertThat(p.rows().get(2).instant(0)).isEqualTo(Instant.parse("2024-03-10T06:00:00Z"));
        assertThat(p.rows().get(4).instant(0)).isEqualTo(Instant.parse("2024-03-10T07:00:00Z"));
        assertThat(p.covered()).containsExactly(window);

        Parsed withSkippedHour = dayAhead.parse(window, csv(dayAhead.request(window),
                Synthesised.expressCsv("t", HOURLY, hourly("03/10/2024", hours(24)))));
        assertThat(withSkippedHour.rows()).hasSize(46);
        assertThat(withSkippedHour.notes()).anySatisfy(n -> assertThat(n).contains("2 line(s) with an Hour Ending"));
    }

    @Test
    void realTimeReadsThePreliminaryFileThenTheFinalOneOnceItIsDue() throws SourceException {
        Window window = day(LocalDate.of(2024, 11, 2));
        FetchRequest prelim = realTime.request(window);
        assertThat(prelim.uri().toString())
                .isEqualTo("https://www.iso-ne.com/static-transform/csv/histRpts/rt-lmp/lmp_rt_prelim_20241102.csv");
        String file = Synthesised.expressCsv("t", HOURLY, hourly("11/02/2024", hours(24)));
        Parsed p = realTime.parse(window, Answers.answerAt(prelim, "text/csv", file, Instant.parse("2024-11-03T12:00:00Z")));
        assertThat(p.rows()).hasSize(48).allSatisfy(r -> assertThat(r.get(10)).isEqualTo(false));
        Parsed setAside = realTime.parse(window, csv(prelim, file));
        FetchRequest fin = setAside.next().orElseThrow();
        assertThat(fin.uri().toString()).isEqualTo("https://www.iso-ne.com/histRpts/rt-lmp/lmp_rt_final_20241102.csv");
        assertThat(realTime.parse(window, csv(fin, file)).rows()).hasSize(48)
                .allSatisfy(r -> assertThat(r.get(10)).isEqualTo(true));
    }

    /**
     * The 5-minute file 00-04 of the fall-back day: clock times 01:00-01:55 appear twice per location, the first
     * time EDT, the second EST; the file spans five absolute hours.
     */
    @Test
    void readsTheFiveMinuteFallBackFileByOrder() throws SourceException {
        Window window = day(LocalDate.of(2024, 11, 3));
        FetchRequest request = fiveMinute.request(window);
        assertThat(request.uri().toString()).isEqualTo(
                "https://www.iso-ne.com/static-transform/csv/histRpts/5min-rt-prelim/lmp_5min_20241103_00-04.csv");
        List<String> clocks = new ArrayList<>();
        for (int h : new int[] {0, 1, 1, 2, 3}) {
            for (int m = 0; m < 60; m += 5) {
                clocks.add(String.format("%02d:%02d", h, m));
            }
        }
        List<List<String>> data = new ArrayList<>();
        for (String c : clocks) {
            data.add(List.of(c, "4000", "25.00", "25.10", "0.00", "-0.10"));
            data.add(List.of(c, "555", "26.00", "25.10", "1.00", "-0.10"));
        }
        Parsed p = fiveMinute.parse(window, csv(request,
                Synthesised.expressCsv("Five-Minute Locational Marginal Prices", FIVE_MINUTE, data)));
        assertThat(p.rows()).hasSize(120);
        assertThat(text(p.rows().get(0))).containsExactly("2024-11-03T04:00:00Z", "2024-11-03T04:05:00Z", "4000",
                ".H.INTERNAL_HUB", "null", "hub", "25.0", "25.1", "0.0", "-0.1", "false");
        assertThat(text(p.rows().get(1))).containsExactly("2024-11-03T04:00:00Z", "2024-11-03T04:05:00Z", "555",
                "null", "null", "node", "26.0", "25.1", "1.0", "-0.1", "false");
        assertThat(p.rows().get(119).instant(0)).isEqualTo(Instant.parse("2024-11-03T08:55:00Z"));
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2024-11-03T04:00:00Z"),
                Instant.parse("2024-11-03T09:00:00Z")));
        assertThat(p.next().orElseThrow().uri().toString()).endsWith("lmp_5min_20241103_04-08.csv");
    }

    @Test
    void refusesAnAnswerThatIsNotCsv() {
        Window window = day(LocalDate.of(2024, 11, 2));
        FetchRequest r = dayAhead.request(window);
        assertThatThrownBy(() -> dayAhead.parse(window, Answers.answer(r, "text/html; charset=utf-8",
                "\"C\",\"x\"\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("not text/csv");
    }

    @Test
    void anEmptyCsvIsNotPublished() {
        Window window = day(LocalDate.of(2024, 11, 2));
        FetchRequest r = dayAhead.request(window);
        assertThatThrownBy(() -> dayAhead.parse(window, csv(r, Synthesised.expressCsv("t", HOURLY, List.of()))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED));
    }

    @Test
    void aMissingRequiredColumnIsSchemaDrift() {
        Window window = day(LocalDate.of(2024, 11, 2));
        List<String> drifted = HOURLY.stream().map(c -> c.equals("Energy Component") ? "Energy Part" : c).toList();
        String file = Synthesised.expressCsv("t", drifted, hourly("11/02/2024", hours(24)));
        assertThatThrownBy(() -> dayAhead.parse(window, csv(dayAhead.request(window), file)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("required column \"Energy Component\" is missing");
    }

    @Test
    void aFileCutShortIsBadData() {
        Window window = day(LocalDate.of(2024, 11, 2));
        String file = Synthesised.expressCsv("t", HOURLY, hourly("11/02/2024", hours(24)));
        String cut = file.substring(0, file.lastIndexOf("\"T\""));
        assertThatThrownBy(() -> dayAhead.parse(window, csv(dayAhead.request(window), cut)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("truncated");
        String mid = file.substring(0, file.length() / 2);
        assertThatThrownBy(() -> dayAhead.parse(window, csv(dayAhead.request(window), mid)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA));
    }

    @Test
    void aNonNumericPriceQuarantinesItsHourOnly() throws SourceException {
        Window window = day(LocalDate.of(2024, 11, 2));
        List<List<String>> data = new ArrayList<>(hourly("11/02/2024", hours(24)));
        data.set(6, List.of("11/02/2024", "04", "4000", ".H.INTERNAL_HUB", "HUB", "N/A", "27.75", "0.0", "0.18"));
        Parsed p = dayAhead.parse(window, csv(dayAhead.request(window), Synthesised.expressCsv("t", HOURLY, data)));
        assertThat(p.rows()).hasSize(46);
        assertThat(p.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(new Window(Instant.parse("2024-11-02T07:00:00Z"), Instant.parse("2024-11-02T08:00:00Z")));
            assertThat(q.reason()).contains("LMP is not a number: \"N/A\"");
        });
        assertThat(p.covered()).containsExactly(new Window(window.start(), Instant.parse("2024-11-02T07:00:00Z")),
                new Window(Instant.parse("2024-11-02T08:00:00Z"), window.end()));
    }

    @Test
    void mergesExactRepeatsAndSortsLinesOutOfOrder() throws SourceException {
        Window window = day(LocalDate.of(2024, 11, 2));
        List<List<String>> data = new ArrayList<>(hourly("11/02/2024", hours(24)));
        java.util.Collections.reverse(data);
        data.add(data.get(0));
        Parsed p = dayAhead.parse(window, csv(dayAhead.request(window), Synthesised.expressCsv("t", HOURLY, data)));
        assertThat(p.rows()).hasSize(48);
        assertThat(p.rows().get(0).instant(0)).isEqualTo(window.start());
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("1 exact repeat"))
                .anySatisfy(n -> assertThat(n).contains("out of time order"));
    }

    @Test
    void twoDifferentRowsForOneKeyHoldTheirHourBack() throws SourceException {
        Window window = day(LocalDate.of(2024, 11, 2));
        List<List<String>> data = new ArrayList<>(hourly("11/02/2024", hours(24)));
        data.add(List.of("11/02/2024", "01", "4000", ".H.INTERNAL_HUB", "HUB", "99.0", "27.75", "0.0", "0.18"));
        Parsed p = dayAhead.parse(window, csv(dayAhead.request(window), Synthesised.expressCsv("t", HOURLY, data)));
        assertThat(p.rows()).hasSize(46);
        assertThat(p.quarantined()).singleElement().satisfies(q -> assertThat(q.reason()).contains("two different rows"));
    }
}
