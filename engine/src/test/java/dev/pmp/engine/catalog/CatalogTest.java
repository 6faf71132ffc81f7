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
