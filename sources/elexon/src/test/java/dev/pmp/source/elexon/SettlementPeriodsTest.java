package dev.pmp.source.elexon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Settlement days on the 2024 clock changes (last Sundays of March and October) and a normal day. */
class SettlementPeriodsTest {

    @Test
    void springForwardDayHas46PeriodsFromGmtMidnight() {
        LocalDate day = LocalDate.of(2024, 3, 31);
        assertThat(SettlementPeriods.periodsIn(day)).isEqualTo(46);
        assertThat(SettlementPeriods.start(day, 1)).isEqualTo(Instant.parse("2024-03-31T00:00:00Z"));
        // 01:00 GMT is 02:00 BST: period 3 starts at the first BST half hour.
        assertThat(SettlementPeriods.start(day, 3)).isEqualTo(Instant.parse("2024-03-31T01:00:00Z"));
        assertThat(SettlementPeriods.start(day, 46)).isEqualTo(Instant.parse("2024-03-31T22:30:00Z"));
        assertThatThrownBy(() -> SettlementPeriods.start(day, 47)).hasMessageContaining("periods 1-46");
    }

    @Test
    void fallBackDayHas50PeriodsFromBstMidnight() {
        LocalDate day = LocalDate.of(2024, 10, 27);
        assertThat(SettlementPeriods.periodsIn(day)).isEqualTo(50);
        assertThat(SettlementPeriods.start(day, 1)).isEqualTo(Instant.parse("2024-10-26T23:00:00Z"));
        assertThat(SettlementPeriods.start(day, 4)).isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
        // Periods 5 and 6 repeat the local 01:00-02:00 hour, now in GMT.
        assertThat(SettlementPeriods.start(day, 5)).isEqualTo(Instant.parse("2024-10-27T01:00:00Z"));
        assertThat(SettlementPeriods.start(day, 50)).isEqualTo(Instant.parse("2024-10-27T23:30:00Z"));
        assertThat(SettlementPeriods.periodOf(Instant.parse("2024-10-27T23:45:00Z"))).isEqualTo(50);
        assertThat(SettlementPeriods.dayOf(Instant.parse("2024-10-27T23:45:00Z"))).isEqualTo(day);
    }

    @Test
    void normalBstDayHas48PeriodsAndRoundTrips() {
        LocalDate day = LocalDate.of(2024, 5, 1);
        assertThat(SettlementPeriods.periodsIn(day)).isEqualTo(48);
        assertThat(SettlementPeriods.start(day, 48)).isEqualTo(Instant.parse("2024-05-01T22:30:00Z"));
        for (int sp = 1; sp <= 48; sp++) {
            Instant start = SettlementPeriods.start(day, sp);
            assertThat(SettlementPeriods.dayOf(start)).isEqualTo(day);
            assertThat(SettlementPeriods.periodOf(start)).isEqualTo(sp);
        }
    }
}
