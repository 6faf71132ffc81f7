package dev.pmp.source.neso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Access;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Settings;
import dev.pmp.spi.Source;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.StandardMapping;
import dev.pmp.spi.StandardTable;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NesoSourceTest {

    private static final Settings NONE = key -> Optional.empty();
    private static final Window ANY = Window.of(Instant.parse("2024-10-27T00:00:00Z"), Duration.ofDays(1));

    private final NesoSource source = new NesoSource();

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(Source.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(s -> assertThat(s).isInstanceOf(NesoSource.class));
    }

    @Test
    void offersTheSevenDatasetsWithUniqueIds() {
        assertThat(source.name()).isEqualTo("neso");
        assertThat(source.datasets()).extracting(Dataset::id).containsExactly("neso.demand_data_update",
                "neso.historic_demand", "neso.embedded_wind_solar_forecast", "neso.historic_generation_mix",
                "neso.bsuos", "neso.carbon_intensity_national", "neso.carbon_intensity_regional").doesNotHaveDuplicates();
        for (Dataset d : source.datasets()) {
            assertThat(d.source()).isEqualTo("neso");
            assertThat(d.timeShape()).isEqualTo(TimeShape.INTERVAL);
            assertThat(d.cadence()).isEqualTo(Duration.ofMinutes(30));
            assertThat(d.marketZone()).isEqualTo(ZoneId.of("Europe/London"));
            assertThat(d.schema().naturalKey()).startsWith("interval_start_utc");
        }
        assertThat(HistoricDemand.DATASET.access()).isEqualTo(Access.WINDOWED);
        assertThat(EmbeddedForecast.DATASET.schema().naturalKey()).containsExactly("interval_start_utc", "forecast_vintage_utc");
        assertThat(CarbonIntensityRegional.DATASET.schema().naturalKey()).containsExactly("interval_start_utc", "region_id");
    }

    @Test
    void everyFeedsFirstRequestIsAWellFormedGetOnItsHost() throws SourceException {
        for (Dataset d : source.datasets()) {
            Feed feed = source.feed(d, NONE);
            assertThat(feed.dataset()).isSameAs(d);
            FetchRequest r = feed.request(ANY);
            assertThat(r.uri().isAbsolute()).isTrue();
            assertThat(r.uri().getScheme()).isEqualTo("https");
            assertThat(r.uri().getHost()).isIn("api.neso.energy", "api.carbonintensity.org.uk");
            assertThat(r.authenticated()).isFalse();
            assertThat(r.budget()).as("catalogue and Carbon Intensity calls use the default budget").isEmpty();
            assertThat(r.headers()).containsEntry("Accept", "application/json");
            assertThat(URI.create(r.uri().toString())).isEqualTo(r.uri());
        }
    }

    @Test
    void publishesNesosLimitsWithANamedDatastoreBudget() throws SourceException {
        assertThat(source.requestRates()).isEqualTo(Map.of("", "1 per second", "datastore", "2 per minute"));
        assertThat(PortalFeed.DATASTORE).isIn(source.requestRates().keySet());
        assertThat(source.auth(NONE)).isEmpty();
    }

    @Test
    void standardMappingsFitTheirDatasets() {
        assertThat(source.standardMappings()).hasSize(2 + HistoricGenerationMix.FUELS.size());
        for (StandardMapping m : source.standardMappings()) {
            Dataset d = source.datasets().stream().filter(x -> x.id().equals(m.datasetId())).findFirst().orElseThrow();
            assertThat(m.problemWith(d)).as(m.toString()).isEmpty();
        }
        assertThat(source.standardMappings()).filteredOn(m -> m.table() == StandardTable.LOAD)
                .extracting(StandardMapping::datasetId).containsExactly("neso.historic_demand", "neso.demand_data_update");
        assertThat(source.standardMappings()).filteredOn(m -> m.table() == StandardTable.FUEL_MIX)
                .extracting(m -> m.values().get("fuel").toString()).contains("Constant[value=gas]", "Constant[value=wind_emb]");
    }

    @Test
    void readsTheConfiguredBases() throws SourceException {
        Settings sim = key -> switch (key) {
            case "PMP_NESO_API_URL" -> Optional.of("http://127.0.0.1:8123/neso/");
            case "PMP_CARBON_INTENSITY_URL" -> Optional.of(" http://127.0.0.1:8123/carbonintensity ");
            default -> Optional.empty();
        };
        assertThat(source.feed(HistoricDemand.DATASET, sim).request(ANY).uri()).isEqualTo(
                URI.create("http://127.0.0.1:8123/neso/api/3/action/package_show?id=historic-demand-data"));
        assertThat(source.feed(CarbonIntensityNational.DATASET, sim).request(ANY).uri()).isEqualTo(
                URI.create("http://127.0.0.1:8123/carbonintensity/intensity/2024-10-27T00:00Z/2024-10-28T00:00Z"));
        assertThat(NesoSettings.from(NONE)).isEqualTo(NesoSettings.defaults());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "api.neso.energy", "ftp://api.neso.energy", "http://host/?q=1"})
    void rejectsAMalformedBase(String base) {
        assertThatThrownBy(() -> source.feed(HistoricDemand.DATASET, key -> key.equals("PMP_NESO_API_URL")
                ? Optional.of(base) : Optional.empty()))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("PMP_NESO_API_URL");
    }

    @Test
    void neverEchoesCredentials() {
        assertThatThrownBy(() -> source.feed(CarbonIntensityNational.DATASET, key -> key.equals("PMP_CARBON_INTENSITY_URL")
                ? Optional.of("https://user:s3cret@proxy.example") : Optional.empty()))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void refusesAnotherSourcesDataset() {
        Dataset foreign = new Dataset("elexon.fuel_mix", "x", "x", HistoricDemand.DATASET.schema(), TimeShape.INTERVAL,
                Access.WINDOWED, Duration.ofMinutes(30), ZoneId.of("Europe/London"), Duration.ZERO, Duration.ZERO,
                LocalDate.of(2020, 1, 1), Optional.empty(), false, Duration.ofDays(1));
        assertThatThrownBy(() -> source.feed(foreign, NONE))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("elexon.fuel_mix");
    }

    @Test
    void settlementDaysHave46_48Or50Periods() {
        assertThat(SettlementPeriods.count(LocalDate.of(2024, 3, 31))).isEqualTo(46);
        assertThat(SettlementPeriods.count(LocalDate.of(2024, 10, 27))).isEqualTo(50);
        assertThat(SettlementPeriods.count(LocalDate.of(2024, 6, 1))).isEqualTo(48);
        assertThat(SettlementPeriods.start(LocalDate.of(2024, 10, 27), 50)).isEqualTo(Instant.parse("2024-10-27T23:30:00Z"));
        assertThatThrownBy(() -> SettlementPeriods.start(LocalDate.of(2024, 3, 31), 47))
                .hasMessageContaining("46 periods");
    }
}
