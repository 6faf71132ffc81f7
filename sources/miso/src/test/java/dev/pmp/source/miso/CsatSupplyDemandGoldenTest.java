package dev.pmp.source.miso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The recorded CSAT snapshot of 2026-10-02 16:47 EST: 67 actual quarter hours, 14 irregular forecasts. */
class CsatSupplyDemandGoldenTest {

    static final String FIXTURE = "public-api_CsatSupplyDemand_2026-10-02.json";
    private static final Instant RETRIEVED = Instant.parse("2026-10-02T21:47:12.345Z");

    private final CsatSupplyDemand feed = new CsatSupplyDemand(MisoSettings.defaults());

    private Parsed parsed() throws Exception {
        return feed.parse(Payloads.ANY, Payloads.response("https://public-api.misoenergy.org/api/CsatSupplyDemand",
                Payloads.text(FIXTURE)));
    }

    @Test
    void readsEveryRowWithEstTimesAndTheRetrievalInstant() throws Exception {
        Parsed p = parsed();
        assertThat(p.rows()).hasSize(81);
        assertThat(p.quarantined()).isEmpty();
        assertThat(p.notes()).isEmpty();
        assertThat(p.rows()).allSatisfy(r -> assertThat(CsatSupplyDemand.DATASET.schema().problemWith(r)).isNull());
        assertThat(p.rows().get(0)).isEqualTo(Row.of(Instant.parse("2026-10-02T05:00:00Z"),
                Instant.parse("2026-10-02T05:15:00Z"), RETRIEVED, "actual", 74202.0, 90245.0, null, null, null));
        // id 67, 16:30 EST: the last actual quarter hour.
        assertThat(p.rows().get(66)).isEqualTo(Row.of(Instant.parse("2026-10-02T21:30:00Z"),
                Instant.parse("2026-10-02T21:45:00Z"), RETRIEVED, "actual", 82746.0, 92895.0, null, null, null));
        // id 68, 16:45 EST: the first forecast.
        assertThat(p.rows().get(67)).isEqualTo(Row.of(Instant.parse("2026-10-02T21:45:00Z"),
                Instant.parse("2026-10-02T22:00:00Z"), RETRIEVED, "forecast", null, null, 82822.0, 92433.0, 94714.0));
        assertThat(p.rows().get(80)).isEqualTo(Row.of(Instant.parse("2026-10-03T04:00:00Z"),
                Instant.parse("2026-10-03T05:00:00Z"), RETRIEVED, "forecast", null, null, 71272.0, 82369.0, 98977.0));
    }

    @Test
    void irregularForecastSpacingEndsEachIntervalAtTheNextRow() throws Exception {
        Parsed p = parsed();
        // 18:30 -> 19:00 (30 min), 20:00 -> 21:00 (60 min) EST.
        assertThat(p.rows().get(74).get(0)).isEqualTo(Instant.parse("2026-10-02T23:30:00Z"));
        assertThat(p.rows().get(74).get(1)).isEqualTo(Instant.parse("2026-10-03T00:00:00Z"));
        assertThat(p.rows().get(77).get(0)).isEqualTo(Instant.parse("2026-10-03T01:00:00Z"));
        assertThat(p.rows().get(77).get(1)).isEqualTo(Instant.parse("2026-10-03T02:00:00Z"));
        for (int i = 1; i < p.rows().size(); i++) {
            assertThat(p.rows().get(i).get(0)).isEqualTo(p.rows().get(i - 1).get(1));
        }
    }

    @Test
    void coversOnlyTheActualQuarterHours() throws Exception {
        assertThat(parsed().covered()).containsExactly(new Window(Instant.parse("2026-10-02T05:00:00Z"),
                Instant.parse("2026-10-02T21:45:00Z")));
    }
}
