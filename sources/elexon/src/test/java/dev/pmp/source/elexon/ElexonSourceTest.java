package dev.pmp.source.elexon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Source;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.StandardMapping;
import dev.pmp.spi.StandardTable;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ElexonSourceTest {

    private static final Window DAY = Payloads.window("2024-05-01T00:00:00Z", "2024-05-01T06:00:00Z");

    @Test
    void serviceLoaderFindsTheSourceWithAll82DatasetCodes() {
        Source source = ServiceLoader.load(Source.class).stream().map(ServiceLoader.Provider::get)
                .filter(s -> s.name().equals("elexon")).findFirst().orElseThrow();
        List<Dataset> datasets = source.datasets();
        assertThat(datasets).hasSize(82);
        Set<String> ids = new HashSet<>();
        for (Dataset d : datasets) {
            assertThat(ids.add(d.id())).as(d.id()).isTrue();
            assertThat(d.id()).startsWith("elexon.").matches("elexon\\.[a-z0-9]+");
            assertThat(d.marketZone().getId()).isEqualTo("Europe/London");
            assertThat(d.earliest()).isEqualTo(ElexonCatalogue.EARLIEST);
        }
        assertThat(ids).contains("elexon.fuelinst", "elexon.remit", "elexon.ocnmf3y2", "elexon.uou2t3yw", "elexon.rzdr");
    }

    @Test
    void everyFeedBuildsAWellFormedRequestInsideTheDefaultApi() throws SourceException {
        Source source = new ElexonSource();
        for (Dataset d : source.datasets()) {
            FetchRequest r = source.feed(d, key -> Optional.empty()).request(DAY);
            String code = d.name().toUpperCase(java.util.Locale.ROOT);
            assertThat(r.uri().toString()).as(d.id()).startsWith("https://data.elexon.co.uk/bmrs/api/v1/datasets/" + code);
            assertThat(r.uri().getQuery()).as(d.id()).isNotBlank();
            assertThat(r.authenticated()).isFalse();
            // Publish-time and settlement-date filters are never combined (spec §2.5).
            assertThat(r.uri().getQuery()).as(d.id()).satisfiesAnyOf(q -> assertThat(q).doesNotContain("publishDateTime"), q -> assertThat(q).doesNotContain("settlementDate"));
        }
    }

    @Test
    void everyStandardMappingFitsItsDataset() {
        Source source = new ElexonSource();
        List<StandardMapping> mappings = source.standardMappings();
        assertThat(mappings).extracting(StandardMapping::table)
                .containsExactly(StandardTable.FUEL_MIX, StandardTable.LOAD, StandardTable.LOAD);
        for (StandardMapping m : mappings) {
            Dataset d = ElexonCatalogue.byId(m.datasetId()).orElseThrow();
            assertThat(m.problemWith(d)).as(m.datasetId()).isEmpty();
        }
        assertThat(mappings).extracting(StandardMapping::datasetId).containsExactly("elexon.fuelinst", "elexon.indo", "elexon.itsdo");
    }

    @Test
    void apiUrlSettingMovesEveryRequestAndRefusesCredentials() throws SourceException {
        Source source = new ElexonSource();
        Dataset fuelinst = ElexonCatalogue.byCode("FUELINST").orElseThrow();
        FetchRequest r = source.feed(fuelinst, key -> key.equals(ElexonSettings.API_URL)
                ? Optional.of("http://127.0.0.1:8080/elexon/bmrs/api/v1/") : Optional.empty()).request(DAY);
        assertThat(r.uri().toString()).startsWith("http://127.0.0.1:8080/elexon/bmrs/api/v1/datasets/FUELINST/stream?");

        assertThatThrownBy(() -> source.feed(fuelinst, key -> Optional.of("https://user:secret@example.com")))
                .isInstanceOf(SourceException.class).hasMessageNotContaining("secret")
                .extracting(e -> ((SourceException) e).failure()).isEqualTo(Failure.CONFIG);
        assertThatThrownBy(() -> source.feed(fuelinst, key -> Optional.of("ftp://example.com")))
                .hasMessageContaining(ElexonSettings.API_URL);
    }

    @Test
    void aDatasetOfAnotherSourceIsAConfigFailure() {
        Dataset foreign = new Dataset("ercot.fuel_mix", "x", "x", ElexonCatalogue.byCode("FREQ").orElseThrow().schema(),
                dev.pmp.spi.TimeShape.POINT, dev.pmp.spi.Access.WINDOWED, Duration.ofMinutes(5), java.time.ZoneOffset.UTC,
                Duration.ZERO, Duration.ZERO, java.time.LocalDate.of(2020, 1, 1), Optional.empty(), false, Duration.ofDays(1));
        assertThatThrownBy(() -> new ElexonSource().feed(foreign, key -> Optional.empty()))
                .isInstanceOf(SourceException.class).hasMessageContaining("elexon offers no dataset ercot.fuel_mix");
    }

    @Test
    void requestRatesPaceTheApiAndGiveUou2t3ywItsPublishedLimit() {
        Map<String, String> rates = new ElexonSource().requestRates();
        assertThat(rates).containsEntry("", "2 per second burst 5").containsEntry("uou2t3yw", "100 per minute");
        assertThat(Payloads.feed("UOU2T3YW").request(DAY).budget()).contains("uou2t3yw");
        assertThat(Payloads.feed("FUELINST").request(DAY).budget()).isEmpty();
    }

    @Test
    void catalogueLooksUpIrisSubjectsAndCodesInAnyCase() {
        assertThat(ElexonCatalogue.byCode("SYS_WARN")).map(Dataset::id).contains("elexon.syswarn");
        assertThat(ElexonCatalogue.byCode("LOLPDM")).map(Dataset::id).contains("elexon.lolpdrm");
        assertThat(ElexonCatalogue.byCode("E0361")).map(Dataset::id).contains("elexon.cdn");
        assertThat(ElexonCatalogue.byCode("boalf")).map(Dataset::id).contains("elexon.boalf");
        assertThat(ElexonCatalogue.byCode("NOPE")).isEmpty();
        assertThat(ElexonCatalogue.byId("ercot.fuel_mix")).isEmpty();
    }

    @Test
    void cadencesLayTheGridEveryFiveFifteenOrThirtyMinutes() {
        assertThat(ElexonCatalogue.byCode("FUELINST").orElseThrow().cadence()).isEqualTo(Duration.ofMinutes(5));
        assertThat(ElexonCatalogue.byCode("FREQ").orElseThrow().cadence()).isEqualTo(Duration.ofMinutes(5));
        assertThat(ElexonCatalogue.byCode("REMIT").orElseThrow().cadence()).isEqualTo(Duration.ofMinutes(15));
        assertThat(ElexonCatalogue.byCode("INDO").orElseThrow().cadence()).isEqualTo(Duration.ofMinutes(15));
        assertThat(ElexonCatalogue.byCode("BOD").orElseThrow().cadence()).isEqualTo(Duration.ofMinutes(30));
        assertThat(ElexonCatalogue.byCode("FREQ").orElseThrow().maxWindow()).isEqualTo(Duration.ofDays(1));
        assertThat(ElexonCatalogue.byCode("AGPT").orElseThrow().maxWindow()).isEqualTo(Duration.ofDays(4));
        assertThat(ElexonCatalogue.byCode("FREQ").orElseThrow().schema().columnNames()).containsExactly("time_utc", "frequency");
    }

    @Test
    void everyDatasetIsPolledEveryFifteenMinutesAndFreqAndFuelinstEveryFive() {
        Map<Duration, Integer> byInterval = new java.util.TreeMap<>();
        for (Dataset d : new ElexonSource().datasets()) {
            String code = d.name().toUpperCase(java.util.Locale.ROOT);
            Duration expected = code.equals("FREQ") || code.equals("FUELINST") ? Duration.ofMinutes(5) : Duration.ofMinutes(15);
            assertThat(d.pollInterval()).as(d.id()).isEqualTo(expected).isLessThanOrEqualTo(d.cadence());
            byInterval.merge(d.pollInterval(), 1, Integer::sum);
        }
        assertThat(byInterval).containsExactly(Map.entry(Duration.ofMinutes(5), 2), Map.entry(Duration.ofMinutes(15), 80));
        // The half-hourly datasets are the ones the shorter interval is for: polled twice per settlement period.
        Dataset bod = ElexonCatalogue.byCode("BOD").orElseThrow();
        assertThat(bod.cadence()).isEqualTo(Duration.ofMinutes(30));
        assertThat(bod.pollInterval()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aFactsLinePolledLessOftenThanItsCadenceIsRefused() {
        String fuelinst = "FUELINST\tInstantaneous generation outturn by fuel type\tX\tSTART5\t5\t%s\t7\tP1D\tstream\tdense\tfinal\t"
                + "fuelType\tpublishTime:T,startTime:T,settlementDate:D,settlementPeriod:I,fuelType:S,generation:I";
        assertThat(ElexonCatalogue.parseLine(String.format(fuelinst, "5")).pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> ElexonCatalogue.parseLine(String.format(fuelinst, "15")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FUELINST: poll interval PT15M");
        assertThatThrownBy(() -> ElexonCatalogue.parseLine(String.format(fuelinst, "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }
}
