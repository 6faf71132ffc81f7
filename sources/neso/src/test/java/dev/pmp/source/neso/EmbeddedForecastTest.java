package dev.pmp.source.neso;

import static dev.pmp.source.neso.Payloads.answer;
import static dev.pmp.source.neso.Payloads.datastore;
import static dev.pmp.source.neso.Payloads.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link EmbeddedForecast} on the recorded {@code package_show} answer (2026-08-16) and the recorded head
 * of the live CSV wrapped in the documented {@code datastore_search_sql} envelope; the clock-change days
 * are synthesised from the documented format (README §1.6: {@code DATE_GMT} + {@code TIME_GMT} is the UTC
 * end of the settlement period).
 */
class EmbeddedForecastTest {

    private static final String VINTAGE = "2026-08-16T18:25:00Z";
    private static final Window ANY = Window.of(Instant.parse("2026-08-16T18:00:00Z"), SettlementPeriods.PERIOD);

    private final EmbeddedForecast feed = new EmbeddedForecast(NesoSettings.defaults());

    @Test
    void theRecordedCatalogueGivesTheLiveResourceAndTheVintageOfItsFileName() throws SourceException {
        Parsed p = feed.parse(ANY, answer(Payloads.packageShow(EmbeddedForecast.PACKAGE),
                fixture("ckan_package_show_embedded-wind-and-solar-forecasts_2026-08-16_trimmed.json")));

        FetchRequest next = p.next().orElseThrow();
        assertThat(next.budget()).contains("datastore");
        assertThat(next.uri().getPath()).isEqualTo("/api/3/action/datastore_search_sql");
        assertThat(sql(next)).isEqualTo("SELECT '2026-08-16T18:25:00Z' AS \"PMP_VINTAGE\",\"DATE_GMT\",\"TIME_GMT\","
                + "\"SETTLEMENT_DATE\",\"SETTLEMENT_PERIOD\",\"EMBEDDED_WIND_FORECAST\",\"EMBEDDED_WIND_CAPACITY\","
                + "\"EMBEDDED_SOLAR_FORECAST\",\"EMBEDDED_SOLAR_CAPACITY\" FROM \"db6c038f-98af-4570-ab60-24d71ebd0ae5\""
                + " ORDER BY \"_id\" LIMIT 10000 OFFSET 0");
        assertThat(sql(next)).doesNotContain("*", "_full_text");
        assertThat(p.notes()).singleElement().asString().contains("last modified 2026-08-16T18:25:03.877001Z");
    }

    @Test
    void theRecordedCsvHead() throws SourceException {
        Parsed p = feed.parse(ANY, answer(firstPage(), csvAsSqlAnswer(csv())));

        assertThat(p.rows()).hasSize(20);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(Instant.parse("2026-08-16T18:00:00Z"),
                Instant.parse("2026-08-16T18:30:00Z"), Instant.parse(VINTAGE), LocalDate.of(2026, 8, 16), 39L,
                468.0, 6417.0, 1323.0, 23301.0));
        // DATE_GMT 2026-08-16 TIME_GMT 23:30 is period 1 of 2026-08-17 (BST): its UTC date differs.
        assertThat(p.rows().get(10)).isEqualTo(Row.of(Instant.parse("2026-08-16T23:00:00Z"),
                Instant.parse("2026-08-16T23:30:00Z"), Instant.parse(VINTAGE), LocalDate.of(2026, 8, 17), 1L,
                323.0, 6417.0, 0.0, 23301.0));
        assertThat(p.rows().get(19)).isEqualTo(Row.of(Instant.parse("2026-08-17T03:30:00Z"),
                Instant.parse("2026-08-17T04:00:00Z"), Instant.parse(VINTAGE), LocalDate.of(2026, 8, 17), 10L,
                263.0, 6417.0, 0.0, 23301.0));
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2026-08-16T18:00:00Z"),
                Instant.parse("2026-08-17T04:00:00Z")));
        assertThat(p.quarantined()).isEmpty();
        assertThat(p.next()).isEmpty();
    }

    @Test
    void springForwardDayHas46PeriodsLabelledByTheirUtcEnd() throws SourceException {
        Parsed p = feed.parse(ANY, answer(firstPage(), csvAsSqlAnswer(synthesisedDay(LocalDate.of(2024, 3, 31)))));

        assertThat(p.rows()).hasSize(46);
        assertThat(p.rows()).extracting(r -> r.get(0)).startsWith(Instant.parse("2024-03-31T00:00:00Z"),
                Instant.parse("2024-03-31T00:30:00Z"), Instant.parse("2024-03-31T01:00:00Z"));
        assertThat(p.rows().get(45).get(0)).isEqualTo(Instant.parse("2024-03-31T22:30:00Z"));
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2024-03-31T00:00:00Z"),
                Instant.parse("2024-03-31T23:00:00Z")));
    }

    @Test
    void fallBackDayHas50Periods() throws SourceException {
        Parsed p = feed.parse(ANY, answer(firstPage(), csvAsSqlAnswer(synthesisedDay(LocalDate.of(2024, 10, 27)))));

        assertThat(p.rows()).hasSize(50);
        assertThat(p.rows().get(0).get(0)).isEqualTo(Instant.parse("2024-10-26T23:00:00Z"));
        assertThat(p.rows().get(4)).satisfies(r -> {
            assertThat(r.get(0)).isEqualTo(Instant.parse("2024-10-27T01:00:00Z"));
            assertThat(r.get(4)).isEqualTo(5L);
        });
        assertThat(p.rows().get(49).get(0)).isEqualTo(Instant.parse("2024-10-27T23:30:00Z"));
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2024-10-26T23:00:00Z"),
                Instant.parse("2024-10-28T00:00:00Z")));
    }

    @Test
    void aRowWhoseTimeDisagreesWithItsSettlementLabelIsHeldBack() throws SourceException {
        List<String> lines = new ArrayList<>(csv());
        // Period 40 labelled with its local (BST) end instead of the UTC end.
        lines.set(2, "2026-08-16T00:00:00,20:00,2026-08-16T00:00:00,40,445,6417,562,23301");
        lines.add("2026-08-17T00:00:00,04:30,2026-08-17T00:00:00,11,260,6417,0,23301");
        Parsed p = feed.parse(ANY, answer(firstPage(), csvAsSqlAnswer(lines)));

        assertThat(p.quarantined()).hasSize(2);
        assertThat(p.quarantined().get(0).window().start()).isEqualTo(Instant.parse("2026-08-16T19:30:00Z"));
        assertThat(p.quarantined().get(0).reason()).contains("2026-08-16 period 40 starts 2026-08-16T18:30:00Z");
        assertThat(p.quarantined().get(1).window().start()).isEqualTo(Instant.parse("2026-08-16T18:30:00Z"));
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2026-08-16T18:00:00Z"),
                Instant.parse("2026-08-16T18:30:00Z")), new Window(Instant.parse("2026-08-16T19:00:00Z"),
                Instant.parse("2026-08-16T19:30:00Z")), new Window(Instant.parse("2026-08-16T20:00:00Z"),
                Instant.parse("2026-08-17T04:30:00Z")));
        // Period 42 at 19:30Z is dropped too: the mislabelled row claims its half-hour.
        assertThat(p.rows()).hasSize(19);
    }

    @Test
    void driftEmptyAndTruncatedAnswers() {
        List<String> lines = new ArrayList<>(csv());
        lines.set(0, lines.get(0).replace("EMBEDDED_SOLAR_FORECAST", "EMBEDDED_SOLAR_OUTTURN"));
        assertThatThrownBy(() -> feed.parse(ANY, answer(firstPage(), csvAsSqlAnswer(lines))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("has no column EMBEDDED_SOLAR_FORECAST");
        assertThatThrownBy(() -> feed.parse(ANY, answer(firstPage(), csvAsSqlAnswer(csv().subList(0, 1)))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED));
        String whole = csvAsSqlAnswer(csv());
        assertThatThrownBy(() -> feed.parse(ANY, answer(firstPage(), whole.substring(0, whole.length() - 10))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("ends early");
    }

    @Test
    void aFullPageAsksForTheNextOffset() throws SourceException {
        List<String> lines = new ArrayList<>();
        lines.add(csv().get(0));
        Instant end = Instant.parse("2024-01-01T00:30:00Z");
        for (int i = 0; i < 10000; i++) {
            Instant e = end.plus(SettlementPeriods.PERIOD.multipliedBy(i));
            LocalDate day = SettlementPeriods.date(e.minus(SettlementPeriods.PERIOD));
            long sp = (e.minus(SettlementPeriods.PERIOD).getEpochSecond() - SettlementPeriods.midnight(day).getEpochSecond()) / 1800 + 1;
            lines.add(e.atOffset(ZoneOffset.UTC).toLocalDate() + "T00:00:00," + e.toString().substring(11, 16) + ","
                    + day + "T00:00:00," + sp + ",1,2,3,4");
        }
        Parsed p = feed.parse(ANY, answer(firstPage(), csvAsSqlAnswer(lines)));

        assertThat(p.rows()).hasSize(10000);
        assertThat(sql(p.next().orElseThrow())).endsWith(" ORDER BY \"_id\" LIMIT 10000 OFFSET 10000");
        assertThat(p.next().orElseThrow().budget()).contains("datastore");
    }

    private FetchRequest firstPage() throws SourceException {
        return feed.parse(ANY, answer(Payloads.packageShow(EmbeddedForecast.PACKAGE),
                fixture("ckan_package_show_embedded-wind-and-solar-forecasts_2026-08-16_trimmed.json"))).next().orElseThrow();
    }

    static List<String> csv() {
        return new String(fixture("embedded_forecast_head_2026-08-16.csv"), StandardCharsets.UTF_8).lines().toList();
    }

    /** A CSV (header first) as the SQL answer, with the statement's constant vintage column first. */
    static String csvAsSqlAnswer(List<String> lines) {
        List<String> fields = new ArrayList<>();
        fields.add("PMP_VINTAGE");
        fields.addAll(Arrays.asList(lines.get(0).split(",")));
        List<List<Object>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<Object> row = new ArrayList<>();
            row.add(VINTAGE);
            String[] cells = line.split(",");
            for (int i = 0; i < cells.length; i++) {
                row.add(i < 3 ? cells[i] : (Object) Long.valueOf(cells[i]));
            }
            rows.add(row);
        }
        return datastore(fields, rows, 0, null, null);
    }

    /** Every period of a local day in the live file's format. */
    static List<String> synthesisedDay(LocalDate day) {
        List<String> lines = new ArrayList<>();
        lines.add(csv().get(0));
        for (int sp = 1; sp <= SettlementPeriods.count(day); sp++) {
            Instant end = SettlementPeriods.start(day, sp).plus(SettlementPeriods.PERIOD);
            lines.add(end.atOffset(ZoneOffset.UTC).toLocalDate() + "T00:00:00," + end.toString().substring(11, 16) + ","
                    + day + "T00:00:00," + sp + "," + (100 + sp) + ",6000,0,20000");
        }
        return lines;
    }

    static String sql(FetchRequest request) {
        String q = request.uri().getRawQuery();
        return URLDecoder.decode(q.substring(q.indexOf("sql=") + 4), StandardCharsets.UTF_8);
    }
}
