package dev.pmp.source.miso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The recorded public-API payloads of 2026-10-02 (16:45 EST interval), read in full. */
class PublicApiGoldenTest {

    private static final MisoSettings DEFAULTS = MisoSettings.defaults();
    private static final Instant T1645 = Instant.parse("2026-10-02T21:45:00Z");

    private static Parsed parse(dev.pmp.spi.Feed feed, String fixture) throws Exception {
        Parsed p = feed.parse(Payloads.ANY, Payloads.response("https://public-api.misoenergy.org/api/x",
                Payloads.text(fixture)));
        assertThat(p.rows()).allSatisfy(r -> assertThat(feed.dataset().schema().problemWith(r)).isNull());
        return p;
    }

    @Test
    void reserveRequirementHasOneRowPerRegionForTheNextDay() throws Exception {
        Parsed p = parse(new CsatReserveRequirement(DEFAULTS),
                "public-api_CsatNextDayShortTermReserveRequirement_2026-10-02.json");
        Instant day = Instant.parse("2026-10-03T05:00:00Z");
        Instant next = Instant.parse("2026-10-04T05:00:00Z");
        Instant created = Instant.parse("2026-10-02T12:06:10Z");
        assertThat(p.rows()).containsExactly(
                Row.of(day, next, "South", Instant.parse("2026-10-03T18:00:00Z"), created, 0.0, 0.0),
                Row.of(day, next, "North/Central", Instant.parse("2026-10-03T23:00:00Z"), created, 0.0, 0.0),
                Row.of(day, next, "Systemwide", Instant.parse("2026-10-03T23:00:00Z"), created, 0.0, 0.0));
        assertThat(p.covered()).containsExactly(new Window(day, next));
        assertThat(p.quarantined()).isEmpty();
        assertThat(p.notes()).isEmpty();
    }

    @Test
    void reserveRequirementKeepsOnlyTheConfiguredRegion() throws Exception {
        MisoSettings south = new MisoSettings(MisoSettings.DEFAULT_API_BASE, MisoSettings.DEFAULT_REPORTS_BASE,
                Optional.of("South"), MisoSettings.LmpLocations.HUBS);
        Parsed p = parse(new CsatReserveRequirement(south),
                "public-api_CsatNextDayShortTermReserveRequirement_2026-10-02.json");
        assertThat(p.rows()).extracting(r -> r.get(2)).containsExactly("South");
        assertThat(p.notes()).singleElement().asString().contains("2 row(s) of other regions left out");
    }

    @Test
    void fuelMixHasEightFuelsForTheInterval() throws Exception {
        Parsed p = parse(new FuelMix(DEFAULTS), "public-api_FuelMix_2026-10-02T1645EST.json");
        Instant end = T1645.plus(Duration.ofMinutes(5));
        assertThat(p.rows()).hasSize(8);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(T1645, end, "Coal", 25287.0));
        assertThat(p.rows().get(7)).isEqualTo(Row.of(T1645, end, "Imports", 705.0));
        assertThat(p.rows()).extracting(r -> r.get(2)).containsExactlyElementsOf(FuelMix.KNOWN_FUELS);
        assertThat(p.rows().stream().mapToDouble(r -> (Double) r.get(3)).sum()).isEqualTo(82084.0);
        assertThat(p.covered()).containsExactly(new Window(T1645, end));
        assertThat(p.notes()).isEmpty();
    }

    @Test
    void loadActualHasEveryFiveMinutesOfTheDaySoFar() throws Exception {
        Parsed p = parse(new LoadActual(DEFAULTS), "public-api_RealTimeTotalLoad_2026-10-02T1645EST.json");
        assertThat(p.rows()).hasSize(202);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(Instant.parse("2026-10-02T05:00:00Z"),
                Instant.parse("2026-10-02T05:05:00Z"), "MISO", 75757.0));
        assertThat(p.rows().get(201)).isEqualTo(Row.of(T1645, Instant.parse("2026-10-02T21:50:00Z"), "MISO", 83808.0));
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2026-10-02T05:00:00Z"),
                Instant.parse("2026-10-02T21:50:00Z")));
        assertThat(p.quarantined()).isEmpty();
    }

    @Test
    void asPricesHaveNineProductsInEightZones() throws Exception {
        Parsed p = parse(new AsPricesRealTime(DEFAULTS),
                "public-api_MarketPricing_GetAncillaryServicesMcp_2026-10-02T1645EST.json");
        Instant end = T1645.plus(Duration.ofMinutes(5));
        assertThat(p.rows()).hasSize(72);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(T1645, end, "1", "regulation", 17.53));
        assertThat(p.rows().get(3)).isEqualTo(Row.of(T1645, end, "1", "short_term_reserve", 0.0));
        assertThat(p.rows().get(71)).isEqualTo(Row.of(T1645, end, "8", "ramp_down", 0.0));
        assertThat(p.rows().subList(0, 9)).extracting(r -> r.get(3)).containsExactlyElementsOf(
                AsPricesRealTime.PRODUCTS.values());
        assertThat(p.covered()).containsExactly(new Window(T1645, end));
        assertThat(p.notes()).isEmpty();
    }
}
