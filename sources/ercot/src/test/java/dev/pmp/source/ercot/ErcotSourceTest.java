package dev.pmp.source.ercot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Access;
import dev.pmp.spi.Column;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Schema;
import dev.pmp.spi.Settings;
import dev.pmp.spi.Source;
import dev.pmp.spi.SourceException;
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

class ErcotSourceTest {

    private static final Settings NONE = key -> Optional.empty();
    private static final Window ANY = Window.of(Instant.parse("2025-11-09T06:00:00Z"), Duration.ofDays(1));

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(Source.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(s -> assertThat(s).isInstanceOf(ErcotSource.class));
    }

    @Test
    void describesTheEnergyStorageDashboard() {
        Source source = new ErcotSource();
        assertThat(source.name()).isEqualTo("ercot");
        assertThat(source.datasets()).extracting(Dataset::id).containsExactly("ercot.energy_storage_resources",
                "ercot.system_wide_prices", "ercot.system_wide_prices_day_ahead", "ercot.fuel_mix",
                "ercot.spp_real_time_15min", "ercot.spp_day_ahead_hourly",
                "ercot.as_prices_day_ahead", "ercot.as_prices_real_time_15min", "ercot.load_by_weather_zone",
                "ercot.load_by_forecast_zone", "ercot.system_lambda", "ercot.lmp_sced",
                "ercot.dam_gen_resources_60d", "ercot.dam_load_resources_60d", "ercot.dam_esr_60d",
                "ercot.sced_gen_resources_60d", "ercot.sced_load_resources_60d", "ercot.sced_esr_60d",
                "ercot.sced_smne_60d", "ercot.cop_snapshot_60d");
        Dataset d = source.datasets().get(0);
        assertThat(d.id()).isEqualTo("ercot.energy_storage_resources");
        assertThat(d.title()).isEqualTo("ERCOT energy storage resources (system-wide charging/discharging)");
        assertThat(d.operatorReference())
                .isEqualTo("https://www.ercot.com/api/1/services/read/dashboards/energy-storage-resources.json");
        assertThat(d.timeShape()).isEqualTo(TimeShape.POINT);
        assertThat(d.access()).isEqualTo(Access.SNAPSHOT);
        assertThat(d.cadence()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.marketZone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(d.publicationDelay()).isEqualTo(Duration.ofMinutes(2));
        assertThat(d.grace()).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.earliest()).isEqualTo(LocalDate.of(2024, 11, 3));
        assertThat(d.sourceRetention()).contains(Duration.ofDays(2));
        assertThat(d.revisable()).isFalse();
        assertThat(d.maxWindow()).isEqualTo(Duration.ofDays(2));

        Schema schema = d.schema();
        assertThat(schema.columnNames())
                .containsExactly("time_utc", "total_charging_mw", "total_discharging_mw", "net_output_mw");
        assertThat(schema.naturalKey()).containsExactly("time_utc");
        assertThat(schema.column("time_utc").type()).isEqualTo(ColumnType.TIMESTAMP);
        for (Column c : schema.valueColumns()) {
            assertThat(c.type()).isEqualTo(ColumnType.DOUBLE);
            assertThat(c.unit()).isEqualTo("MW");
        }
        assertThat(schema.column("total_charging_mw").description()).contains("totalCharging", "≤ 0");
        assertThat(schema.column("total_discharging_mw").description()).contains("totalDischarging");
        assertThat(schema.column("net_output_mw").description()).contains("netOutput");
    }

    @Test
    void readsErcotByDefault() throws SourceException {
        FetchRequest request = feed(NONE).request(ANY);
        assertThat(request.uri()).isEqualTo(
                URI.create("https://www.ercot.com/api/1/services/read/dashboards/energy-storage-resources.json"));
        assertThat(request.headers()).isEqualTo(Map.of("Accept", "application/json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8123", "http://127.0.0.1:8123/", " http://127.0.0.1:8123// "})
    void readsTheConfiguredBase(String base) throws SourceException {
        assertThat(feed(setting(base)).request(ANY).uri()).isEqualTo(
                URI.create("http://127.0.0.1:8123/api/1/services/read/dashboards/energy-storage-resources.json"));
    }

    @Test
    void keepsAPathPrefix() throws SourceException {
        assertThat(feed(setting("https://proxy.example/ercot")).request(ANY).uri()).isEqualTo(URI.create(
                "https://proxy.example/ercot/api/1/services/read/dashboards/energy-storage-resources.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "www.ercot.com", "ftp://www.ercot.com", "http:///path",
        "http://host/?q=1", "http://host/#top"})
    void rejectsAMalformedBase(String base) {
        assertThatThrownBy(() -> feed(setting(base)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("PMP_ERCOT_DASHBOARD_URL");
    }

    @Test
    void neverEchoesCredentials() {
        assertThatThrownBy(() -> feed(setting("https://user:s3cret@proxy.example")))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("PMP_ERCOT_DASHBOARD_URL")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void refusesAnotherSourcesDataset() {
        Dataset foreign = new Dataset("elexon.fuel_mix", "x", "x", EnergyStorageResources.DATASET.schema(),
                TimeShape.POINT, Access.WINDOWED, Duration.ofMinutes(5), ZoneId.of("Europe/London"),
                Duration.ZERO, Duration.ZERO, LocalDate.of(2020, 1, 1), Optional.empty(), false, Duration.ofDays(1));
        assertThatThrownBy(() -> new ErcotSource().feed(foreign, NONE))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("elexon.fuel_mix");
    }

    @Test
    void datasetIdsAreUniqueAndApiFeedsAskWellFormedUrls() throws SourceException {
        Source source = new ErcotSource();
        assertThat(source.datasets()).extracting(Dataset::id).doesNotHaveDuplicates();
        Settings api = key -> Optional.ofNullable(Map.of("PMP_ERCOT_USERNAME", "u", "PMP_ERCOT_PASSWORD", "p",
                "PMP_ERCOT_SUBSCRIPTION_KEY", "k").get(key));
        for (Dataset d : source.datasets()) {
            Window w = Window.of(Instant.parse("2026-09-28T05:00:00Z"), d.cadence());
            FetchRequest r = source.feed(d, api).request(w);
            assertThat(r.uri().isAbsolute()).as(d.id()).isTrue();
            assertThat(r.uri().getScheme()).isEqualTo("https");
            assertThat(r.uri().toString()).as(d.id()).doesNotContain(" ", "{", "}");
            boolean isApi = r.uri().getHost().equals("api.ercot.com");
            assertThat(r.authenticated()).as(d.id()).isEqualTo(isApi);
            assertThat(r.budget()).as(d.id()).isEqualTo(isApi ? Optional.of("api") : Optional.empty());
            assertThat(r.headers()).doesNotContainKeys("Authorization", "Ocp-Apim-Subscription-Key");
        }
    }

    @Test
    void requestRatesKeepTheApiOnItsPublishedLimit() {
        assertThat(new ErcotSource().requestRates()).isEqualTo(Map.of("", "60 per minute burst 10", "api", "30 per minute"));
    }

    @Test
    void everyStandardMappingFitsItsDataset() {
        Source source = new ErcotSource();
        Map<String, Dataset> byId = new java.util.HashMap<>();
        source.datasets().forEach(d -> byId.put(d.id(), d));
        assertThat(source.standardMappings()).isNotEmpty().allSatisfy(m -> {
            assertThat(byId).containsKey(m.datasetId());
            assertThat(m.problemWith(byId.get(m.datasetId()))).isEmpty();
        });
        assertThat(source.standardMappings()).extracting(m -> m.table() + " " + m.datasetId()).contains(
                "LMP ercot.spp_day_ahead_hourly", "LMP ercot.spp_real_time_15min",
                "AS_PRICES ercot.as_prices_day_ahead", "AS_PRICES ercot.as_prices_real_time_15min",
                "LOAD ercot.load_by_weather_zone", "LOAD ercot.load_by_forecast_zone", "FUEL_MIX ercot.fuel_mix");
        assertThat(source.standardMappings()).filteredOn(m -> m.table() == dev.pmp.spi.StandardTable.LMP)
                .allSatisfy(m -> assertThat(m.values().get("location_type"))
                        .isEqualTo(dev.pmp.spi.StandardValue.column("location_type")));
    }

    private static Feed feed(Settings settings) throws SourceException {
        return new ErcotSource().feed(EnergyStorageResources.DATASET, settings);
    }

    private static Settings setting(String value) {
        return key -> key.equals("PMP_ERCOT_DASHBOARD_URL") ? Optional.of(value) : Optional.empty();
    }
}
