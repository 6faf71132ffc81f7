package dev.pmp.source.caiso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Feed;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The clock-change days of 2024 for the three LMP reports. No recording of an OASIS DST day exists, so
 * the answers are synthesised from the documented format (shared/sources/caiso/README.md §2.3, §3):
 * GMT interval columns, OPR_HR 25 for the repeated fall-back hour, 23 hours on the spring day. The
 * parser must take times from the GMT columns only.
 */
class LmpDstTest {
    /** 2024-03-10 00:00 PST. */
    private static final Instant SPRING = Instant.parse("2024-03-10T08:00:00Z");
    /** 2024-03-11 00:00 PDT: 23 hours later. */
    private static final Instant SPRING_END = Instant.parse("2024-03-11T07:00:00Z");
    /** 2024-11-03 00:00 PDT. */
    private static final Instant FALL = Instant.parse("2024-11-03T07:00:00Z");
    /** 2024-11-04 00:00 PST: 25 hours later. */
    private static final Instant FALL_END = Instant.parse("2024-11-04T08:00:00Z");
    private static final Instant SETTLED = Instant.parse("2025-01-15T00:00:00Z");
    private static final List<String> HUBS = List.of("TH_NP15_GEN-APND", "TH_SP15_GEN-APND");

    private static Parsed parse(LmpMarket market, String csv, Window window) throws Exception {
        Feed feed = new LocationalMarginalPrices(market, CaisoSettings.defaults());
        return feed.parse(window, OasisPayloads.response(feed.request(window), OasisPayloads.zip("report.csv", csv),
                SETTLED));
    }

    @Test
    void dayAheadSpringForwardDayHas23Hours() throws Exception {
        Window day = new Window(SPRING, SPRING_END);
        Parsed parsed = parse(LmpMarket.DAY_AHEAD_HOURLY, OasisPayloads.damLmp(HUBS, SPRING, SPRING_END), day);

        assertThat(parsed.rows()).hasSize(23 * 2);
        assertThat(starts(parsed)).contains(Instant.parse("2024-03-10T09:00:00Z"), Instant.parse("2024-03-10T10:00:00Z"));
        // 01:00 PST is 09:00Z, the next hour 03:00 PDT is 10:00Z: no row in between, none missing.
        assertThat(starts(parsed).stream().distinct().count()).isEqualTo(23);
        assertThat(parsed.covered()).containsExactly(day);
    }

    @Test
    void dayAheadFallBackDayHas25HoursWithTheRepeatedHourApart() throws Exception {
        Window day = new Window(FALL, FALL_END);
        String csv = OasisPayloads.damLmp(HUBS, FALL, FALL_END);
        assertThat(csv).contains("2024-11-03T09:00:00-00:00,2024-11-03T10:00:00-00:00,2024-11-03,25,0");

        Parsed parsed = parse(LmpMarket.DAY_AHEAD_HOURLY, csv, day);

        assertThat(parsed.rows()).hasSize(25 * 2);
        assertThat(starts(parsed).stream().distinct().toList()).containsSubsequence(
                Instant.parse("2024-11-03T08:00:00Z"), Instant.parse("2024-11-03T09:00:00Z"),
                Instant.parse("2024-11-03T10:00:00Z"));
        assertThat(parsed.rows().get(4)).isEqualTo(Row.of(Instant.parse("2024-11-03T09:00:00Z"),
                Instant.parse("2024-11-03T10:00:00Z"), "TH_NP15_GEN-APND", "hub", OasisPayloads.lmp(0, 2, true),
                OasisPayloads.energy(0, 2), OasisPayloads.congestion(0, 2), OasisPayloads.loss(0, 2),
                OasisPayloads.ghg(0, 2)));
        assertThat(parsed.covered()).containsExactly(day);
    }

    @Test
    void fiveMinuteFallBackDayHas300IntervalsAndNoGhgInVersion1() throws Exception {
        Window day = new Window(FALL, FALL_END);
        String csv = OasisPayloads.rtLmp("MW", "RTM", HUBS, FALL, FALL_END, Duration.ofMinutes(5), false);

        Parsed parsed = parse(LmpMarket.REAL_TIME_5MIN, csv, day);

        assertThat(parsed.rows()).hasSize(300 * 2);
        assertThat(starts(parsed).stream().distinct().count()).isEqualTo(300);
        assertThat(parsed.rows()).allSatisfy(r -> assertThat(r.get(8)).isNull());
        // 01:55 PDT (08:55Z), then the repeated 01:00 PST (09:00Z)
        assertThat(parsed.rows().get(2 * 23).instant(0)).isEqualTo(Instant.parse("2024-11-03T08:55:00Z"));
        assertThat(parsed.rows().get(2 * 24).instant(0)).isEqualTo(Instant.parse("2024-11-03T09:00:00Z"));
        assertThat(parsed.rows().get(2 * 24).instant(1)).isEqualTo(Instant.parse("2024-11-03T09:05:00Z"));
        assertThat(parsed.covered()).containsExactly(day);
    }

    @Test
    void fiveMinuteSpringForwardDayHas276IntervalsWithValueColumnOfVersion3() throws Exception {
        Window day = new Window(SPRING, SPRING_END);
        String csv = OasisPayloads.rtLmp("VALUE", "RTM", HUBS, SPRING, SPRING_END, Duration.ofMinutes(5), true);

        Parsed parsed = parse(LmpMarket.REAL_TIME_5MIN, csv, day);

        assertThat(parsed.rows()).hasSize(276 * 2);
        // 01:55 PST is 09:55Z, 03:00 PDT is 10:00Z
        assertThat(parsed.rows().get(2 * 23).instant(0)).isEqualTo(Instant.parse("2024-03-10T09:55:00Z"));
        assertThat(parsed.rows().get(2 * 24).instant(0)).isEqualTo(Instant.parse("2024-03-10T10:00:00Z"));
        assertThat(parsed.rows().get(1).get(8)).isEqualTo(OasisPayloads.ghg(1, 0));
    }

    @Test
    void fifteenMinuteBothDaysWithPriceColumnPrc() throws Exception {
        Parsed spring = parse(LmpMarket.REAL_TIME_15MIN, OasisPayloads.rtLmp("PRC", "RTPD", HUBS, SPRING, SPRING_END,
                Duration.ofMinutes(15), true), new Window(SPRING, SPRING_END));
        Parsed fall = parse(LmpMarket.REAL_TIME_15MIN, OasisPayloads.rtLmp("PRC", "RTPD", HUBS, FALL, FALL_END,
                Duration.ofMinutes(15), true), new Window(FALL, FALL_END));

        assertThat(spring.rows()).hasSize(92 * 2);
        assertThat(fall.rows()).hasSize(100 * 2);
        assertThat(fall.rows().get(2 * 8).instant(0)).isEqualTo(Instant.parse("2024-11-03T09:00:00Z"));
        assertThat(spring.rows().get(2 * 8).instant(0)).isEqualTo(Instant.parse("2024-03-10T10:00:00Z"));
    }

    private static List<Instant> starts(Parsed parsed) {
        return parsed.rows().stream().map(r -> r.instant(0)).toList();
    }
}
