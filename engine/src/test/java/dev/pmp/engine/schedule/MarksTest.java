package dev.pmp.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarksTest {
    private static final Dataset FIVE_MINUTE = dev.pmp.engine.TestDatasets.FIVE_MINUTE;

    @Test
    void marksAreGridPointsPlusThePublicationDelayReadFromTheClock() {
        assertThat(Marks.nextMark(FIVE_MINUTE, Instant.parse("2025-11-08T21:33:10Z")))
                .isEqualTo(Instant.parse("2025-11-08T21:37:00Z"));
        assertThat(Marks.nextMark(FIVE_MINUTE, Instant.parse("2025-11-08T21:37:00Z")))
                .isEqualTo(Instant.parse("2025-11-08T21:42:00Z"));
        assertThat(Marks.lastMark(FIVE_MINUTE, Instant.parse("2025-11-08T21:33:10Z")))
                .isEqualTo(Instant.parse("2025-11-08T21:32:00Z"));
    }

    @Test
    void aShorterPollIntervalRunsOnItsOwnMarks() {
        Dataset halfHourly = new Dataset("test.half_hourly", "t", "t", FIVE_MINUTE.schema(), FIVE_MINUTE.timeShape(),
                FIVE_MINUTE.access(), Duration.ofMinutes(30), FIVE_MINUTE.marketZone(), Duration.ofMinutes(2),
                FIVE_MINUTE.grace(), FIVE_MINUTE.earliest(), FIVE_MINUTE.sourceRetention(), true, Duration.ofDays(1));
        Instant now = Instant.parse("2025-11-08T21:33:10Z");
        assertThat(Marks.nextMark(halfHourly, now)).isEqualTo(Instant.parse("2025-11-08T22:02:00Z"));
        Dataset polled = halfHourly.withPollInterval(Duration.ofMinutes(15));
        assertThat(polled.cadence()).isEqualTo(Duration.ofMinutes(30));
        assertThat(Marks.nextMark(polled, now)).isEqualTo(Instant.parse("2025-11-08T21:47:00Z"));
        assertThat(Marks.lastMark(polled, now)).isEqualTo(Instant.parse("2025-11-08T21:32:00Z"));
    }

    @Test
    void aPassThatCaughtUpWaitsForTheNextMark() {
        Instant now = Instant.parse("2025-11-08T21:32:03Z");
        assertThat(Marks.nextRun(FIVE_MINUTE, now, report(true, null), Duration.ofSeconds(30)))
                .isEqualTo(Instant.parse("2025-11-08T21:37:00Z"));
    }

    @Test
    void aPassStillMissingTheNewestIntervalPollsAgainSoonWithinGrace() {
        Instant now = Instant.parse("2025-11-08T21:32:03Z");
        assertThat(Marks.nextRun(FIVE_MINUTE, now, report(false, null), Duration.ofSeconds(30)))
                .isEqualTo(now.plusSeconds(30));
        assertThat(Marks.nextRun(FIVE_MINUTE, now, report(true, Failure.TRANSIENT), Duration.ofSeconds(30)))
                .isEqualTo(now.plusSeconds(30));
    }

    @Test
    void repollNeverOvershootsTheNextMarkAndBadDataWaitsForIt() {
        Instant now = Instant.parse("2025-11-08T21:36:50Z");
        assertThat(Marks.nextRun(FIVE_MINUTE, now, report(false, null), Duration.ofSeconds(30)))
                .isEqualTo(Instant.parse("2025-11-08T21:37:00Z"));
        assertThat(Marks.nextRun(FIVE_MINUTE, Instant.parse("2025-11-08T21:32:03Z"), report(true, Failure.BAD_DATA),
                Duration.ofSeconds(30))).isEqualTo(Instant.parse("2025-11-08T21:37:00Z"));
    }

    private static RunReport report(boolean caughtUp, Failure failure) {
        return new RunReport("test.samples", 1, 0, WriteResult.NONE, List.of(), caughtUp, List.of(), List.of(), failure,
                failure == null ? "" : "x", Duration.ZERO);
    }
}
