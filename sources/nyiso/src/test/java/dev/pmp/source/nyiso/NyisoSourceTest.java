package dev.pmp.source.nyiso;

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
import dev.pmp.spi.StandardValue;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NyisoSourceTest {

    private static final Source SOURCE = new NyisoSource();
    private static final Pattern DAILY = Pattern.compile(
            "http://mis\\.nyiso\\.com/public/csv/[a-zA-Z]+/20240603[a-z_]+\\.csv");
    private static final Pattern MONTHLY = Pattern.compile(
            "http://mis\\.nyiso\\.com/public/csv/[a-zA-Z]+/20240501[a-z_]+_csv\\.zip");

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(Source.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(s -> assertThat(s).isInstanceOf(NyisoSource.class));
    }

    @Test
    void offersTheEightDatasets() {
        assertThat(SOURCE.name()).isEqualTo("nyiso");
        assertThat(SOURCE.datasets()).extracting(Dataset::id).doesNotHaveDuplicates().containsExactly(
                "nyiso.lmp_day_ahead_hourly", "nyiso.lmp_real_time_5min", "nyiso.lmp_real_time_hourly",
                "nyiso.as_prices_day_ahead", "nyiso.as_prices_real_time", "nyiso.load_actual", "nyiso.load_forecast",
                "nyiso.fuel_mix");
        for (Dataset d : SOURCE.datasets()) {
            assertThat(d.source()).isEqualTo("nyiso");
            assertThat(d.marketZone()).isEqualTo(ZoneId.of("America/New_York"));
            assertThat(d.earliest()).isEqualTo(LocalDate.of(2019, 1, 1));
            assertThat(d.access()).isEqualTo(Access.WINDOWED);
            assertThat(d.maxWindow()).isEqualTo(Duration.ofDays(31));
            assertThat(d.operatorReference()).startsWith("http://mis.nyiso.com/public/csv/");
        }
        assertThat(NyisoDatasets.LOAD_ACTUAL.timeShape()).isEqualTo(TimeShape.POINT);
        assertThat(NyisoDatasets.FUEL_MIX_DATASET.timeShape()).isEqualTo(TimeShape.POINT);
        assertThat(NyisoDatasets.LMP_REAL_TIME_5MIN.schema().columnNames()).containsExactly("interval_start_utc",
                "interval_end_utc", "location", "location_type", "ptid", "lmp", "loss", "congestion", "energy");
        assertThat(NyisoDatasets.LMP_REAL_TIME_5MIN.schema().naturalKey()).containsExactly("interval_start_utc",
                "location");
        assertThat(NyisoDatasets.LOAD_FORECAST.schema().naturalKey()).containsExactly("interval_start_utc",
                "forecast_date", "zone");
    }

    @Test
    void everyFeedAsksForWellFormedUrls() throws SourceException {
        Window day = Payloads.day(LocalDate.of(2024, 6, 3));
        Window month = Payloads.month(YearMonth.of(2024, 5));
        for (Dataset d : SOURCE.datasets()) {
            Feed feed = SOURCE.feed(d, Payloads.DEFAULTS);
            assertThat(feed.dataset()).isEqualTo(d);
            FetchRequest daily = feed.request(day);
            assertThat(daily.uri().toString()).matches(DAILY);
            assertThat(daily.authenticated()).isFalse();
            assertThat(feed.request(month).uri().toString()).matches(MONTHLY);
        }
    }

    @Test
    void aWindowOverTwoMonthsUsesTheArchiveOfTheWholeOneAndDailyFilesForTheRest() {
        Window w = new Window(Payloads.day(LocalDate.of(2024, 4, 29)).start(), Payloads.month(YearMonth.of(2024, 5)).end());
        List<FilePlan.Fetch> plan = FilePlan.of(w, List.of(NyisoDatasets.PAL), ZoneId.of("America/New_York"));
        assertThat(plan).extracting(FilePlan.Fetch::fileName).containsExactly("20240429pal.csv", "20240430pal.csv",
                "20240501pal_csv.zip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8123/nyiso/public/csv", "http://127.0.0.1:8123/nyiso/public/csv/",
        " http://127.0.0.1:8123/nyiso/public/csv// "})
    void readsTheConfiguredBase(String base) throws SourceException {
        Settings s = key -> key.equals("PMP_NYISO_MIS_URL") ? Optional.of(base) : Optional.empty();
        assertThat(SOURCE.feed(NyisoDatasets.LOAD_ACTUAL, s).request(Payloads.day(LocalDate.of(2024, 6, 3))).uri())
                .isEqualTo(URI.create("http://127.0.0.1:8123/nyiso/public/csv/pal/20240603pal.csv"));
    }

    @Test
    void settingsDefaults() throws SourceException {
        NyisoSettings s = NyisoSettings.from(Payloads.DEFAULTS);
        assertThat(s.misBase()).isEqualTo(URI.create("http://mis.nyiso.com/public/csv"));
        assertThat(s.generators()).isFalse();
        assertThat(NyisoSettings.from(Payloads.GENERATORS).generators()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "mis.nyiso.com", "ftp://mis.nyiso.com", "http://host/?q=1"})
    void rejectsAMalformedBase(String base) {
        Settings s = key -> key.equals("PMP_NYISO_MIS_URL") ? Optional.of(base) : Optional.empty();
        assertThatThrownBy(() -> SOURCE.feed(NyisoDatasets.LOAD_ACTUAL, s))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("PMP_NYISO_MIS_URL");
    }

    @Test
    void neverEchoesCredentials() {
        Settings s = key -> key.equals("PMP_NYISO_MIS_URL") ? Optional.of("https://user:s3cret@mirror.example")
                : Optional.empty();
        assertThatThrownBy(() -> SOURCE.feed(NyisoDatasets.LOAD_ACTUAL, s))
                .hasMessageContaining("PMP_NYISO_MIS_URL").hasMessageNotContaining("s3cret");
    }

    @Test
    void rejectsAGeneratorsValueThatIsNotABoolean() {
        Settings s = key -> key.equals("PMP_NYISO_GENERATORS") ? Optional.of("yes") : Optional.empty();
        assertThatThrownBy(() -> SOURCE.feed(NyisoDatasets.LOAD_ACTUAL, s))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("PMP_NYISO_GENERATORS");
    }

    @Test
    void refusesAnotherSourcesDataset() {
        Dataset foreign = new Dataset("ercot.fuel_mix", "x", "x", NyisoDatasets.FUEL_MIX_DATASET.schema(),
                TimeShape.POINT, Access.WINDOWED, Duration.ofMinutes(5), ZoneId.of("America/Chicago"),
                Duration.ZERO, Duration.ZERO, LocalDate.of(2020, 1, 1), Optional.empty(), false, Duration.ofDays(1));
        assertThatThrownBy(() -> SOURCE.feed(foreign, Payloads.DEFAULTS))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("ercot.fuel_mix");
    }

    @Test
    void standardMappingsFitTheirDatasets() {
        List<StandardMapping> mappings = SOURCE.standardMappings();
        assertThat(mappings).extracting(StandardMapping::table).containsExactly(StandardTable.LMP, StandardTable.LMP,
                StandardTable.LMP, StandardTable.AS_PRICES, StandardTable.AS_PRICES, StandardTable.LOAD,
                StandardTable.FUEL_MIX);
        for (StandardMapping m : mappings) {
            Dataset d = SOURCE.datasets().stream().filter(x -> x.id().equals(m.datasetId())).findFirst().orElseThrow();
            assertThat(m.problemWith(d)).isEmpty();
            assertThat(m.values().get("iso")).isEqualTo(StandardValue.constant("NYISO"));
            if (m.values().containsKey("market")) {
                assertThat(StandardTable.MARKETS).contains((String) ((StandardValue.Constant) m.values().get("market")).value());
            }
        }
        assertThat(mappings).extracting(m -> m.values().get("market")).containsSubsequence(
                StandardValue.constant("DAM"), StandardValue.constant("RT5M"), StandardValue.constant("RTH"));
    }

    @Test
    void locationTypesAreStandardOnes() throws SourceException {
        String zone = SyntheticFiles.lbmp(LocalDate.of(2024, 6, 3), Duration.ofHours(1), SyntheticFiles.Stamp.START,
                List.of("N.Y.C.", "PJM"));
        LocalDate d = LocalDate.of(2024, 6, 3);
        var p = Payloads.feed(NyisoDatasets.LMP_DAY_AHEAD_HOURLY).parse(Payloads.day(d),
                Payloads.daily(NyisoDatasets.DAM_ZONE, d, zone));
        assertThat(p.rows()).extracting(r -> r.text(3)).containsOnly("zone", "interface")
                .allSatisfy(t -> assertThat(StandardTable.LOCATION_TYPES).contains(t));
        assertThat(p.covered()).containsExactly(Payloads.day(d));
        assertThat(Instant.parse("2024-06-03T04:00:00Z")).isEqualTo(p.rows().get(0).instant(0));
    }
}
