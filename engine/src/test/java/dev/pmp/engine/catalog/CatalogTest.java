package dev.pmp.engine.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Settings;
import dev.pmp.spi.Source;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.StandardMapping;
import dev.pmp.spi.StandardTable;
import dev.pmp.spi.StandardValue;
import dev.pmp.spi.Window;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogTest {

    @Test
    void aDatasetIdOfferedTwiceFailsFast() {
        Source a = new FixedSource("test", List.of(dev.pmp.engine.TestDatasets.FIVE_MINUTE), null);
        Source b = new FixedSource("test", List.of(dev.pmp.engine.TestDatasets.FIVE_MINUTE), null);
        assertThatThrownBy(() -> Catalog.of(List.of(a, b)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test.samples is offered twice");
    }

    @Test
    void aSourceMayOnlyOfferDatasetsUnderItsOwnName() {
        Source a = new FixedSource("other", List.of(dev.pmp.engine.TestDatasets.FIVE_MINUTE), null);
        assertThatThrownBy(() -> Catalog.of(List.of(a))).hasMessageContaining("does not start with other.");
    }

    @Test
    void aDatasetWhoseFeedCannotBeConfiguredIsListedAsDisabledWithTheReason() {
        Catalog c = Catalog.of(List.of(new FixedSource("test", List.of(dev.pmp.engine.TestDatasets.FIVE_MINUTE),
                "set PMP_TEST_KEY")));
        Catalog.Configured conf = c.configure(key -> Optional.empty()).get("test.samples");
        assertThat(conf.enabled()).isFalse();
        assertThat(conf.disabledReason()).isEqualTo("set PMP_TEST_KEY");
        assertThatThrownBy(() -> c.dataset("test.nope")).hasMessageContaining("known: test.samples");
    }

    @Test
    void standardMappingsAreCheckedAgainstTheDatasetsWhenTheCatalogIsBuilt() {
        Dataset d = dev.pmp.engine.TestDatasets.FIVE_MINUTE;
        String time = d.timeShape().gridColumn();
        StandardMapping good = StandardMapping.of(StandardTable.LOAD, d).column("interval_start_utc", time)
                .shifted("interval_end_utc", time, java.time.Duration.ofMinutes(5)).constant("iso", "TEST")
                .constant("area", "system").column("load_mw", "v").build();
        Catalog c = Catalog.of(List.of(new MappedSource(List.of(d), List.of(good))));
        assertThat(c.standardMappings()).containsExactly(good);

        StandardMapping wrongType = new StandardMapping(StandardTable.LOAD, d.id(), java.util.Map.of(
                "interval_start_utc", StandardValue.column(time), "interval_end_utc", StandardValue.column(time),
                "iso", StandardValue.constant("TEST"), "area", StandardValue.absent(),
                "load_mw", StandardValue.column(time)));
        assertThatThrownBy(() -> Catalog.of(List.of(new MappedSource(List.of(d), List.of(wrongType)))))
                .hasMessageContaining("load_mw").hasMessageContaining("is TIMESTAMP, needs DOUBLE");
        StandardMapping elsewhere = new StandardMapping(StandardTable.LOAD, "test.other", good.values());
        assertThatThrownBy(() -> Catalog.of(List.of(new MappedSource(List.of(d), List.of(elsewhere)))))
                .hasMessageContaining("maps test.other into load, but offers no such dataset");
    }

    @Test
    void requestRatesAreNamedAfterTheirBudgets() {
        Catalog c = Catalog.of(List.of(new MappedSource(List.of(), List.of())));
        assertThat(c.requestRates()).containsExactly(java.util.Map.entry("test", "1 per second"),
                java.util.Map.entry("test/datastore", "2 per minute"));
    }

    private record MappedSource(List<Dataset> datasets, List<StandardMapping> standardMappings) implements Source {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public Feed feed(Dataset dataset, Settings settings) throws SourceException {
            throw new SourceException(Failure.CONFIG, "not needed");
        }

        @Override
        public java.util.Map<String, String> requestRates() {
            java.util.Map<String, String> rates = new java.util.LinkedHashMap<>();
            rates.put("", "1 per second");
            rates.put("datastore", "2 per minute");
            return rates;
        }
    }

    @Test
    void theClassPathCatalogLoadsWithoutDuplicates() {
        assertThat(Catalog.load().datasets()).extracting(Dataset::id).doesNotHaveDuplicates();
    }

    private record FixedSource(String name, List<Dataset> datasets, String configProblem) implements Source {
        @Override
        public Feed feed(Dataset dataset, Settings settings) throws SourceException {
            if (configProblem != null) {
                throw new SourceException(Failure.CONFIG, configProblem);
            }
            return new Feed() {
                @Override
                public Dataset dataset() {
                    return dataset;
                }

                @Override
                public FetchRequest request(Window window) {
                    return FetchRequest.get(URI.create("http://127.0.0.1/x"));
                }

                @Override
                public Parsed parse(Window window, FetchResponse response) {
                    return Parsed.of(List.of(), List.of(), List.of(), List.of());
                }
            };
        }
    }
}
