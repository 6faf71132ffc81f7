package dev.pmp.source.isone;

import static dev.pmp.source.isone.Answers.API;
import static dev.pmp.source.isone.Answers.day;
import static dev.pmp.source.isone.Answers.json;
import static dev.pmp.source.isone.Answers.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three LMP datasets on the Web Services API. No real LMP answer was recorded: every payload here is
 * synthesised from the documented {@code HourlyLmps.HourlyLmp} / {@code FiveMinLmps.FiveMinLmp} shape (README
 * §3.2) with offsets as in the recorded answers of other endpoints (§3.3).
 */
class LmpApiTest {
    private static final LocalDate FALL_BACK = LocalDate.of(2024, 11, 3);
    private static final LocalDate SPRING_FORWARD = LocalDate.of(2024, 3, 10);

    private final Feed dayAhead = Answers.feed(Lmp.DAY_AHEAD_HOURLY, API);
    private final Feed realTimeHourly = Answers.feed(Lmp.REAL_TIME_HOURLY, API);
    private final Feed fiveMinute = Answers.feed(Lmp.REAL_TIME_FIVE_MINUTE, API);

    private static String hourlyDay(LocalDate d) {
        Window w = day(d);
        return Synthesised.lmpDay("HourlyLmps", "HourlyLmp", Synthesised.instants(w.start(), w.end(), Duration.ofHours(1)));
    }

    @Test
    void readsTheDayAheadFallBackDayAs25Hours() throws SourceException {
        Window window = day(FALL_BACK);
        FetchRequest request = dayAhead.request(window);
        assertThat(request.uri().toString()).isEqualTo("https://webservices.iso-ne.com/api/v1.1/hourlylmp/da/final/day/20241103");
        assertThat(request.authenticated()).isTrue();
        Parsed p = dayAhead.parse(window, json(request, hourlyDay(FALL_BACK)));
        assertThat(p.rows()).hasSize(50);
        assertThat(p.rows().stream().map(r -> r.instant(0)).distinct().toList()).hasSize(25)
                .containsSubsequence(Instant.parse("2024-11-03T05:00:00Z"), Instant.parse("2024-11-03T06:00:00Z"),
                        Instant.parse("2024-11-03T07:00:00Z"));
        assertThat(text(p.rows().get(0))).containsExactly("2024-11-03T04:00:00Z", "2024-11-03T05:00:00Z", "4000",
                ".H.INTERNAL_HUB", "HUB", "hub", "34.4", "30.5", "-0.25", "0.15", "true");
        assertThat(text(p.rows().get(49))).containsExactly("2024-11-04T04:00:00Z", "2024-11-04T05:00:00Z", "4001",
                ".Z.MAINE", "LOAD ZONE", "load_zone", "38.8", "30.5", "-0.25", "0.15", "true");
        assertThat(p.covered()).containsExactly(window);
        assertThat(p.next()).isEmpty();
    }

    @Test
    void readsTheDayAheadSpringForwardDayAs23Hours() throws SourceException {
        Window window = day(SPRING_FORWARD);
        Parsed p = dayAhead.parse(window, json(dayAhead.request(window), hourlyDay(SPRING_FORWARD)));
        assertThat(p.rows()).hasSize(46);
        assertThat(p.rows().get(2).instant(0)).isEqualTo(Instant.parse("2024-03-10T06:00:00Z"));
        assertThat(p.rows().get(4).instant(0)).isEqualTo(Instant.parse("2024-03-10T07:00:00Z"));
        assertThat(p.covered()).containsExactly(window);
    }

    /** The day after: the preliminary edition is read; two days after the day, the final one replaces it. */
    @Test
    void realTimeReadsThePreliminaryEditionUntilTheFinalOneIsDue() throws SourceException {
        Window window = day(FALL_BACK);
        FetchRequest prelim = realTimeHourly.request(window);
        assertThat(prelim.uri().toString()).isEqualTo("https://webservices.iso-ne.com/api/v1.1/hourlylmp/rt/prelim/day/20241103");
        Instant nextMorning = Instant.parse("2024-11-04T15:00:00Z");
        Parsed preliminary = realTimeHourly.parse(window, Answers.answerAt(prelim, "application/json",
                hourlyDay(FALL_BACK), nextMorning));
        assertThat(preliminary.rows()).hasSize(50).allSatisfy(r -> assertThat(r.get(10)).isEqualTo(false));
        assertThat(preliminary.covered()).containsExactly(window);
        assertThat(preliminary.next()).isEmpty();

        Instant due = Instant.parse("2024-11-06T05:00:00Z");
        Parsed setAside = realTimeHourly.parse(window, Answers.answerAt(prelim, "application/json", hourlyDay(FALL_BACK), due));
        assertThat(setAside.rows()).isEmpty();
        assertThat(setAside.covered()).isEmpty();
        assertThat(setAside.notes()).singleElement().asString().contains("final edition of 2024-11-03 is due since "
                + "2024-11-06T05:00:00Z");
        FetchRequest fin = setAside.next().orElseThrow();
        assertThat(fin.uri().toString()).isEqualTo("https://webservices.iso-ne.com/api/v1.1/hourlylmp/rt/final/day/20241103");

        Parsed fina = realTimeHourly.parse(window, Answers.answerAt(fin, "application/json", hourlyDay(FALL_BACK), due));
        assertThat(fina.rows()).hasSize(50).allSatisfy(r -> assertThat(r.get(10)).isEqualTo(true));
        assertThat(fina.covered()).containsExactly(window);
        assertThat(fina.next()).isEmpty();
        // Same natural keys: the final rows supersede the preliminary ones, which the store keeps as revisions.
        assertThat(fina.rows()).extracting(r -> List.of(r.get(0), r.get(2)))
                .containsExactlyElementsOf(preliminary.rows().stream().map(r -> List.of(r.get(0), r.get(2))).toList());
    }

    @Test
    void aFinalEditionDueButNotOutIsNotPublished() throws SourceException {
        Window window = day(FALL_BACK);
        Parsed setAside = realTimeHourly.parse(window, json(realTimeHourly.request(window), hourlyDay(FALL_BACK)));
        FetchRequest fin = setAside.next().orElseThrow();
        assertThatThrownBy(() -> realTimeHourly.parse(window, json(fin, "{\"HourlyLmps\":{\"HourlyLmp\":[]}}")))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED))
                .hasMessageContaining("no data for 2024-11-03 yet");
    }

    /** {@code starthour/01} of the fall-back day spans two absolute hours: 01:00 EDT to 02:00 EST. */
    @Test
    void fiveMinuteStartHourOneOfTheFallBackDayHoldsTwoHours() throws SourceException {
        Window window = Window.of(Instant.parse("2024-11-03T05:00:00Z"), Duration.ofHours(1));
        FetchRequest request = fiveMinute.request(window);
        assertThat(request.uri().toString())
                .isEqualTo("https://webservices.iso-ne.com/api/v1.1/fiveminutelmp/prelim/day/20241103/starthour/01");
        Instant fetched = Instant.parse("2024-11-03T08:00:00Z");
        List<Instant> begins = Synthesised.instants(Instant.parse("2024-11-03T05:00:00Z"),
                Instant.parse("2024-11-03T07:00:00Z"), Duration.ofMinutes(5));
        Parsed p = fiveMinute.parse(window, Answers.answerAt(request, "application/json",
                Synthesised.lmpDay("FiveMinLmps", "FiveMinLmp", begins), fetched));
        assertThat(p.rows()).hasSize(48);
        assertThat(text(p.rows().get(0))).containsExactly("2024-11-03T05:00:00Z", "2024-11-03T05:05:00Z", "4000",
                ".H.INTERNAL_HUB", "HUB", "hub", "35.0", "30.5", "-0.25", "0.15", "false");
        assertThat(p.rows().get(47).instant(0)).isEqualTo(Instant.parse("2024-11-03T06:55:00Z"));
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2024-11-03T05:00:00Z"),
                Instant.parse("2024-11-03T07:00:00Z")));
        // The next page is 02:00 EST, starthour 02.
        assertThat(p.next()).isEmpty();
        Window longer = Window.of(Instant.parse("2024-11-03T05:00:00Z"), Duration.ofHours(3));
        Parsed paged = fiveMinute.parse(longer, Answers.answerAt(request, "application/json",
                Synthesised.lmpDay("FiveMinLmps", "FiveMinLmp", begins), fetched));
        assertThat(paged.next().orElseThrow().uri().toString()).endsWith("/fiveminutelmp/prelim/day/20241103/starthour/02");
    }

    /** On the spring-forward day the hour after 01 is 03: no request names the skipped starthour 02. */
    @Test
    void fiveMinutePagingSkipsTheMissingSpringHour() throws SourceException {
        Window window = Window.of(Instant.parse("2024-03-10T06:00:00Z"), Duration.ofHours(2));
        FetchRequest request = fiveMinute.request(window);
        assertThat(request.uri().toString()).endsWith("/day/20240310/starthour/01");
        List<Instant> begins = Synthesised.instants(Instant.parse("2024-03-10T06:00:00Z"),
                Instant.parse("2024-03-10T07:00:00Z"), Duration.ofMinutes(5));
        Parsed p = fiveMinute.parse(window, Answers.answerAt(request, "application/json",
                Synthesised.lmpDay("FiveMinLmps", "FiveMinLmp", begins), Instant.parse("2024-03-10T08:00:00Z")));
        assertThat(p.rows()).hasSize(24);
        assertThat(p.next().orElseThrow().uri().toString()).endsWith("/day/20240310/starthour/03");
    }

    @Test
    void aSingleRecordMayComeAsAnObject() throws SourceException {
        Window window = day(FALL_BACK);
        String one = "{\"HourlyLmps\":{\"HourlyLmp\":" + Synthesised.lmpRecord(Instant.parse("2024-11-03T04:00:00Z"),
                "4000", "HUB", ".H.INTERNAL_HUB", "25.10") + "}}";
        Parsed p = dayAhead.parse(window, json(dayAhead.request(window), one));
        assertThat(p.rows()).hasSize(1);
        assertThat(p.covered()).containsExactly(new Window(window.start(), Instant.parse("2024-11-03T05:00:00Z")));
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("came as an object"));
    }
}
