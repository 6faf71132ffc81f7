package dev.pmp.source.neso;

import static dev.pmp.source.neso.Payloads.answer;
import static dev.pmp.source.neso.Payloads.datastore;
import static dev.pmp.source.neso.Payloads.demandDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link HistoricDemand} on answers in the documented CKAN envelope. No real datastore answer of NESO is
 * recorded anywhere (fixtures PROVENANCE), so the rows are synthesised from the documented format
 * (README §1.6, §2: {@code SETTLEMENT_DATE}, {@code SETTLEMENT_PERIOD} 1 = 00:00-00:30 local, 46/50 periods
 * on clock-change days).
 */
class HistoricDemandTest {

    private static final String Y2023 = "bf5ab335-9b40-4ea4-b93a-ab4af7bce003";
    private static final String Y2024 = "f6d02c0f-957b-48cb-82ee-09003f2ba759";
    private static final List<String> FIELDS = List.of("SETTLEMENT_DATE", "SETTLEMENT_PERIOD", "ND", "TSD");
    /** 2024-03-31, the spring clock change: local midnight to local midnight is 23 hours. */
    private static final Window SPRING = new Window(Instant.parse("2024-03-31T00:00:00Z"), Instant.parse("2024-03-31T23:00:00Z"));
    /** 2024-10-27, the autumn clock change: 25 hours, from 23:00 UTC the day before. */
    private static final Window AUTUMN = new Window(Instant.parse("2024-10-26T23:00:00Z"), Instant.parse("2024-10-28T00:00:00Z"));

    private final HistoricDemand feed = new HistoricDemand(NesoSettings.defaults());

    @Test
    void asksTheCatalogueFirstOnTheDefaultBudget() {
        FetchRequest r = feed.request(SPRING);
        assertThat(r.uri()).isEqualTo(URI.create("https://api.neso.energy/api/3/action/package_show?id=historic-demand-data"));
        assertThat(r.budget()).isEmpty();
        assertThat(r.authenticated()).isFalse();
    }

    @Test
    void thePackageAnswerChoosesTheResourceOfTheWindowsYearOnTheDatastoreBudget() throws SourceException {
        Parsed p = feed.parse(SPRING, answer(feed.request(SPRING), catalogue()));

        assertThat(p.rows()).isEmpty();
        assertThat(p.covered()).isEmpty();
        assertThat(p.notes()).singleElement().asString().contains(Y2024, "Historic Demand Data 2024");
        FetchRequest next = p.next().orElseThrow();
        assertThat(next.uri()).isEqualTo(URI.create("https://api.neso.energy/api/3/action/datastore_search?resource_id="
                + Y2024 + "&limit=20000&sort=_id"));
        assertThat(next.budget()).contains("datastore");
    }

    @Test
    void theLocalYearDecidesTheResource() throws SourceException {
        // 2023-12-31T23:30Z is still 2023 in London (GMT).
        Window newYearsEve = new Window(Instant.parse("2023-12-31T23:30:00Z"), Instant.parse("2024-01-01T00:00:00Z"));
        Parsed p = feed.parse(newYearsEve, answer(feed.request(newYearsEve), catalogue()));
        assertThat(p.next().orElseThrow().uri().toString()).contains(Y2023);
    }

    @Test
    void aYearWithoutAResourceIsNotPublishedYet() {
        Window w = Window.of(Instant.parse("2027-01-05T00:00:00Z"), SettlementPeriods.PERIOD);
        assertThatThrownBy(() -> feed.parse(w, answer(feed.request(w), catalogue())))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED))
                .hasMessageContaining("no datastore resource for 2027");
    }

    @Test
    void aResourceUnchangedSinceBeforeTheWindowIsNotReadAgain() {
        Window w = Window.of(Instant.parse("2024-12-20T00:00:00Z"), SettlementPeriods.PERIOD);
        String body = Payloads.packageShowBody("historic-demand-data",
                new String[] {Y2024, "Historic Demand Data 2024", "https://x/demanddata_2024.csv", "2024-12-01T10:00:00.000000"});
        assertThatThrownBy(() -> feed.parse(w, answer(feed.request(w), body)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED))
                .hasMessageContaining("last modified 2024-12-01T10:00:00Z");
    }

    @Test
    void springForwardDayHas46PeriodsInConsecutiveUtcHalfHours() throws SourceException {
        Parsed p = page(SPRING, datastore(FIELDS, demandDay(LocalDate.of(2024, 3, 31), 46), 0, 46L, "/next"));

        assertThat(p.rows()).hasSize(46);
        assertThat(p.rows().get(0)).isEqualTo(demandRow("2024-03-31T00:00:00Z", "2024-03-31", 1, 20001, 21001));
        assertThat(p.rows().get(1).instant(0)).isEqualTo(Instant.parse("2024-03-31T00:30:00Z"));
        // 01:00 local does not exist: period 3 is 02:00 BST, 01:00 UTC.
        assertThat(p.rows().get(2).instant(0)).isEqualTo(Instant.parse("2024-03-31T01:00:00Z"));
        assertThat(p.rows().get(45)).isEqualTo(demandRow("2024-03-31T22:30:00Z", "2024-03-31", 46, 20046, 21046));
        assertThat(p.covered()).containsExactly(SPRING);
        assertThat(p.quarantined()).isEmpty();
        assertThat(p.next()).isEmpty();
    }

    @Test
    void fallBackDayHas50PeriodsAndTheRepeatedHourIsTwoDistinctUtcHours() throws SourceException {
        Parsed p = page(AUTUMN, datastore(FIELDS, demandDay(LocalDate.of(2024, 10, 27), 50), 0, 50L, null));

        assertThat(p.rows()).hasSize(50);
        assertThat(p.rows().get(0).instant(0)).isEqualTo(Instant.parse("2024-10-26T23:00:00Z"));
        // 01:00-01:30 BST (period 3) and 01:00-01:30 GMT (period 5) are an hour apart in UTC.
        assertThat(p.rows().get(2).instant(0)).isEqualTo(Instant.parse("2024-10-27T00:00:00Z"));
        assertThat(p.rows().get(4).instant(0)).isEqualTo(Instant.parse("2024-10-27T01:00:00Z"));
        assertThat(p.rows().get(49)).isEqualTo(demandRow("2024-10-27T23:30:00Z", "2024-10-27", 50, 20050, 21050));
        assertThat(p.covered()).containsExactly(AUTUMN);
    }

    @Test
    void anOlderYearsColumnsAreFoundByNameWithTheirOldNamesAndDateFormat() throws SourceException {
        Window day = new Window(Instant.parse("2010-01-01T00:00:00Z"), Instant.parse("2010-01-02T00:00:00Z"));
        List<String> fields = List.of("settlement_period", "I014_ND_EXTRA", "FRENCH_FLOW", "ND", "SETTLEMENT_DATE");
        List<List<Object>> rows = new ArrayList<>();
        for (int sp = 1; sp <= 48; sp++) {
            rows.add(List.of(sp, 1, 1988, 40000 + sp, "01/01/2010"));
        }
        Parsed p = page(day, datastore(fields, rows, 0, 48L, null));

        assertThat(p.rows()).hasSize(48);
        Row first = p.rows().get(0);
        assertThat(first.get(2)).isEqualTo(LocalDate.of(2010, 1, 1));
        assertThat(first.get(4)).isEqualTo(40001.0);
        assertThat(first.get(4 + DemandTable.FIELDS.indexOf(field("ifa_flow_mw")))).isEqualTo(1988.0);
        assertThat(first.get(5)).as("TSD absent in this resource").isNull();
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("does not store", "I014_ND_EXTRA"));
        assertThat(p.covered()).containsExactly(day);
    }

    @Test
    void aMissingRequiredColumnIsSchemaDrift() {
        assertThatThrownBy(() -> page(SPRING, datastore(List.of("SETTLEMENT_DATE", "SETTLEMENT_PERIOD", "TSD"),
                List.of(List.of("2024-03-31", 1, 1)), 0, 1L, null)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("has no column ND");
    }

    @Test
    void pagesFollowTheRelativeNextLinkUntilTheTotalIsReached() throws SourceException {
        List<List<Object>> day = demandDay(LocalDate.of(2024, 3, 31), 46);
        String link = "/api/3/action/datastore_search?resource_id=" + Y2024 + "&limit=20000&sort=_id&offset=20";
        Parsed first = page(SPRING, datastore(FIELDS, day.subList(0, 20), 0, 46L, link));

        assertThat(first.rows()).hasSize(20);
        assertThat(first.covered()).as("nothing is vouched for before the last page").isEmpty();
        FetchRequest next = first.next().orElseThrow();
        assertThat(next.uri()).isEqualTo(URI.create("https://api.neso.energy" + link));
        assertThat(next.budget()).contains("datastore");

        Parsed second = feed.parse(SPRING, answer(next, datastore(FIELDS, day.subList(20, 46), 20, 46L,
                "/api/3/action/datastore_search?offset=40")));
        assertThat(second.rows()).hasSize(26);
        assertThat(second.next()).as("CKAN gives a next link on the last page too").isEmpty();
        assertThat(second.covered()).containsExactly(SPRING);
    }

    @Test
    void aNonNumericValueHoldsBackItsHalfHour() throws SourceException {
        List<List<Object>> rows = new ArrayList<>(demandDay(LocalDate.of(2024, 3, 31), 46));
        rows.set(10, List.of("2024-03-31", 11, "n/a", 1));
        Parsed p = page(SPRING, datastore(FIELDS, rows, 0, 46L, null));

        assertThat(p.rows()).hasSize(45);
        assertThat(p.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(Window.of(Instant.parse("2024-03-31T05:00:00Z"), SettlementPeriods.PERIOD));
            assertThat(q.reason()).contains("record 11", "column ND", "\"n/a\" is not a number");
        });
        assertThat(p.covered()).containsExactly(new Window(SPRING.start(), Instant.parse("2024-03-31T05:00:00Z")),
                new Window(Instant.parse("2024-03-31T05:30:00Z"), SPRING.end()));
    }

    @Test
    void repeatedRowsAreKeptOnceAndConflictingOnesHeldBack() throws SourceException {
        List<List<Object>> rows = new ArrayList<>(demandDay(LocalDate.of(2024, 3, 31), 46));
        rows.add(rows.get(3));
        rows.add(List.of("2024-03-31", 7, 1, 1));
        Parsed p = page(SPRING, datastore(FIELDS, rows, 0, 48L, null));

        assertThat(p.rows()).hasSize(45);
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("1 row(s) published twice with the same values"));
        assertThat(p.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window().start()).isEqualTo(Instant.parse("2024-03-31T03:00:00Z"));
            assertThat(q.reason()).contains("published twice with different values");
        });
    }

    @Test
    void rowsOutOfOrderAreSorted() throws SourceException {
        List<List<Object>> rows = new ArrayList<>(demandDay(LocalDate.of(2024, 3, 31), 46));
        java.util.Collections.reverse(rows);
        Parsed p = page(SPRING, datastore(FIELDS, rows, 0, 46L, null));

        assertThat(p.rows()).extracting(r -> r.get(3)).startsWith(1L, 2L, 3L).endsWith(46L);
        assertThat(p.notes()).contains("rows were not in time order; sorted");
    }

    @Test
    void aPeriodTheDayDoesNotHaveHoldsTheDayBack() throws SourceException {
        List<List<Object>> rows = new ArrayList<>(demandDay(LocalDate.of(2024, 3, 31), 46));
        rows.add(List.of("2024-03-31", 47, 1, 1));
        Parsed p = page(SPRING, datastore(FIELDS, rows, 0, 47L, null));

        assertThat(p.rows()).isEmpty();
        assertThat(p.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(SPRING);
            assertThat(q.reason()).contains("period 47 does not exist on 2024-03-31", "46 periods");
        });
        assertThat(p.covered()).isEmpty();
    }

    @Test
    void aWindowReachingIntoTheNextYearIsCoveredToTheYearsEnd() throws SourceException {
        Window w = new Window(Instant.parse("2024-12-31T00:00:00Z"), Instant.parse("2025-01-02T00:00:00Z"));
        Parsed p = page(w, datastore(FIELDS, demandDay(LocalDate.of(2024, 12, 31), 48), 0, 48L, null));

        assertThat(p.rows()).hasSize(48);
        assertThat(p.covered()).containsExactly(new Window(w.start(), Instant.parse("2025-01-01T00:00:00Z")));
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("reaches past 2024"));
    }

    @Test
    void aResourceEndingBeforeTheWindowIsNotPublishedYet() {
        Window w = Window.of(Instant.parse("2024-04-10T00:00:00Z"), java.time.Duration.ofDays(1));
        assertThatThrownBy(() -> page(w, datastore(FIELDS, demandDay(LocalDate.of(2024, 3, 31), 46), 0, 46L, null)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED))
                .hasMessageContaining("holds periods up to 2024-03-31T23:00:00Z only");
    }

    @Test
    void theCkanErrorDocumentHtmlAndATruncatedAnswerAreBadData() {
        assertBadData(Payloads.ckanError("Not Found Error", "Resource \\\"x\\\" was not found."),
                "the portal refused datastore_search: Not Found Error; message: Resource \"x\" was not found.");
        assertBadData("<!DOCTYPE html><html><body>Service unavailable</body></html>", "HTML");
        String whole = datastore(FIELDS, demandDay(LocalDate.of(2024, 3, 31), 46), 0, 46L, null);
        assertBadData(whole.substring(0, whole.length() / 2), "ends early");
        assertBadData("", "is empty");
        assertBadData("{\"success\": true, \"result\": {\"records\": [1]}}", "records[0] is not a JSON object");
    }

    @Test
    void emptyRecordsOnTheOnlyPageClaimNothing() throws SourceException {
        Parsed p = page(SPRING, datastore(FIELDS, List.of(), 0, 0L, "/api/3/action/datastore_search?offset=20000"));
        assertThat(p.rows()).isEmpty();
        assertThat(p.covered()).isEmpty();
        assertThat(p.next()).isEmpty();
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("nothing is claimed"));
    }

    private void assertBadData(String body, String message) {
        assertThatThrownBy(() -> page(SPRING, body))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining(message);
    }

    private Parsed page(Window w, String body) throws SourceException {
        FetchRequest first = feed.parse(w, answer(feed.request(w), catalogue())).next().orElseThrow();
        return feed.parse(w, answer(first, body));
    }

    private static String catalogue() {
        return Payloads.packageShowBody("historic-demand-data",
                new String[] {Y2023, "Historic Demand Data 2023", "https://x/demanddata_2023.csv", "2024-01-10T09:00:00.000000"},
                new String[] {Y2024, "Historic Demand Data 2024", "https://x/demanddata_2024.csv", "2025-01-10T09:00:00.000000"},
                new String[] {"b3eae4a5-8c3c-4df1-b9de-7db243ac3a09", "Historic Demand Data 2010", "https://x/2010.csv", null});
    }

    static Row demandRow(String start, String day, long sp, double nd, double tsd) {
        Object[] v = new Object[4 + DemandTable.FIELDS.size()];
        v[0] = Instant.parse(start);
        v[1] = v[0] instanceof Instant i ? i.plus(SettlementPeriods.PERIOD) : null;
        v[2] = LocalDate.parse(day);
        v[3] = sp;
        v[4] = nd;
        v[5] = tsd;
        return Row.of(v);
    }

    private static DemandTable.Field field(String column) {
        return DemandTable.FIELDS.stream().filter(f -> f.column().equals(column)).findFirst().orElseThrow();
    }
}
