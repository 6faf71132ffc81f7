package dev.pmp.source.neso;

import static dev.pmp.source.neso.Payloads.answer;
import static dev.pmp.source.neso.Payloads.datastore;
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
 * {@link Bsuos} on answers in the documented envelope, rows synthesised from the documented columns
 * ({@code Settlement Day}, {@code Settlement Period}, {@code BSUoS Tariff (£/MWh)}; older
 * {@code BSUoS Price (£/MWh Hour)}, README §2).
 */
class BsuosTest {

    private static final Window ANY = Window.of(Instant.parse("2024-10-27T00:00:00Z"), SettlementPeriods.PERIOD);
    private static final List<String> FIELDS = List.of("Settlement Day", "Settlement Period", "BSUoS Tariff (£/MWh)",
            "BSUoS Fund Tariff (£/MWh)", "Run Type");

    private final Bsuos feed = new Bsuos(NesoSettings.defaults());

    @Test
    void readsTheIiResourceWholeOnTheDatastoreBudget() throws SourceException {
        FetchRequest next = firstPage();
        assertThat(next.uri()).isEqualTo(URI.create("https://api.neso.energy/api/3/action/datastore_search?resource_id="
                + Bsuos.RESOURCE + "&limit=20000&sort=_id"));
        assertThat(next.budget()).contains("datastore");
    }

    @Test
    void fallBackDayHas50Periods() throws SourceException {
        Parsed p = feed.parse(ANY, answer(firstPage(), datastore(FIELDS, day(LocalDate.of(2024, 10, 27), "2024-10-27"), 0, 50L, null)));

        assertThat(p.rows()).hasSize(50);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(Instant.parse("2024-10-26T23:00:00Z"), Instant.parse("2024-10-26T23:30:00Z"),
                LocalDate.of(2024, 10, 27), 1L, 10.01, 1.5));
        assertThat(p.rows().get(49).get(0)).isEqualTo(Instant.parse("2024-10-27T23:30:00Z"));
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2024-10-26T23:00:00Z"), Instant.parse("2024-10-28T00:00:00Z")));
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("Run Type"));
    }

    @Test
    void springForwardDayWithTheOlderTariffNameAndDayFirstDates() throws SourceException {
        List<String> older = List.of("Settlement Day", "Settlement Period", "BSUoS Price (£/MWh Hour)");
        List<List<Object>> rows = new ArrayList<>();
        for (int sp = 1; sp <= 46; sp++) {
            rows.add(List.of("31/03/2024", sp, 3.25));
        }
        Parsed p = feed.parse(ANY, answer(firstPage(), datastore(older, rows, 0, 46L, null)));

        assertThat(p.rows()).hasSize(46);
        assertThat(p.rows().get(45)).isEqualTo(Row.of(Instant.parse("2024-03-31T22:30:00Z"), Instant.parse("2024-03-31T23:00:00Z"),
                LocalDate.of(2024, 3, 31), 46L, 3.25, null));
    }

    @Test
    void aMissingTariffIsDriftAndAnEmptyResourceIsNotPublished() {
        assertThatThrownBy(() -> feed.parse(ANY, answer(firstPage(), datastore(List.of("Settlement Day", "Settlement Period"),
                List.of(List.of("2024-10-27", 1)), 0, 1L, null))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("has no column BSUoS Tariff (£/MWh) or BSUoS Price (£/MWh Hour)");
        assertThatThrownBy(() -> feed.parse(ANY, answer(firstPage(), datastore(FIELDS, List.of(), 0, 0L, null))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED));
    }

    private FetchRequest firstPage() throws SourceException {
        String body = Payloads.packageShowBody(Bsuos.PACKAGE,
                new String[] {Bsuos.RESOURCE, "Current II BSUoS Data", "https://x/ii.csv", "2024-11-01T10:00:00"});
        return feed.parse(ANY, answer(Payloads.packageShow(Bsuos.PACKAGE), body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .next().orElseThrow();
    }

    private static List<List<Object>> day(LocalDate day, String label) {
        List<List<Object>> rows = new ArrayList<>();
        for (int sp = 1; sp <= SettlementPeriods.count(day); sp++) {
            rows.add(List.of(label, sp, 10 + sp / 100.0, 1.5, "II"));
        }
        return rows;
    }
}
