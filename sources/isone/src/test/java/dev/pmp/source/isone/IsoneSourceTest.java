package dev.pmp.source.isone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Auth;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoneSourceTest {
    private static final Window WINDOW = Window.of(Instant.parse("2024-11-03T04:00:00Z"), Duration.ofHours(1));
    private final Source source = new IsoneSource();

    private static Settings settings(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return key -> Optional.ofNullable(m.get(key));
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(Source.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(s -> assertThat(s).isInstanceOf(IsoneSource.class));
    }

    @Test
    void offersTheIssuesDatasetsWithUniqueIds() {
        assertThat(source.name()).isEqualTo("isone");
        assertThat(source.datasets()).extracting(Dataset::id).doesNotHaveDuplicates().containsExactly(
                "isone.lmp_day_ahead_hourly", "isone.lmp_real_time_hourly", "isone.lmp_real_time_5min",
                "isone.reserve_prices", "isone.regulation_prices", "isone.load_actual", "isone.load_actual_5min",
                "isone.load_forecast", "isone.fuel_mix", "isone.locations", "isone.load_zonal_hourly",
                "isone.load_zonal_day_ahead_hourly", "isone.load_forecast_regional");
        for (Dataset d : source.datasets()) {
            assertThat(d.source()).isEqualTo("isone");
            assertThat(d.marketZone()).hasToString("America/New_York");
        }
        assertThat(Load.FORECAST.schema().naturalKey()).containsExactly("interval_start_utc", "publish_time_utc");
        assertThat(Lmp.REAL_TIME_FIVE_MINUTE.schema().naturalKey()).containsExactly("interval_start_utc", "location_id")
                .doesNotContain("is_final");
        assertThat(Locations.DATASET.access()).isEqualTo(dev.pmp.spi.Access.SNAPSHOT);
    }

    @Test
    void everyFeedAsksForAWellFormedAuthenticatedUrlOnTheApi() throws SourceException {
        for (Dataset d : source.datasets()) {
            Feed feed = source.feed(d, Answers.API);
            assertThat(feed.dataset()).isSameAs(d);
            FetchRequest r = feed.request(WINDOW);
            assertThat(r.uri().getScheme()).isEqualTo("https");
            assertThat(r.uri().getHost()).isEqualTo("webservices.iso-ne.com");
            assertThat(r.uri().getPath()).startsWith("/api/v1.1/");
            assertThat(r.authenticated()).as(d.id()).isTrue();
            assertThat(r.headers()).containsEntry("Accept", "application/json");
        }
    }

    @Test
    void withoutCredentialsTheCsvChannelServesLmpLoadAndFuelMixAndTheRestRefuses() throws SourceException {
        for (Dataset d : source.datasets()) {
            boolean csv = d == Lmp.DAY_AHEAD_HOURLY || d == Lmp.REAL_TIME_HOURLY || d == Lmp.REAL_TIME_FIVE_MINUTE
                    || d == Load.ACTUAL_FIVE_MINUTE || d == FuelMix.DATASET;
            if (csv) {
                FetchRequest r = source.feed(d, Answers.EXPRESS).request(WINDOW);
                assertThat(r.uri().getHost()).isEqualTo("www.iso-ne.com");
                assertThat(r.authenticated()).isTrue();
                assertThat(r.budget()).contains("express");
                assertThat(URI.create(r.headers().get("Referer")).getHost()).isEqualTo("www.iso-ne.com");
            } else {
                assertThatThrownBy(() -> source.feed(d, Answers.EXPRESS))
                        .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                        .hasMessageContaining("PMP_ISONE_USERNAME");
            }
        }
    }

    @Test
    void authIsBasicWithCredentialsAndASessionWithout() throws SourceException {
        assertThat(source.auth(Answers.API)).contains(new Auth.Basic("user@example.com", "s3cret-pw"));
        assertThat(source.auth(Answers.EXPRESS)).contains(new Auth.Session(
                URI.create("https://www.iso-ne.com/isoexpress/web/reports/operations/-/tree/gen-fuel-mix"),
                Duration.ofMinutes(20)));
    }

    @Test
    void baseUrlsAreOverridable() throws SourceException {
        Settings s = settings("PMP_ISONE_API_URL", "http://127.0.0.1:8123/isone/api/", "PMP_ISONE_EXPRESS_URL",
                "http://127.0.0.1:8123/isone/express", "PMP_ISONE_USERNAME", "u", "PMP_ISONE_PASSWORD", "p");
        assertThat(source.feed(Load.ACTUAL_HOURLY, s).request(WINDOW).uri())
                .isEqualTo(URI.create("http://127.0.0.1:8123/isone/api/hourlysysload/day/20241103"));
        Settings csv = settings("PMP_ISONE_EXPRESS_URL", "http://127.0.0.1:8123/isone/express");
        assertThat(source.feed(FuelMix.DATASET, csv).request(WINDOW).uri())
                .isEqualTo(URI.create("http://127.0.0.1:8123/isone/express/transform/csv/genfuelmix?start=20241103"));
        assertThat(source.auth(csv).orElseThrow()).isEqualTo(new Auth.Session(URI.create(
                "http://127.0.0.1:8123/isone/express/isoexpress/web/reports/operations/-/tree/gen-fuel-mix"),
                Duration.ofMinutes(20)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "ftp://host", "http://host/?q=1", "webservices.iso-ne.com"})
    void rejectsAMalformedBase(String base) {
        assertThatThrownBy(() -> source.feed(FuelMix.DATASET, settings("PMP_ISONE_API_URL", base)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("PMP_ISONE_API_URL");
    }

    @Test
    void neverEchoesASecret() throws SourceException {
        assertThatThrownBy(() -> source.feed(FuelMix.DATASET, settings("PMP_ISONE_PASSWORD", "s3cret-pw")))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("PMP_ISONE_USERNAME").hasMessageNotContaining("s3cret-pw");
        assertThatThrownBy(() -> source.feed(FuelMix.DATASET, settings("PMP_ISONE_EXPRESS_URL", "https://u:s3cret@h")))
                .hasMessageNotContaining("s3cret");
        assertThat(IsoneSettings.from(Answers.API).toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void refusesAnotherSourcesDataset() {
        Dataset foreign = new Dataset("ercot.fuel_mix", "x", "x", FuelMix.DATASET.schema(), TimeShape.POINT,
                dev.pmp.spi.Access.WINDOWED, Duration.ofMinutes(5), IsoneTime.ZONE, Duration.ZERO, Duration.ZERO,
                java.time.LocalDate.of(2020, 1, 1), Optional.empty(), false, Duration.ofDays(1));
        assertThatThrownBy(() -> source.feed(foreign, Answers.API))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("ercot.fuel_mix");
    }

    @Test
    void everyStandardMappingFitsItsDataset() {
        assertThat(source.standardMappings()).hasSize(11);
        for (StandardMapping m : source.standardMappings()) {
            Dataset d = source.datasets().stream().filter(x -> x.id().equals(m.datasetId())).findFirst().orElseThrow();
            assertThat(m.problemWith(d)).as(m.toString()).isEmpty();
        }
        assertThat(source.standardMappings()).extracting(StandardMapping::table).contains(StandardTable.LMP,
                StandardTable.AS_PRICES, StandardTable.LOAD, StandardTable.FUEL_MIX);
    }

    @Test
    void pacesTheApiAndTheCsvChannelApart() {
        assertThat(source.requestRates()).containsEntry("", "60 per minute burst 3").containsEntry("express", "6 per minute");
        source.requestRates().values().forEach(dev.pmp.engine.http.RequestRate::parse);
    }
}
