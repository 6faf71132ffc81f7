package dev.pmp.source.caiso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CaisoSourceTest {
    private static final Settings NONE = key -> Optional.empty();
    private static final Window HOUR = Window.of(Instant.parse("2025-11-02T08:00:00Z"), Duration.ofHours(1));

    private static Settings settings(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(Source.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(s -> assertThat(s).isInstanceOf(CaisoSource.class));
    }

    @Test
    void offersTheEightDatasetsWithUniqueIds() {
        Source source = new CaisoSource();
        assertThat(source.name()).isEqualTo("caiso");
        assertThat(source.datasets()).extracting(Dataset::id).containsExactly("caiso.lmp_day_ahead_hourly",
                "caiso.lmp_real_time_5min", "caiso.lmp_real_time_15min", "caiso.as_prices", "caiso.load_actual",
                "caiso.load_forecast", "caiso.fuel_mix", "caiso.demand_5min").doesNotHaveDuplicates();
        assertThat(source.datasets()).allSatisfy(d -> {
            assertThat(d.source()).isEqualTo("caiso");
            assertThat(d.marketZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
            assertThat(d.maxWindow()).isLessThanOrEqualTo(Duration.ofDays(30));
        });
        assertThat(source.datasets()).filteredOn(d -> !d.id().equals("caiso.fuel_mix") && !d.id().equals("caiso.demand_5min"))
                .allSatisfy(d -> assertThat(d.sourceRetention()).contains(Duration.ofDays(1180)));
        assertThat(LocationalMarginalPrices.REAL_TIME_5MIN.schema().naturalKey())
                .containsExactly("interval_start_utc", "node");
        assertThat(LoadForecast.DATASET.schema().naturalKey())
                .containsExactly("interval_start_utc", "tac_area", "forecast", "publish_time_utc");
    }

    @Test
    void everyFeedAsksForAWellFormedUrlForAWindow() throws Exception {
        Source source = new CaisoSource();
        for (Settings s : List.of(NONE, settings(Map.of(CaisoSettings.NODES, "ALL")))) {
            for (Dataset d : source.datasets()) {
                Feed feed = source.feed(d, s);
                assertThat(feed.dataset().id()).isEqualTo(d.id());
                FetchRequest request = feed.request(HOUR);
                URI uri = request.uri();
                assertThat(uri.isAbsolute()).isTrue();
                assertThat(uri.getScheme()).isEqualTo("https");
                assertThat(URI.create(uri.toString())).isEqualTo(uri);
                assertThat(request.authenticated()).isFalse();
                if (uri.getHost().equals("oasis.caiso.com")) {
                    assertThat(uri.getQuery()).contains("resultformat=6", "&version=",
                            "startdatetime=20251102T08:00-0000", "enddatetime=20251102T09:00-0000");
                    assertThat(request.budget()).isEmpty();
                } else {
                    assertThat(uri.toString()).startsWith("https://www.caiso.com/outlook/history/20251102/");
                    assertThat(request.budget()).contains("outlook");
                }
            }
        }
    }

    @Test
    void everyStandardMappingFitsItsDataset() {
        Source source = new CaisoSource();
        List<StandardMapping> mappings = source.standardMappings();
        assertThat(mappings).extracting(StandardMapping::table).containsExactlyInAnyOrder(StandardTable.LMP,
                StandardTable.LMP, StandardTable.LMP, StandardTable.AS_PRICES, StandardTable.LOAD, StandardTable.FUEL_MIX);
        for (StandardMapping m : mappings) {
            Dataset d = source.datasets().stream().filter(x -> x.id().equals(m.datasetId())).findFirst().orElseThrow();
            assertThat(m.problemWith(d)).isEmpty();
        }
        assertThat(mappings).filteredOn(m -> m.table() == StandardTable.LMP)
                .extracting(m -> m.values().get("market"))
                .containsExactly(new dev.pmp.spi.StandardValue.Constant("DAM"),
                        new dev.pmp.spi.StandardValue.Constant("RT5M"), new dev.pmp.spi.StandardValue.Constant("RT15M"));
        assertThat(StandardTable.MARKETS).contains("DAM", "RT5M", "RT15M");
    }

    @Test
    void oasisGetsOneRequestEveryFiveSeconds() {
        assertThat(new CaisoSource().requestRates()).containsEntry("", "12 per minute burst 1")
                .containsKey(OutlookFeed.BUDGET);
    }

    @Test
    void settingsDefaultToCaisosSitesAndTheHubsAndDlaps() throws Exception {
        CaisoSettings s = CaisoSettings.from(NONE);
        assertThat(s).isEqualTo(CaisoSettings.defaults());
        assertThat(s.oasisUrl()).isEqualTo(URI.create("https://oasis.caiso.com/oasisapi/SingleZip"));
        assertThat(s.outlookBase()).isEqualTo(URI.create("https://www.caiso.com/outlook"));
        assertThat(s.nodes()).containsExactly("TH_NP15_GEN-APND", "TH_SP15_GEN-APND", "TH_ZP26_GEN-APND",
                "DLAP_PGAE-APND", "DLAP_SCE-APND", "DLAP_SDGE-APND", "DLAP_VEA-APND");
        assertThat(s.allNodes()).isFalse();
    }

    @Test
    void settingsOverrideUrlsAndNodes() throws Exception {
        CaisoSettings s = CaisoSettings.from(settings(Map.of(CaisoSettings.OASIS_URL, "http://127.0.0.1:8080/caiso/oasisapi/SingleZip/",
                CaisoSettings.OUTLOOK_URL, "http://127.0.0.1:8080/caiso/outlook", CaisoSettings.NODES,
                " th_np15_gen-apnd , DLAP_SCE-APND,TH_NP15_GEN-APND ")));
        assertThat(s.oasisUrl()).isEqualTo(URI.create("http://127.0.0.1:8080/caiso/oasisapi/SingleZip"));
        assertThat(s.outlookBase()).isEqualTo(URI.create("http://127.0.0.1:8080/caiso/outlook"));
        assertThat(s.nodes()).containsExactly("TH_NP15_GEN-APND", "DLAP_SCE-APND");
        assertThat(CaisoSettings.from(settings(Map.of(CaisoSettings.NODES, "All"))).allNodes()).isTrue();
    }

    @Test
    void badSettingsAreConfigFailuresThatNeverEchoCredentials() {
        assertThatThrownBy(() -> CaisoSettings.from(settings(Map.of(CaisoSettings.OASIS_URL, "ftp://x/y"))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("PMP_CAISO_OASIS_URL", "expected an http or https URL");
        assertThatThrownBy(() -> CaisoSettings.from(settings(Map.of(CaisoSettings.OUTLOOK_URL,
                "https://user:s3cret@proxy.example/outlook"))))
                .hasMessageContaining("must not contain credentials").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> CaisoSettings.from(settings(Map.of(CaisoSettings.OASIS_URL, "https://x/SingleZip?a=1"))))
                .hasMessageContaining("must not carry a query");
        assertThatThrownBy(() -> CaisoSettings.from(settings(Map.of(CaisoSettings.NODES, "TH_NP15&grp_type=ALL"))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("is not a node name");
        assertThatThrownBy(() -> CaisoSettings.from(settings(Map.of(CaisoSettings.NODES, " , "))))
                .hasMessageContaining("names no node");
    }

    @Test
    void aDatasetOfAnotherSourceIsAConfigFailure() {
        Dataset other = new Dataset("ercot.fuel_mix", "x", "x", FuelMix.DATASET.schema(), FuelMix.DATASET.timeShape(),
                FuelMix.DATASET.access(), FuelMix.DATASET.cadence(), FuelMix.DATASET.marketZone(), Duration.ZERO,
                Duration.ZERO, FuelMix.DATASET.earliest(), Optional.empty(), false, Duration.ofDays(1));
        assertThatThrownBy(() -> new CaisoSource().feed(other, NONE))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("caiso offers no dataset ercot.fuel_mix");
    }
}
