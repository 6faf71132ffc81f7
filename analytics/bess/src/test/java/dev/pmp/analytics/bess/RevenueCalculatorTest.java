package dev.pmp.analytics.bess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pmp.spi.Store;
import dev.pmp.store.duckdb.DuckDbStore;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed golden resource-days. Every expected figure is worked out in the comment above it from the rows the
 * test writes; the rows are in the ERCOT datasets' schemas.
 */
class RevenueCalculatorTest {
    static final String NODE = "BAT1_RN";
    static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-21T00:00:00Z"));
    static final Object[] NONE = new Object[0];

    static ResourceDay only(RevenueReport r) {
        assertThat(r.days()).hasSize(1);
        return r.days().get(0);
    }

    static RevenueReport compute(Market m, LocalDate from, LocalDate to) throws Exception {
        MemoryStore store = m.writeTo(new MemoryStore());
        return new RevenueCalculator(store, ErcotSchemas.INPUTS, CLOCK).compute(from, to);
    }

    static void assertStreams(ResourceDay d, double da, double rt, double regup, double regdn, double rrs, double ecrs,
            double nspin) {
        Map<RevenueStream, Double> r = d.revenueUsd();
        assertThat(r.get(RevenueStream.DA_ENERGY)).as("DA energy").isCloseTo(da, within(1e-6));
        assertThat(r.get(RevenueStream.RT_ENERGY)).as("RT energy").isCloseTo(rt, within(1e-6));
        assertThat(r.get(RevenueStream.REGUP)).as("RegUp").isCloseTo(regup, within(1e-6));
        assertThat(r.get(RevenueStream.REGDN)).as("RegDown").isCloseTo(regdn, within(1e-6));
        assertThat(r.get(RevenueStream.RRS)).as("RRS").isCloseTo(rrs, within(1e-6));
        assertThat(r.get(RevenueStream.ECRS)).as("ECRS").isCloseTo(ecrs, within(1e-6));
        assertThat(r.get(RevenueStream.NSPIN)).as("NSPIN").isCloseTo(nspin, within(1e-6));
        assertThat(d.totalUsd()).isCloseTo(da + rt + regup + regdn + rrs + ecrs + nspin, within(1e-6));
    }

    /** 2024-07-10 (CDT): PWRSTR discharging 10 MW DA in HE18, metering 12 MW, SCED runs 25 s past the mark. */
    static Market dischargingDay() {
        LocalDate day = LocalDate.of(2024, 7, 10);
        return new Market().covers(day)
                .damDay(day, "BAT1_UNIT1", "PWRSTR", NODE, 100, h -> switch (h) {
                    case 0 -> new Object[] {"regup_awarded_mw", 5.0};
                    case 1 -> new Object[] {"rrspfr_awarded_mw", 3.0, "rrsffr_awarded_mw", 2.0, "rrsufr_awarded_mw", 1.0};
                    case 17 -> new Object[] {"awarded_mw", 10.0};
                    default -> NONE;
                })
                .scedDay(day, "BAT1_UNIT1", "PWRSTR", 100, 25, s -> s >= 17 * 3600 && s < 18 * 3600 ? 12 : 0, s -> NONE)
                .daPrices(day, NODE, h -> 50).rtPrices(day, NODE, q -> q >= 64 && q < 68 ? 100 : 40)
                .daMcpc(day, "REGUP", h -> 10).daMcpc(day, "RRS", h -> 8);
    }

    @Test
    void dischargingDaySettlesDaAwardAndRtDeviationAcrossHeldScedRuns() throws Exception {
        ResourceDay d = only(compute(dischargingDay(), LocalDate.of(2024, 7, 10), LocalDate.of(2024, 7, 11)));
        // DA: 10 MW x 1 h x 50 $/MWh = 500.
        // RT: runs at hh:mm:25 hold until the next run, so HE18's first quarter meters 12 MW x 875 s = 2.916667 MWh
        // (dev 0.416667 against 2.5), the next three 3 MWh (dev 0.5 each) and 18:00-18:15 meters 12 MW x 25 s =
        // 0.083333 MWh (dev 0.083333 against no award): 2.0 MWh x 40 $/MWh = 80. HE17's RT price of 100 must not
        // count: nothing deviates there unless the DA position is shifted by an hour (the old code's mistake 1).
        // RegUp 5 MW x 10 $/MW-h = 50; RRS (3 PFR + 2 FFR + 1 UFR) 6 MW x 8 = 48.
        assertStreams(d, 500, 80, 50, 0, 48, 0, 0);
        // No SMNE in the store: the gen side falls back to SCED telemetry; no load resource pairs with BAT1_UNIT1.
        assertThat(d.status()).isEqualTo(DayStatus.PARTIAL);
        assertThat(d.gaps()).containsExactly(RevenueCalculator.NO_LOAD_PAIRED, RevenueCalculator.DAM_CHARGING_EXCLUDED);
        assertThat(d.missingIntervals()).isEmpty();
        assertThat(d.capacityMw()).isEqualTo(100.0);
        assertThat(d.settlementPoint()).isEqualTo(NODE);
    }

    /** 2026-01-15 (CST): ESR buys 20 MW in HE3 and charges 16 MW, 20, 20, 20 then 8 MW into HE4. */
    static Market chargingDay() {
        LocalDate day = LocalDate.of(2026, 1, 15);
        return new Market().covers(day)
                .damDay(day, "BAT1_ESR1", "ESR", NODE, 50, h -> h == 2 ? new Object[] {"awarded_mw", -20.0} : NONE)
                .scedDay(day, "BAT1_ESR1", "ESR", 50, 0, s -> s >= 7200 && s < 8100 ? -16
                        : s >= 8100 && s < 10800 ? -20 : s >= 10800 && s < 11700 ? -8 : 0, s -> NONE)
                .daPrices(day, NODE, h -> h == 2 ? 15 : 99).rtPrices(day, NODE, q -> q >= 4 && q < 8 ? 77 : 30);
    }

    @Test
    void chargingDayIsNegativeDaRevenueAndSignedRtDeviation() throws Exception {
        ResourceDay d = only(compute(chargingDay(), LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 16)));
        // DA: -20 MW x 1 h x 15 $/MWh = -300 (a purchase).
        // RT: 02:00-02:15 meters -4 MWh against -5 MWh bought: +1 MWh sold back x 30 = +30; 03:00-03:15 meters
        // -2 MWh against no award: -2 MWh bought x 30 = -60. RT = -30. HE2's price of 77 applies to no deviation.
        assertStreams(d, -300, -30, 0, 0, 0, 0, 0);
        assertThat(d.status()).isEqualTo(DayStatus.COMPLETE);
        assertThat(d.gaps()).isEmpty();
        assertThat(d.resourceType()).isEqualTo("ESR");
    }

    @Test
    void negativeAwardDischargedInRealTimeIsCountedOnceNotTwice() throws Exception {
        LocalDate day = LocalDate.of(2026, 1, 16);
        Market m = new Market().covers(day)
                .damDay(day, "BAT1_ESR1", "ESR", NODE, 50, h -> h == 5 ? new Object[] {"awarded_mw", -10.0} : NONE)
                .scedDay(day, "BAT1_ESR1", "ESR", 50, 0, s -> s >= 5 * 3600 && s < 6 * 3600 ? 10 : 0, s -> NONE)
                .daPrices(day, NODE, h -> 20).rtPrices(day, NODE, q -> 100);
        ResourceDay d = only(compute(m, day, day.plusDays(1)));
        // DA: -10 MW x 20 = -200. RT: each quarter meters +2.5 MWh against -2.5 MWh bought: +5 MWh x 100 = 500,
        // four quarters = 2000. The purchase appears once, in DA; BAT's double count would give -400 DA.
        assertStreams(d, -200, 2000, 0, 0, 0, 0, 0);
    }

    @Test
    void asOnlyDaySettlesDamAwardsAndRealTimeDeviationsAfterRtcB() throws Exception {
        LocalDate day = LocalDate.of(2026, 1, 17);
        Market m = new Market().covers(day)
                .damDay(day, "BAT1_ESR1", "ESR", NODE, 50, h -> new Object[] {"regup_awarded_mw", 10.0})
                .scedDay(day, "BAT1_ESR1", "ESR", 50, 0, s -> 0, s -> new Object[] {"as_award_regup_mw",
                    s >= 3600 && s < 4500 ? 6.0 : 10.0})
                .daPrices(day, NODE, h -> 20).rtPrices(day, NODE, q -> 25)
                .daMcpc(day, "REGUP", h -> 5).rtMcpc(day, "REGUP", q -> 20);
        ResourceDay d = only(compute(m, day, day.plusDays(1)));
        // DAM: 10 MW x 24 h x 5 $/MW-h = 1200. RT: 01:00-01:15 holds 6 MW against 10 MW awarded in DAM:
        // -4 MW x 0.25 h x 20 $/MW-h = -20. RegUp = 1180. No energy.
        assertStreams(d, 0, 0, 1180, 0, 0, 0, 0);
        assertThat(d.status()).isEqualTo(DayStatus.COMPLETE);
        RevenueReport r = new RevenueReport(day, day.plusDays(1), List.of(new Battery("BAT1_ESR1", NODE,
                List.of("ESR"), 50, day, day)), List.of(d), List.of());
        assertThat(Leaderboard.rank(r, Period.DAY, 0).get(0).strategy()).isEqualTo(Strategy.AS_LED);
    }

    /** A PWRSTR awarded 1 MW every hour at DA SPP 10 + hour index, metering exactly 1 MW, with RegDown 2 MW at 3. */
    static Market flatDay(LocalDate day) {
        return new Market().covers(day)
                .damDay(day, "BAT1_UNIT1", "PWRSTR", NODE, 10, h -> new Object[] {"awarded_mw", 1.0,
                    "regdn_awarded_mw", 2.0})
                .scedDay(day, "BAT1_UNIT1", "PWRSTR", 10, 0, s -> 1, s -> NONE)
                .daPrices(day, NODE, h -> 10 + h).rtPrices(day, NODE, q -> 1000).daMcpc(day, "REGDN", h -> 3);
    }

    @Test
    void fallBackDayHasTwentyFiveDistinctHours() throws Exception {
        LocalDate day = LocalDate.of(2025, 11, 2);
        ResourceDay d = only(compute(flatDay(day), day, day.plusDays(1)));
        // 25 hours: DA = sum over h = 0..24 of 1 MW x (10 + h) = 250 + 300 = 550; both 01:00 hours priced apart.
        // RT: 0.25 MWh metered = 0.25 MWh awarded in all 100 quarters: 0. RegDown 25 x 2 MW x 3 = 150.
        assertStreams(d, 550, 0, 0, 150, 0, 0, 0);
        RevenueReport explained = new RevenueCalculator(flatDay(day).writeTo(new MemoryStore()), ErcotSchemas.INPUTS,
                CLOCK).explain("BAT1_UNIT1", day);
        assertThat(explained.lines().stream().filter(l -> l.stream() == RevenueStream.DA_ENERGY)).hasSize(25);
        assertThat(explained.lines().stream().filter(l -> l.stream() == RevenueStream.RT_ENERGY)).hasSize(100);
    }

    @Test
    void fallBackDayChargesTheLoadInTheRepeatedHourItself() throws Exception {
        LocalDate day = LocalDate.of(2024, 11, 3);
        // 25 hours from 05:00Z; hour index 1 is 01:00 CDT (06:00Z), index 2 the repeated 01:00 CST (07:00Z).
        Market m = new Market().covers(day)
                .damDay(day, "DST_UNIT1", "PWRSTR", NODE, 10, h -> new Object[] {"awarded_mw", 1.0})
                .loadDamDay(day, "DST_LD1", h -> NONE)
                .smneDay(day, "DST_UNIT1", q -> 0.25)
                .loadScedDay(day, "DST_LD1", 0, s -> s >= 2 * 3600 && s < 3 * 3600 ? 4 : 0)
                .daPrices(day, NODE, h -> 10 + h).rtPrices(day, NODE, q -> q >= 8 && q < 12 ? 30 : q < 8 ? 500 : 1);
        ResourceDay d = only(compute(m, day, day.plusDays(1)));
        // DA: sum over h = 0..24 of 1 MW x (10 + h) = 550. RT: SMNE meets the award in all 100 quarters; the load
        // takes 1 MWh in each quarter of the repeated hour only, at 30: -4 x 30 = -120. Folding the two 01:00 hours
        // together (the old code's mistake 6) would price part of it at 500.
        assertStreams(d, 550, -120, 0, 0, 0, 0, 0);
        assertThat(d.status()).isEqualTo(DayStatus.COMPLETE);
    }

    @Test
    void springForwardDayPairHasNinetyTwoQuarters() throws Exception {
        LocalDate day = LocalDate.of(2024, 3, 10);
        Market m = new Market().covers(day)
                .damDay(day, "DST_UNIT1", "PWRSTR", NODE, 10, h -> NONE)
                .loadDamDay(day, "DST_LD1", h -> NONE)
                .smneDay(day, "DST_UNIT1", q -> 0.0)
                .loadScedDay(day, "DST_LD1", 0, s -> 2)
                .daPrices(day, NODE, h -> 10).rtPrices(day, NODE, q -> 10);
        ResourceDay d = only(compute(m, day, day.plusDays(1)));
        // 23 hours = 92 quarters, each charging 2 MW = 0.5 MWh at 10 $/MWh: -5 x 92 = -460.
        assertStreams(d, 0, -460, 0, 0, 0, 0, 0);
        assertThat(d.missingIntervals()).isEmpty();
    }

    @Test
    void springForwardDayHasTwentyThreeHours() throws Exception {
        LocalDate day = LocalDate.of(2025, 3, 9);
        ResourceDay d = only(compute(flatDay(day), day, day.plusDays(1)));
        // 23 hours: DA = sum over h = 0..22 of (10 + h) = 230 + 253 = 483; RegDown 23 x 6 = 138.
        assertStreams(d, 483, 0, 0, 138, 0, 0, 0);
        assertThat(d.missingIntervals()).isEmpty();
    }

    @Test
    void resourceSwitchingFromPwrstrToEsrStaysOneBattery() throws Exception {
        LocalDate before = LocalDate.of(2025, 12, 4);
        LocalDate after = LocalDate.of(2025, 12, 5);
        Market m = new Market().covers(before).covers(after);
        for (LocalDate day : List.of(before, after)) {
            String type = day.equals(before) ? "PWRSTR" : "ESR";
            double hsl = day.equals(before) ? 100 : 120;
            m.damDay(day, "SWITCH_ESS1", type, NODE, hsl, h -> h == 10 ? new Object[] {"awarded_mw", 5.0} : NONE)
                    .scedDay(day, "SWITCH_ESS1", type, hsl, 0, s -> s >= 36000 && s < 39600 ? 5 : 0, s -> NONE)
                    .daPrices(day, NODE, h -> 40).rtPrices(day, NODE, q -> 45);
        }
        RevenueReport r = compute(m, before, after.plusDays(1));
        // Each day: 5 MW x 40 = 200 DA, metered as awarded: RT 0.
        assertThat(r.batteries()).singleElement().satisfies(b -> {
            assertThat(b.resourceTypes()).containsExactly("PWRSTR", "ESR");
            assertThat(b.capacityMw()).isEqualTo(120.0);
            assertThat(b.firstActive()).isEqualTo(before);
            assertThat(b.lastActive()).isEqualTo(after);
        });
        assertThat(r.days()).extracting(ResourceDay::status).containsExactly(DayStatus.PARTIAL, DayStatus.COMPLETE);
        LeaderboardEntry month = Leaderboard.rank(r, Period.MONTH, 0).get(0);
        assertThat(month.totalUsd()).isCloseTo(400, within(1e-9));
        assertThat(month.computedDays()).isEqualTo(2);
        // 400 $ / 120 MW x 365 / 2 days = 608.33 $/MW-year; / 12000 = 0.0507 $/kW-month.
        assertThat(month.usdPerMwYear()).isCloseTo(400.0 / 120 * 365 / 2, within(1e-9));
        assertThat(month.usdPerKwMonth()).isCloseTo(400.0 / 120 * 365 / 2 / 12000, within(1e-12));
        assertThat(month.strategy()).isEqualTo(Strategy.ARBITRAGE_LED);
    }

    @Test
    void aMissingRtPriceLeavesTheIntervalOutAndSaysSo() throws Exception {
        LocalDate day = LocalDate.of(2024, 7, 10);
        // The discharging day without RegUp / RRS and without the 17:15 local RT price (quarter 69).
        Market gap = new Market().covers(day)
                .damDay(day, "BAT1_UNIT1", "PWRSTR", NODE, 100, h -> h == 17 ? new Object[] {"awarded_mw", 10.0} : NONE)
                .scedDay(day, "BAT1_UNIT1", "PWRSTR", 100, 25, s -> s >= 17 * 3600 && s < 18 * 3600 ? 12 : 0, s -> NONE)
                .daPrices(day, NODE, h -> 50);
        for (int q = 0; q < 96; q++) {
            if (q != 69) {
                Instant s = Market.quarters(day).get(q);
                gap.row(ErcotSchemas.RT_SPP, "interval_start_utc", s, "interval_end_utc", s.plusSeconds(900),
                        "settlement_point", NODE, "settlement_point_type", "RN", "price_usd_per_mwh", 40.0);
            }
        }
        ResourceDay d = only(compute(gap, day, day.plusDays(1)));
        // 80 as in the discharging day less quarter 69's 0.5 MWh x 40 = 20.
        assertThat(d.revenueUsd().get(RevenueStream.RT_ENERGY)).isCloseTo(60, within(1e-6));
        assertThat(d.missingIntervals()).containsEntry(RevenueStream.RT_ENERGY, 1);
        assertThat(d.status()).isEqualTo(DayStatus.PARTIAL);
        assertThat(d.gaps()).anySatisfy(g -> assertThat(g).contains("no RT SPP at " + NODE));
    }

    @Test
    void aPriceDatasetNotInTheStoreLeavesTheAwardedHourOutAndSaysSo() throws Exception {
        LocalDate day = LocalDate.of(2026, 1, 15);
        Market m = new Market().covers(ErcotSchemas.DAM_ESR, day).covers(ErcotSchemas.SCED_ESR, day)
                .damDay(day, "BAT1_ESR1", "ESR", NODE, 50, h -> h == 2 ? new Object[] {"awarded_mw", -20.0} : NONE)
                .scedDay(day, "BAT1_ESR1", "ESR", 50, 0, s -> s >= 7200 && s < 10800 ? -20 : 0, s -> NONE);
        ResourceDay d = only(compute(m, day, day.plusDays(1)));
        // The 23 hours without an award settle at 0 whatever the price; the awarded hour cannot be priced.
        assertThat(d.missingIntervals()).containsEntry(RevenueStream.DA_ENERGY, 1);
        assertThat(d.status()).isEqualTo(DayStatus.PARTIAL);
        assertThat(d.gaps()).anySatisfy(g -> assertThat(g).contains("DA_ENERGY: no DA SPP at " + NODE));
        RevenueReport explained = new RevenueCalculator(m.writeTo(new MemoryStore()), ErcotSchemas.INPUTS, CLOCK)
                .explain("BAT1_ESR1", day);
        assertThat(explained.lines()).anySatisfy(l -> {
            assertThat(l.revenueUsd()).isNull();
            assertThat(l.note()).contains("ercot.spp_day_ahead_hourly is not in the store");
        });
        assertThat(LeaderboardFormat.explain(explained)).contains("MISSING").contains("(1 intervals missing)");
    }

    @Test
    void aDamDisclosureNotInTheStoreGivesNoEnergyOrAsFigureRatherThanZero() throws Exception {
        LocalDate day = LocalDate.of(2026, 1, 15);
        Market m = new Market().covers(ErcotSchemas.SCED_ESR, day).covers(ErcotSchemas.RT_SPP, day)
                .scedDay(day, "BAT1_ESR1", "ESR", 50, 0, s -> 5, s -> NONE).rtPrices(day, NODE, q -> 30);
        ResourceDay d = only(compute(m, day, day.plusDays(1)));
        // Without the DAM disclosure there is no DA position: no stream can be settled, none is shown as 0.
        assertThat(d.revenueUsd()).isEmpty();
        assertThat(d.totalUsd()).isNull();
        assertThat(d.status()).isEqualTo(DayStatus.MISSING);
        assertThat(d.gaps()).contains("DA_ENERGY: no interval could be settled", "RT_ENERGY: no interval could be settled");
        LeaderboardEntry e = Leaderboard.rank(compute(m, day, day.plusDays(1)), Period.DAY, 0).get(0);
        assertThat(e.totalUsd()).isNull();
        assertThat(e.missingDays()).isEqualTo(1);
        assertThat(LeaderboardFormat.CSV.render(List.of(e)).lines().skip(1).findFirst().orElseThrow())
                .contains(",,,,,,,,,,,0,0,0,1");
        assertThat(LeaderboardFormat.TABLE.render(List.of(e))).contains("n/a").doesNotContain("0.00");
    }

    @Test
    void duckDbStoreGivesTheSameFiguresAsTheMemoryStore() throws Exception {
        LocalDate day = LocalDate.of(2026, 1, 15);
        try (Store duck = chargingDay().writeTo(DuckDbStore.inMemory())) {
            ResourceDay d = only(new RevenueCalculator(duck.view(), ErcotSchemas.INPUTS, CLOCK)
                    .compute(day, day.plusDays(1)));
            assertStreams(d, -300, -30, 0, 0, 0, 0, 0);
        }
    }

    /**
     * 2024-07-10 (CDT, day start 05:00Z): the pre-RTC+B pair BAT2_UNIT1 (PWRSTR) + BAT2_LD1 (load resource). The gen
     * discharges 12 MW by SMNE in local 18:00-19:00 against a 10 MW DA award; its SCED telemetry says 0 (SMNE must
     * win). The load charges 20 MW in local 03:00-04:00. Load-side AS: RRS-UFR 3 MW, ECRS-SD 1 MW, ECRS-MD 2 MW in
     * the first hour; gen RegUp 4 MW. An unrelated load OTHER_LD1 consumes all day and must not count.
     */
    static Market pairedDay() {
        LocalDate day = LocalDate.of(2024, 7, 10);
        return new Market().covers(day)
                .damDay(day, "BAT2_UNIT1", "PWRSTR", NODE, 50, h -> switch (h) {
                    case 0 -> new Object[] {"regup_awarded_mw", 4.0};
                    case 18 -> new Object[] {"awarded_mw", 10.0};
                    default -> NONE;
                })
                .loadDamDay(day, "BAT2_LD1", h -> h == 0 ? new Object[] {"rrsufr_awarded_mw", 3.0,
                    "ecrs_awarded_mw", 1.0, "ecrsmd_awarded_mw", 2.0} : NONE)
                .loadDamDay(day, "OTHER_LD1", h -> new Object[] {"regup_awarded_mw", 50.0})
                .smneDay(day, "BAT2_UNIT1", q -> q >= 72 && q < 76 ? 3.0 : 0.0)
                .scedDay(day, "BAT2_UNIT1", "PWRSTR", 50, 0, s -> 0, s -> NONE)
                .loadScedDay(day, "BAT2_LD1", 0, s -> s >= 3 * 3600 && s < 4 * 3600 ? 20 : 0)
                .loadScedDay(day, "OTHER_LD1", 0, s -> 30)
                .daPrices(day, NODE, h -> 50)
                .rtPrices(day, NODE, q -> q >= 12 && q < 16 ? 20 : q >= 72 && q < 76 ? 100 : 40)
                .daMcpc(day, "REGUP", h -> 10).daMcpc(day, "RRS", h -> 8).daMcpc(day, "ECRS", h -> 6);
    }

    @Test
    void preRtcBPairSettlesLoadSideChargingAndAsWithGenSmne() throws Exception {
        LocalDate day = LocalDate.of(2024, 7, 10);
        RevenueReport r = compute(pairedDay(), day, day.plusDays(1));
        ResourceDay d = only(r);
        // DA: 10 MW x 1 h x 50 = 500 (the gen award; DAM charging via QSE energy bids is not resource-specific).
        // RT: 18:00-19:00 SMNE 3 MWh - 2.5 MWh awarded = +0.5 MWh x 100 x 4 quarters = +200;
        //     03:00-04:00 the load consumes 20 MW = 5 MWh a quarter, signed -5 MWh x 20 x 4 = -400. RT = -200.
        // RegUp 4 MW x 10 = 40; RRS (load UFR) 3 MW x 8 = 24; ECRS (load SD 1 + MD 2) 3 MW x 6 = 18.
        assertStreams(d, 500, -200, 40, 0, 24, 18, 0);
        assertThat(d.totalUsd()).isCloseTo(382, within(1e-6));
        assertThat(d.status()).isEqualTo(DayStatus.COMPLETE);
        assertThat(d.gaps()).containsExactly(RevenueCalculator.DAM_CHARGING_EXCLUDED);
        assertThat(r.batteries()).singleElement().satisfies(b -> {
            assertThat(b.resourceName()).isEqualTo("BAT2_UNIT1");
            assertThat(b.loadResources()).containsExactly("BAT2_LD1");
            assertThat(b.capacityMw()).isEqualTo(50.0);
        });
        RevenueReport explained = new RevenueCalculator(pairedDay().writeTo(new MemoryStore()), ErcotSchemas.INPUTS,
                CLOCK).explain("BAT2_LD1", day);
        assertThat(only(explained)).isEqualTo(d);
        assertThat(explained.lines()).filteredOn(l -> l.stream() == RevenueStream.RT_ENERGY && l.revenueUsd() != 0)
                .hasSize(8).allSatisfy(l -> assertThat(l.note()).contains("SMNE").contains("load"));
    }

    @Test
    void pairingOverridesTieALoadTheRulesCannotAndCanForbidOne() throws Exception {
        LocalDate day = LocalDate.of(2024, 7, 10);
        MemoryStore store = pairedDay().writeTo(new MemoryStore());
        // Forbidding BAT2_LD1 drops its charging (-400) and its AS (24 + 18): 500 + 200 + 40.
        ResourcePairing forbid = ResourcePairing.parse(List.of("# not this one", "BAT2_LD1 = -"));
        ResourceDay without = only(new RevenueCalculator(store, ErcotSchemas.INPUTS, CLOCK, forbid).compute(day,
                day.plusDays(1)));
        assertStreams(without, 500, 200, 40, 0, 0, 0, 0);
        assertThat(without.gaps()).contains(RevenueCalculator.NO_LOAD_PAIRED);
        // Tying OTHER_LD1 instead adds its 30 MW all day: 96 quarters x -7.5 MWh at 40, 20 or 100 $/MWh.
        ResourcePairing other = ResourcePairing.parse(List.of("BAT2_LD1 = -", "other_ld1 = bat2_unit1"));
        ResourceDay with = only(new RevenueCalculator(store, ErcotSchemas.INPUTS, CLOCK, other).compute(day,
                day.plusDays(1)));
        double rt = 200 - 7.5 * (88 * 40 + 4 * 20 + 4 * 100);
        assertStreams(with, 500, rt, 40 + 50 * 10 * 24, 0, 0, 0, 0);
    }

    @Test
    void aPwrstrRenamedAtRtcBIsFollowedByNodeAndStaysOneBattery() throws Exception {
        LocalDate d4 = LocalDate.of(2025, 12, 4);
        LocalDate d5 = RevenueCalculator.RTC_B_GO_LIVE;
        LocalDate d6 = RevenueCalculator.DAM_ESR_FIRST_DAY;
        Market m = new Market().covers(d4).covers(d5).covers(d6);
        // The DAM for 12-05 ran before go-live: PWRSTR awards that day, ESR telemetry from SCED.
        for (LocalDate day : List.of(d4, d5)) {
            m.damDay(day, "SW_UNIT1", "PWRSTR", "SW_RN", 100, h -> h == 10 ? new Object[] {"awarded_mw", 5.0} : NONE)
                    .loadDamDay(day, "SW_LD1", h -> NONE);
        }
        m.smneDay(d4, "SW_UNIT1", q -> q >= 40 && q < 44 ? 1.25 : 0).loadScedDay(d4, "SW_LD1", 0, s -> 0);
        m.damDay(d6, "NEWNAME_ESR1", "ESR", "SW_RN", 120, h -> h == 10 ? new Object[] {"awarded_mw", 5.0} : NONE);
        for (LocalDate day : List.of(d5, d6)) {
            m.scedDay(day, "NEWNAME_ESR1", "ESR", 120, 0, s -> s >= 36000 && s < 39600 ? 5 : 0, s -> NONE);
        }
        for (LocalDate day : List.of(d4, d5, d6)) {
            m.daPrices(day, "SW_RN", h -> 40).rtPrices(day, "SW_RN", q -> 45);
        }
        RevenueReport r = compute(m, d4, d6.plusDays(1));
        // Each day: 5 MW x 40 = 200 DA, metered as awarded: RT 0.
        assertThat(r.batteries()).singleElement().satisfies(b -> {
            assertThat(b.resourceName()).isEqualTo("SW_UNIT1");
            assertThat(b.otherNames()).containsExactly("NEWNAME_ESR1");
            assertThat(b.loadResources()).containsExactly("SW_LD1");
            assertThat(b.resourceTypes()).containsExactly("PWRSTR", "ESR");
            assertThat(b.capacityMw()).isEqualTo(120.0);
            assertThat(b.firstActive()).isEqualTo(d4);
            assertThat(b.lastActive()).isEqualTo(d6);
        });
        assertThat(r.days()).extracting(ResourceDay::resourceType).containsExactly("PWRSTR", "ESR", "ESR");
        for (ResourceDay d : r.days()) {
            assertStreams(d, 200, 0, 0, 0, 0, 0, 0);
            assertThat(d.status()).as(d.day().toString()).isEqualTo(DayStatus.COMPLETE);
        }
        RevenueCalculator calc = new RevenueCalculator(m.writeTo(new MemoryStore()), ErcotSchemas.INPUTS, CLOCK);
        assertThat(only(calc.explain("SW_LD1", d4)).resourceName()).isEqualTo("SW_UNIT1");
        // A run that starts after the rename only sees the ESR: the battery takes the first name the run sees.
        assertThat(only(calc.explain("NEWNAME_ESR1", d6)).resourceName()).isEqualTo("NEWNAME_ESR1");
        // A single battery is read by its name prefix: the PWRSTR of another prefix is followed through an override.
        assertThat(calc.computeOne("NEWNAME_ESR1", d4, d6.plusDays(1)).days()).hasSize(2);
        ResourcePairing renamed = ResourcePairing.parse(List.of("SW_UNIT1 = NEWNAME_ESR1"));
        assertThat(new RevenueCalculator(m.writeTo(new MemoryStore()), ErcotSchemas.INPUTS, CLOCK, renamed)
                .computeOne("NEWNAME_ESR1", d4, d6.plusDays(1)).days()).hasSize(3);
    }

    @Test
    void withoutSmneTheGenSideFallsBackToSced() throws Exception {
        LocalDate day = LocalDate.of(2024, 7, 10);
        Market m = new Market().covers(day)
                .damDay(day, "BAT2_UNIT1", "PWRSTR", NODE, 50, h -> h == 18 ? new Object[] {"awarded_mw", 10.0} : NONE)
                .smneDay(day, "BAT2_UNIT1", q -> q == 72 ? Double.NaN : 0.0)
                .scedDay(day, "BAT2_UNIT1", "PWRSTR", 50, 0, s -> s >= 18 * 3600 && s < 18 * 3600 + 900 ? 12 : 0,
                        s -> NONE)
                .daPrices(day, NODE, h -> 50).rtPrices(day, NODE, q -> 100);
        // Quarter 72 has no SMNE value: SCED telemetry 12 MW = 3 MWh (+0.5 x 100 = 50); quarters 73-75 SMNE 0 against
        // 2.5 MWh awarded: -2.5 x 100 x 3 = -750. RT = -700.
        MemoryStore store = new MemoryStore();
        ResourceDay d = only(new RevenueCalculator(withoutNaN(m, store), ErcotSchemas.INPUTS, CLOCK).compute(day,
                day.plusDays(1)));
        assertThat(d.revenueUsd().get(RevenueStream.RT_ENERGY)).isCloseTo(-700, within(1e-6));
    }

    /** Writes the market, leaving out the SMNE rows whose value is NaN (a resource the meter file skipped). */
    private static MemoryStore withoutNaN(Market m, MemoryStore store) throws Exception {
        return m.withoutRows(ErcotSchemas.SMNE, r -> r.get(4) instanceof Double v && v.isNaN()).writeTo(store);
    }
}
