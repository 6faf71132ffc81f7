package dev.pmp.analytics.bess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.pmp.spi.KeyFilter;
import dev.pmp.spi.Row;
import dev.pmp.store.duckdb.DuckDbStore;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cross-checks over many resource-days, days without data, ranking, output formats and the derived dataset. */
class LeaderboardTest {
    static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-21T00:00:00Z"));
    static final String NODE = RevenueCalculatorTest.NODE;

    @Test
    void streamsSumToTotalsAndDaysSumToPeriods() throws Exception {
        SyntheticMarket market = new SyntheticMarket(6, 300);
        LocalDate from = RevenueCalculator.RTC_B_GO_LIVE.minusDays(3);
        LocalDate to = RevenueCalculator.RTC_B_GO_LIVE.plusDays(4);
        RevenueReport r = new RevenueCalculator(market, ErcotSchemas.INPUTS, CLOCK).compute(from, to);
        assertThat(r.batteries()).hasSize(6);
        assertThat(r.days()).hasSize(6 * 7);
        Map<String, Double> byResource = new java.util.HashMap<>();
        for (ResourceDay d : r.days()) {
            assertThat(d.status()).isIn(DayStatus.COMPLETE, DayStatus.PARTIAL);
            assertThat(d.revenueUsd()).hasSize(RevenueStream.values().length);
            double sum = d.revenueUsd().values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(d.totalUsd()).isCloseTo(sum, within(1e-9));
            assertThat(d.missingIntervals()).as(d.resourceName() + " " + d.day()).isEmpty();
            byResource.merge(d.resourceName(), d.totalUsd(), Double::sum);
        }
        for (LeaderboardEntry e : Leaderboard.rank(r, Period.YEAR, 0)) {
            double sum = e.revenueUsd().values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(e.totalUsd()).isCloseTo(sum, within(1e-6)).isCloseTo(byResource.get(e.resourceName()),
                    within(1e-6));
            assertThat(e.computedDays()).isEqualTo(7);
        }
        assertThat(r.days()).filteredOn(d -> d.day().isBefore(RevenueCalculator.RTC_B_GO_LIVE))
                .allSatisfy(d -> assertThat(d.resourceType()).isEqualTo("PWRSTR"));
    }

    @Test
    void oneBatteryReadThroughAKeyFilterEqualsItsFiguresInTheFullRun() throws Exception {
        SyntheticMarket market = new SyntheticMarket(5, 300);
        LocalDate from = RevenueCalculator.RTC_B_GO_LIVE.minusDays(2);
        LocalDate to = RevenueCalculator.RTC_B_GO_LIVE.plusDays(3);
        RevenueReport all = new RevenueCalculator(market, ErcotSchemas.INPUTS, CLOCK).compute(from, to);
        for (int b : new int[] {2, 3}) {
            RevenueReport filtered = new RevenueCalculator(market, ErcotSchemas.INPUTS, CLOCK)
                    .computeOne(market.load(b), from, to);
            // The same battery through a view without a key filter of its own: every row built, dropped in the sink.
            StoreViewWithoutFilter plain = new StoreViewWithoutFilter(market);
            RevenueReport sunk = new RevenueCalculator(plain, ErcotSchemas.INPUTS, CLOCK)
                    .computeOne(market.esrName(b), from, to);
            List<ResourceDay> expected = all.days().stream().filter(d -> d.resourceName().equals(market.name(b)))
                    .toList();
            assertThat(expected).hasSize(5);
            assertThat(filtered.days()).isEqualTo(expected);
            assertThat(sunk.days()).isEqualTo(expected);
            assertThat(plain.rowsSeen).isGreaterThan(filtered.days().size() * 288L * 5);
            assertThat(filtered.batteries()).singleElement().satisfies(bat -> {
                assertThat(bat.loadResources()).containsExactly(market.load(b));
                assertThat(bat.otherNames()).containsExactlyElementsOf(
                        b % 2 == 0 ? List.of() : List.of(market.esrName(b)));
            });
        }
    }

    /** Delegates to the synthetic market without offering a key-filtered scan ({@code StoreView.scan} with a {@code KeyFilter}); counts the rows it builds. */
    static final class StoreViewWithoutFilter implements dev.pmp.spi.StoreView {
        private final SyntheticMarket market;
        long rowsSeen;

        StoreViewWithoutFilter(SyntheticMarket market) {
            this.market = market;
        }

        @Override
        public List<Window> coverage(dev.pmp.spi.Dataset d, Window w) {
            return market.coverage(d, w);
        }

        @Override
        public List<Instant> gridTimes(dev.pmp.spi.Dataset d, Window w) {
            return market.gridTimes(d, w);
        }

        @Override
        public void scan(dev.pmp.spi.Dataset d, Window w, dev.pmp.spi.RowSink sink) throws dev.pmp.spi.StoreException {
            market.scan(d, w, r -> {
                rowsSeen++;
                sink.accept(r);
            });
        }

        @Override
        public dev.pmp.spi.DatasetSummary summary(dev.pmp.spi.Dataset d) {
            return market.summary(d);
        }

        @Override
        public List<dev.pmp.spi.FetchRecord> fetches(dev.pmp.spi.Dataset d, int limit) {
            return List.of();
        }

        @Override
        public List<dev.pmp.spi.Revision> revisions(dev.pmp.spi.Dataset d, int limit) {
            return List.of();
        }
    }

    @Test
    void explainedLinesAddUpToTheDaysFigures() throws Exception {
        SyntheticMarket market = new SyntheticMarket(4, 300);
        LocalDate day = SyntheticMarket.afterRtcB();
        RevenueCalculator calc = new RevenueCalculator(market, ErcotSchemas.INPUTS, CLOCK);
        ResourceDay fromAll = calc.compute(day, day.plusDays(1)).days().stream()
                .filter(d -> d.resourceName().equals(market.name(0))).findFirst().orElseThrow();
        RevenueReport one = calc.explain(market.name(0), day);
        ResourceDay explained = one.days().get(0);
        assertThat(explained).isEqualTo(fromAll);
        Map<RevenueStream, Double> sums = new EnumMap<>(RevenueStream.class);
        for (IntervalLine l : one.lines()) {
            sums.merge(l.stream(), l.revenueUsd(), Double::sum);
        }
        for (RevenueStream s : RevenueStream.values()) {
            assertThat(explained.revenueUsd().get(s)).as(s.name())
                    .isCloseTo(sums.getOrDefault(s, 0.0), within(1e-6));
        }
        assertThat(sums.get(RevenueStream.REGUP)).isNotZero();
        assertThat(LeaderboardFormat.explain(one)).contains(market.name(0)).contains("TOTAL");
    }

    @Test
    void aDayWithoutRowsInsideTheActivePeriodIsMissingNotZero() throws Exception {
        LocalDate d1 = LocalDate.of(2026, 1, 15);
        LocalDate d2 = d1.plusDays(1);
        LocalDate d3 = d1.plusDays(2);
        Market m = new Market().covers(d1).covers(d2).covers(d3);
        for (LocalDate day : List.of(d1, d3)) {
            m.damDay(day, "BAT1_ESR1", "ESR", NODE, 50, h -> h == 5 ? new Object[] {"awarded_mw", 10.0} : new Object[0])
                    .scedDay(day, "BAT1_ESR1", "ESR", 50, 0, s -> s >= 18000 && s < 21600 ? 10 : 0, s -> new Object[0])
                    .daPrices(day, NODE, h -> 30).rtPrices(day, NODE, q -> 30);
        }
        RevenueReport r = new RevenueCalculator(m.writeTo(new MemoryStore()), ErcotSchemas.INPUTS, CLOCK)
                .compute(d1, d3.plusDays(1));
        assertThat(r.days()).extracting(ResourceDay::status)
                .containsExactly(DayStatus.COMPLETE, DayStatus.MISSING, DayStatus.COMPLETE);
        assertThat(r.days().get(1).totalUsd()).isNull();
        assertThat(r.days().get(1).revenueUsd()).isEmpty();
        LeaderboardEntry e = Leaderboard.rank(r, Period.MONTH, 0).get(0);
        // 10 MW x 30 = 300 a day on two days; the missing day adds nothing and is counted as missing.
        assertThat(e.totalUsd()).isCloseTo(600, within(1e-9));
        assertThat(e.computedDays()).isEqualTo(2);
        assertThat(e.missingDays()).isEqualTo(1);
        assertThat(e.usdPerMwYear()).isCloseTo(600.0 / 50 * 365 / 2, within(1e-9));
    }

    @Test
    void daysInsideThePublicationLagAreNotPublishedAndOlderUncoveredDaysMissing() throws Exception {
        LocalDate covered = LocalDate.of(2026, 1, 10);
        Market m = new Market().covers(covered)
                .damDay(covered, "BAT1_ESR1", "ESR", NODE, 50, h -> new Object[0])
                .scedDay(covered, "BAT1_ESR1", "ESR", 50, 0, s -> 0, s -> new Object[0]);
        MemoryStore store = m.writeTo(new MemoryStore());
        // On 2026-03-12 12:00Z a day is due 60 d + 2 d grace after its end, so 01-11 onwards (due 03-15) is not
        // published yet; the battery is first seen on 01-10, so 01-09 is not listed.
        ManualClock clock = new ManualClock(Instant.parse("2026-03-12T12:00:00Z"));
        RevenueReport r = new RevenueCalculator(store, ErcotSchemas.INPUTS, clock)
                .compute(LocalDate.of(2026, 1, 9), LocalDate.of(2026, 1, 14));
        assertThat(r.days()).extracting(ResourceDay::day).first().isEqualTo(covered);
        assertThat(r.days()).extracting(ResourceDay::status).containsExactly(DayStatus.COMPLETE,
                DayStatus.NOT_PUBLISHED, DayStatus.NOT_PUBLISHED, DayStatus.NOT_PUBLISHED);
        ManualClock later = new ManualClock(Instant.parse("2026-06-01T00:00:00Z"));
        RevenueReport old = new RevenueCalculator(store, ErcotSchemas.INPUTS, later)
                .compute(covered, covered.plusDays(3));
        assertThat(old.days()).extracting(ResourceDay::status).containsExactly(DayStatus.COMPLETE,
                DayStatus.MISSING, DayStatus.MISSING);
        assertThat(old.days().get(1).gaps()).singleElement().asString().contains("not in the store");
        LeaderboardEntry e = Leaderboard.rank(r, Period.YEAR, 0).get(0);
        assertThat(e.notPublishedDays()).isEqualTo(3);
        assertThat(e.computedDays()).isEqualTo(1);
    }

    @Test
    void inputsAreCheckedById() {
        List<dev.pmp.spi.Dataset> renamed = new ArrayList<>(ErcotSchemas.INPUTS.all());
        renamed.set(8, rename(ErcotSchemas.RT_SPP, "ercot.settlement_point_prices_real_time"));
        assertThatThrownBy(() -> ErcotInputs.of(renamed)).hasMessageContaining("expected ercot.spp_real_time_15min");
        List<dev.pmp.spi.Dataset> swapped = new ArrayList<>(ErcotSchemas.INPUTS.all());
        swapped.set(0, ErcotSchemas.DAM_ESR);
        swapped.set(1, ErcotSchemas.DAM_GEN);
        assertThatThrownBy(() -> ErcotInputs.of(swapped)).hasMessageContaining("expected ercot.dam_gen_resources_60d");
        List<dev.pmp.spi.Dataset> wrongColumns = new ArrayList<>(ErcotSchemas.INPUTS.all());
        wrongColumns.set(8, rename(ErcotSchemas.DA_MCPC, "ercot.spp_real_time_15min"));
        assertThatThrownBy(() -> new RevenueCalculator(new MemoryStore(), ErcotInputs.of(wrongColumns), CLOCK))
                .hasMessageContaining("has no column settlement_point");
        assertThat(ErcotInputs.IDS).hasSize(11).doesNotHaveDuplicates()
                .noneMatch(id -> id.equals("ercot.dam_resource_awards_60d") || id.equals("ercot.sced_resource_data_60d"));
    }

    private static dev.pmp.spi.Dataset rename(dev.pmp.spi.Dataset d, String id) {
        return new dev.pmp.spi.Dataset(id, d.title(), d.operatorReference(), d.schema(), d.timeShape(), d.access(),
                d.cadence(), d.marketZone(), d.publicationDelay(), d.grace(), d.earliest(), d.sourceRetention(),
                d.revisable(), d.maxWindow());
    }

    @Test
    void strategyThresholdsAreOneThirdAndTwoThirdsOfAbsoluteRevenue() {
        assertThat(Strategy.classify(100, 0)).isEqualTo(Strategy.ARBITRAGE_LED);
        assertThat(Strategy.classify(70, 30)).isEqualTo(Strategy.ARBITRAGE_LED);
        assertThat(Strategy.classify(60, 40)).isEqualTo(Strategy.MIXED);
        assertThat(Strategy.classify(30, 70)).isEqualTo(Strategy.AS_LED);
        assertThat(Strategy.classify(-100, 100)).isEqualTo(Strategy.MIXED);
        assertThat(Strategy.classify(-20, 100)).isEqualTo(Strategy.AS_LED);
        assertThat(Strategy.classify(0, 0)).isNull();
    }

    @Test
    void rankingIsBestPerMwYearFirstAndTopCutsPerPeriod() {
        LocalDate day = LocalDate.of(2026, 1, 15);
        List<Battery> bs = List.of(new Battery("A", "A_RN", List.of("ESR"), 100, day, day),
                new Battery("B", "B_RN", List.of("ESR"), 10, day, day),
                new Battery("C", "C_RN", List.of("ESR"), 10, day, day));
        List<ResourceDay> days = new ArrayList<>();
        days.add(day("A", day, 1000));
        days.add(day("B", day, 500));
        days.add(ResourceDay.absent("C", day, DayStatus.NOT_PUBLISHED, "not yet"));
        RevenueReport r = new RevenueReport(day, day.plusDays(1), bs, days, List.of());
        List<LeaderboardEntry> all = Leaderboard.rank(r, Period.DAY, 0);
        // B: 500 / 10 MW x 365 = 18250 $/MW-year beats A: 1000 / 100 x 365 = 3650; C has no figure and goes last.
        assertThat(all).extracting(LeaderboardEntry::resourceName).containsExactly("B", "A", "C");
        assertThat(Leaderboard.rank(r, Period.DAY, 2)).extracting(LeaderboardEntry::resourceName)
                .containsExactly("B", "A");
        String json = LeaderboardFormat.JSON.render(all);
        assertThat(json).contains("\"resource_name\": \"C\"").contains("\"total_usd\": null")
                .contains("\"usd_per_mw_year\": 18250");
        String csv = LeaderboardFormat.CSV.render(all);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("rank,period,resource_name,settlement_point");
        assertThat(csv.lines()).hasSize(4);
        assertThat(LeaderboardFormat.parse("Table")).isEqualTo(LeaderboardFormat.TABLE);
        assertThatThrownBy(() -> LeaderboardFormat.parse("xml")).hasMessageContaining("table, csv or json");
    }

    private static ResourceDay day(String name, LocalDate day, double daUsd) {
        Map<RevenueStream, Double> rev = new EnumMap<>(RevenueStream.class);
        for (RevenueStream s : RevenueStream.values()) {
            rev.put(s, s == RevenueStream.DA_ENERGY ? daUsd : 0.0);
        }
        return new ResourceDay(name, day, "ESR", name + "_RN", 10.0, DayStatus.COMPLETE, rev, Map.of(), List.of());
    }

    @Test
    void dailyRevenueRowsFitTheDeclaredDatasetAndStoreWithNullsForMissingDays() throws Exception {
        LocalDate day = LocalDate.of(2026, 1, 15);
        RevenueReport r = new RevenueReport(day, day.plusDays(2), List.of(), List.of(day("A", day, 123.0),
                ResourceDay.absent("A", day.plusDays(1), DayStatus.MISSING, "no rows")), List.of());
        MemoryStore store = new MemoryStore();
        store.prepare(DailyRevenueTable.DATASET);
        store.write(DailyRevenueTable.batch(r, Instant.parse("2026-11-21T00:00:00Z")));
        List<Row> rows = new ArrayList<>();
        store.scan(DailyRevenueTable.DATASET, new Window(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")),
                rows::add);
        assertThat(rows).hasSize(2);
        int total = DailyRevenueTable.DATASET.schema().indexOf("total_usd");
        int status = DailyRevenueTable.DATASET.schema().indexOf("status");
        assertThat(rows.get(0).number(total)).isEqualTo(123.0);
        assertThat(rows.get(1).get(total)).isNull();
        assertThat(rows.get(1).text(status)).isEqualTo("MISSING");
        assertThat(rows.get(0).instant(0)).isEqualTo(Instant.parse("2026-01-15T06:00:00Z"));
        try (DuckDbStore duck = DuckDbStore.inMemory()) {
            duck.prepare(DailyRevenueTable.DATASET);
            duck.write(DailyRevenueTable.batch(r, Instant.parse("2026-11-21T00:00:00Z")));
            List<Row> back = new ArrayList<>();
            duck.view().scan(DailyRevenueTable.DATASET, new Window(Instant.EPOCH,
                    Instant.parse("2100-01-01T00:00:00Z")), back::add);
            assertThat(back).isEqualTo(rows);
        }
    }
}
