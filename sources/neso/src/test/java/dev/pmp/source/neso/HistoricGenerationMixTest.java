package dev.pmp.source.neso;

import static dev.pmp.source.neso.EmbeddedForecastTest.sql;
import static dev.pmp.source.neso.Payloads.answer;
import static dev.pmp.source.neso.Payloads.datastore;
import static dev.pmp.source.neso.Payloads.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link HistoricGenerationMix} on the recorded {@code package_show} answers (2026-08-16) and SQL answers in
 * the documented envelope with rows synthesised from the documented columns ({@code DATETIME} UTC as
 * {@code 2009-01-01 00:00:00+00:00}, README §1.6, §2).
 */
class HistoricGenerationMixTest {

    private static final Window SPRING = new Window(Instant.parse("2024-03-31T00:00:00Z"), Instant.parse("2024-03-31T23:00:00Z"));
    private static final Window AUTUMN = new Window(Instant.parse("2024-10-26T23:00:00Z"), Instant.parse("2024-10-28T00:00:00Z"));

    private final HistoricGenerationMix feed = new HistoricGenerationMix(NesoSettings.defaults());

    @Test
    void theRecordedCatalogueLeadsToAnSqlStatementWithExplicitColumnsAndTheWindow() throws SourceException {
        FetchRequest next = firstPage(SPRING);

        assertThat(next.budget()).contains("datastore");
        assertThat(sql(next)).isEqualTo("SELECT \"DATETIME\",\"GAS\",\"COAL\",\"NUCLEAR\",\"WIND\",\"WIND_EMB\",\"HYDRO\","
                + "\"IMPORTS\",\"BIOMASS\",\"OTHER\",\"SOLAR\",\"STORAGE\",\"GENERATION\",\"CARBON_INTENSITY\",\"LOW_CARBON\","
                + "\"ZERO_CARBON\",\"RENEWABLE\",\"FOSSIL\" FROM \"f93d1835-75bc-43e5-84ad-12472b180a98\" WHERE \"DATETIME\" >="
                + " '2024-03-31 00:00:00' AND \"DATETIME\" < '2024-03-31 23:00:00' ORDER BY \"DATETIME\" LIMIT 10000 OFFSET 0");
    }

    @Test
    void anotherPackagesAnswerIsBadData() {
        assertThatThrownBy(() -> feed.parse(SPRING, answer(Payloads.packageShow(HistoricGenerationMix.PACKAGE),
                fixture("ckan_package_show_daily-wind-availability_2026-08-16_trimmed.json"))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("package daily-wind-availability, expected historic-generation-mix");
    }

    @Test
    void aWindowAfterTheResourcesLastChangeIsNotPublishedWithoutADatastoreCall() {
        Window later = Window.of(Instant.parse("2026-08-16T18:30:00Z"), SettlementPeriods.PERIOD);
        assertThatThrownBy(() -> firstPage(later))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED))
                .hasMessageContaining("last modified 2026-08-16T18:21:07.098698Z");
    }

    @Test
    void springForwardDayIs46UtcHalfHours() throws SourceException {
        Parsed p = feed.parse(SPRING, answer(firstPage(SPRING), answerOf(SPRING.start(), 46, " ", "+00:00")));

        assertThat(p.rows()).hasSize(46);
        assertThat(p.rows().get(0).values()).startsWith(Instant.parse("2024-03-31T00:00:00Z"),
                Instant.parse("2024-03-31T00:30:00Z"), 1000.0, 0.0);
        assertThat(p.rows().get(0).get(2 + 12)).as("CARBON_INTENSITY").isEqualTo(150.0);
        assertThat(p.rows().get(45).get(0)).isEqualTo(Instant.parse("2024-03-31T22:30:00Z"));
        assertThat(p.covered()).containsExactly(SPRING);
    }

    @Test
    void fallBackDayIs50UtcHalfHoursInTheCkanTimestampFormat() throws SourceException {
        Parsed p = feed.parse(AUTUMN, answer(firstPage(AUTUMN), answerOf(AUTUMN.start(), 50, "T", "")));

        assertThat(p.rows()).hasSize(50);
        assertThat(p.rows().get(49).get(0)).isEqualTo(Instant.parse("2024-10-27T23:30:00Z"));
        assertThat(p.covered()).containsExactly(AUTUMN);
    }

    @Test
    void aPartlyPublishedWindowIsCoveredUpToItsLatestHalfHour() throws SourceException {
        Parsed p = feed.parse(AUTUMN, answer(firstPage(AUTUMN), answerOf(AUTUMN.start(), 10, " ", "+00:00")));
        assertThat(p.covered()).containsExactly(new Window(AUTUMN.start(), Instant.parse("2024-10-27T04:00:00Z")));
    }

    @Test
    void aFullPageAsksForTheNextOffsetAndClaimsNothingYet() throws SourceException {
        Window w = Window.of(Instant.parse("2024-01-01T00:00:00Z"), Duration.ofDays(240));
        Parsed p = feed.parse(w, answer(firstPage(w), answerOf(w.start(), 10000, " ", "+00:00")));

        assertThat(p.rows()).hasSize(10000);
        assertThat(p.covered()).isEmpty();
        FetchRequest next = p.next().orElseThrow();
        assertThat(sql(next)).endsWith("ORDER BY \"DATETIME\" LIMIT 10000 OFFSET 10000");
        assertThat(next.budget()).contains("datastore");

        Instant second = w.start().plus(SettlementPeriods.PERIOD.multipliedBy(10000));
        Parsed last = feed.parse(w, answer(next, answerOf(second, 20, " ", "+00:00")));
        assertThat(last.next()).isEmpty();
        assertThat(last.covered()).containsExactly(new Window(w.start(), second.plus(SettlementPeriods.PERIOD.multipliedBy(20))));
    }

    @Test
    void driftNonNumbersAndEmptyWindows() throws SourceException {
        String missing = answerOf(SPRING.start(), 2, " ", "+00:00").replace("\"FOSSIL\"", "\"FOSSIL_FUEL\"");
        assertThatThrownBy(() -> feed.parse(SPRING, answer(firstPage(SPRING), missing)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("has no column FOSSIL");

        String bad = answerOf(SPRING.start(), 46, " ", "+00:00").replaceFirst("\"GAS\": 1001", "\"GAS\": \"-\"");
        Parsed p = feed.parse(SPRING, answer(firstPage(SPRING), bad));
        assertThat(p.rows()).hasSize(45);
        assertThat(p.quarantined()).singleElement().satisfies(q -> assertThat(q.reason()).contains("column GAS", "\"-\""));

        assertThatThrownBy(() -> feed.parse(SPRING, answer(firstPage(SPRING), answerOf(SPRING.start(), 0, " ", ""))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED));

        assertThatThrownBy(() -> feed.parse(SPRING, answer(firstPage(SPRING),
                Payloads.ckanError("Validation Error", "column \\\"FOSSIL\\\" does not exist"))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("Validation Error", "does not exist");
    }

    private FetchRequest firstPage(Window w) throws SourceException {
        return feed.parse(w, answer(Payloads.packageShow(HistoricGenerationMix.PACKAGE),
                fixture("ckan_package_show_historic-generation-mix_2026-08-16_trimmed.json"))).next().orElseThrow();
    }

    /** {@code count} half-hours from {@code first}; GAS 1000+i, COAL 0, CARBON_INTENSITY 150, others 10. */
    static String answerOf(Instant first, int count, String separator, String offset) {
        List<String> fields = new ArrayList<>();
        fields.add("DATETIME");
        fields.addAll(HistoricGenerationMix.OPERATOR_COLUMNS);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String t = first.plus(SettlementPeriods.PERIOD.multipliedBy(i)).toString();
            List<Object> row = new ArrayList<>();
            row.add(t.substring(0, 10) + separator + t.substring(11, 19) + offset);
            for (String c : HistoricGenerationMix.OPERATOR_COLUMNS) {
                row.add(switch (c) {
                    case "GAS" -> 1000 + i;
                    case "COAL" -> 0;
                    case "CARBON_INTENSITY" -> 150;
                    default -> 10.5;
                });
            }
            rows.add(row);
        }
        return datastore(fields, rows, 0, null, null);
    }
}
