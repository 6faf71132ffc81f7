package dev.pmp.source.miso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.source.miso.report.HourlyLmpReport;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Settings;
import dev.pmp.spi.Source;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.StandardMapping;
import dev.pmp.spi.StandardTable;
import dev.pmp.spi.Window;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MisoSourceTest {

    private static final Settings NONE = key -> Optional.empty();
    private static final Window WINDOW = Window.of(Instant.parse("2024-03-10T05:00:00Z"), Duration.ofDays(1));
    private final Source source = new MisoSource();

    private static Settings of(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(Source.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(s -> assertThat(s).isInstanceOf(MisoSource.class));
    }

    @Test
    void datasetsAreUniqueMisoAndInEst() {
        assertThat(source.name()).isEqualTo("miso");
        assertThat(source.datasets()).extracting(Dataset::id).containsExactly("miso.csat_supply_demand",
                "miso.csat_reserve_requirement", "miso.fuel_mix", "miso.load_actual", "miso.lmp_real_time_5min",
                "miso.as_prices_real_time", "miso.lmp_day_ahead_hourly", "miso.lmp_real_time_hourly",
                "miso.lmp_real_time_5min_final", "miso.as_prices_day_ahead_hourly", "miso.as_prices_real_time_hourly");
        assertThat(new HashSet<>(source.datasets().stream().map(Dataset::id).toList())).hasSize(11);
        assertThat(source.datasets()).allSatisfy(d -> {
            assertThat(d.source()).isEqualTo("miso");
            assertThat(d.marketZone()).isEqualTo(ZoneOffset.ofHours(-5));
        });
        assertThat(CsatSupplyDemand.DATASET.schema().naturalKey()).containsExactly("interval_start_utc",
                "retrieved_at_utc");
    }

    @Test
    void everyFeedBuildsAWellFormedRequest() throws Exception {
        for (Dataset d : source.datasets()) {
            Feed feed = source.feed(d, NONE);
            assertThat(feed.dataset()).isSameAs(d);
            FetchRequest r = feed.request(WINDOW);
            assertThat(r.uri().isAbsolute()).isTrue();
            assertThat(r.uri().getScheme()).isEqualTo("https");
            assertThat(r.authenticated()).isFalse();
            assertThat(r.uri().getHost()).isIn("public-api.misoenergy.org", "docs.misoenergy.org");
            assertThat(URI.create(r.uri().toString())).isEqualTo(r.uri());
        }
        assertThat(source.feed(HourlyLmpReport.DAY_AHEAD, NONE).request(WINDOW).uri().toString())
                .isEqualTo("https://docs.misoenergy.org/marketreports/20240310_da_expost_lmp.csv");
    }

    @Test
    void everyStandardMappingFitsItsDataset() {
        assertThat(source.standardMappings()).hasSize(8);
        for (StandardMapping m : source.standardMappings()) {
            Dataset d = source.datasets().stream().filter(x -> x.id().equals(m.datasetId())).findFirst().orElseThrow();
            assertThat(m.problemWith(d)).isEmpty();
        }
        assertThat(source.standardMappings()).extracting(StandardMapping::table).containsExactlyInAnyOrder(
                StandardTable.LMP, StandardTable.LMP, StandardTable.LMP, StandardTable.AS_PRICES,
                StandardTable.AS_PRICES, StandardTable.AS_PRICES, StandardTable.LOAD, StandardTable.FUEL_MIX);
        assertThat(source.requestRates()).containsOnlyKeys("");
        source.requestRates().values().forEach(dev.pmp.engine.http.RequestRate::parse);
    }

    @Test
    void settingsDefaultsAndOverrides() throws Exception {
        MisoSettings d = MisoSettings.from(NONE);
        assertThat(d).isEqualTo(MisoSettings.defaults());
        assertThat(d.apiBase()).isEqualTo(URI.create("https://public-api.misoenergy.org/api"));
        assertThat(d.reportsBase()).isEqualTo(URI.create("https://docs.misoenergy.org/marketreports"));
        assertThat(d.region()).isEmpty();
        assertThat(d.locations()).isEqualTo(MisoSettings.LmpLocations.HUBS);
        MisoSettings s = MisoSettings.from(of(Map.of(MisoSettings.API_URL, "http://127.0.0.1:8080/miso/api/",
                MisoSettings.REPORTS_URL, "http://127.0.0.1:8080/miso/marketreports",
                MisoSettings.REGION, "north/central", MisoSettings.LMP_LOCATIONS, "ALL")));
        assertThat(s.api("FuelMix")).isEqualTo(URI.create("http://127.0.0.1:8080/miso/api/FuelMix"));
        assertThat(s.report("x.csv")).isEqualTo(URI.create("http://127.0.0.1:8080/miso/marketreports/x.csv"));
        assertThat(s.region()).contains("North/Central");
        assertThat(s.locations()).isEqualTo(MisoSettings.LmpLocations.ALL);
    }

    @Test
    void badSettingsAreConfigErrorsThatNeverEchoCredentials() {
        assertConfig(Map.of(MisoSettings.API_URL, "ftp://x"), "PMP_MISO_API_URL");
        assertConfig(Map.of(MisoSettings.REPORTS_URL, "https://x/a?b=c"), "query");
        assertConfig(Map.of(MisoSettings.REGION, "East"), "South, North/Central, Systemwide");
        assertConfig(Map.of(MisoSettings.LMP_LOCATIONS, "nodes"), "hubs or all");
        assertThatThrownBy(() -> MisoSettings.from(of(Map.of(MisoSettings.API_URL, "https://user:s3cret@x.test/api"))))
                .isInstanceOf(SourceException.class).hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> source.feed(new dev.pmp.spi.Dataset("miso.other", "t", "r",
                CsatSupplyDemand.DATASET.schema(), CsatSupplyDemand.DATASET.timeShape(), CsatSupplyDemand.DATASET.access(),
                Duration.ofMinutes(15), ZoneOffset.UTC, Duration.ZERO, Duration.ZERO, java.time.LocalDate.of(2020, 1, 1),
                Optional.empty(), false, Duration.ofDays(1)), NONE)).isInstanceOfSatisfying(SourceException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG)).hasMessageContaining("miso.other");
    }

    private static void assertConfig(Map<String, String> values, String message) {
        assertThatThrownBy(() -> MisoSettings.from(of(values))).isInstanceOfSatisfying(SourceException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG)).hasMessageContaining(message);
    }
}
