package dev.pmp.source.neso;

import static dev.pmp.source.neso.Payloads.answer;
import static dev.pmp.source.neso.Payloads.datastore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link DemandDataUpdate} on answers in the documented envelope with rows synthesised from the documented
 * columns (historic demand's plus {@code FORECAST_ACTUAL_INDICATOR} {@code A}/{@code F}, README §2).
 */
class DemandDataUpdateTest {

    private static final Window ANY = Window.of(Instant.parse("2024-10-27T00:00:00Z"), SettlementPeriods.PERIOD);
    private static final List<String> FIELDS = List.of("SETTLEMENT_DATE", "SETTLEMENT_PERIOD", "ND", "TSD",
            "FORECAST_ACTUAL_INDICATOR");

    private final DemandDataUpdate feed = new DemandDataUpdate(NesoSettings.defaults());

    @Test
    void storesOutturnOfTheFallBackDayAndLeavesForecastsOut() throws SourceException {
        List<List<Object>> rows = new ArrayList<>();
        for (int sp = 1; sp <= 50; sp++) {
            rows.add(List.of("2024-10-27", sp, 25000 + sp, 26000, "A"));
        }
        for (int sp = 1; sp <= 48; sp++) {
            rows.add(List.of("2024-10-28", sp, 0, 0, "F"));
        }
        Parsed p = feed.parse(ANY, answer(firstPage(), datastore(FIELDS, rows, 0, 98L, null)));

        assertThat(p.rows()).hasSize(50);
        assertThat(p.rows().get(0)).isEqualTo(HistoricDemandTest.demandRow("2024-10-26T23:00:00Z", "2024-10-27", 1, 25001, 26000));
        assertThat(p.rows().get(49)).isEqualTo(HistoricDemandTest.demandRow("2024-10-27T23:30:00Z", "2024-10-27", 50, 25050, 26000));
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2024-10-26T23:00:00Z"), Instant.parse("2024-10-28T00:00:00Z")));
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("48 forecast row(s)"));
    }

    @Test
    void springForwardDayHas46Periods() throws SourceException {
        List<List<Object>> rows = new ArrayList<>();
        for (int sp = 1; sp <= 46; sp++) {
            rows.add(List.of("2024-03-31T00:00:00", sp, 22000, 23000, "A"));
        }
        Parsed p = feed.parse(ANY, answer(firstPage(), datastore(FIELDS, rows, 0, 46L, null)));
        assertThat(p.rows()).hasSize(46);
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2024-03-31T00:00:00Z"), Instant.parse("2024-03-31T23:00:00Z")));
        assertThat(p.rows().get(2).get(2)).isEqualTo(LocalDate.of(2024, 3, 31));
    }

    @Test
    void noOutturnIsNotPublishedAndAMissingIndicatorIsDrift() {
        assertThatThrownBy(() -> feed.parse(ANY, answer(firstPage(), datastore(FIELDS,
                List.<List<Object>>of(List.of("2024-10-28", 1, 0, 0, "F")), 0, 1L, null))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED));
        assertThatThrownBy(() -> feed.parse(ANY, answer(firstPage(), datastore(FIELDS.subList(0, 4),
                List.<List<Object>>of(List.of("2024-10-28", 1, 0, 0)), 0, 1L, null))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("FORECAST_ACTUAL_INDICATOR");
    }

    @Test
    void aPackageWithoutTheResourceIsBadData() {
        String body = Payloads.packageShowBody(DemandDataUpdate.PACKAGE,
                new String[] {"00000000-0000-0000-0000-000000000000", "Something else", "https://x/y.csv", null});
        assertThatThrownBy(() -> feed.parse(ANY, answer(Payloads.packageShow(DemandDataUpdate.PACKAGE),
                body.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("no longer lists resource " + DemandDataUpdate.RESOURCE);
    }

    private FetchRequest firstPage() throws SourceException {
        String body = Payloads.packageShowBody(DemandDataUpdate.PACKAGE,
                new String[] {DemandDataUpdate.RESOURCE, "Demand Data Update", "https://x/demanddata.csv", "2024-10-28T07:00:00"});
        return feed.parse(ANY, answer(Payloads.packageShow(DemandDataUpdate.PACKAGE), body.getBytes(StandardCharsets.UTF_8)))
                .next().orElseThrow();
    }
}
