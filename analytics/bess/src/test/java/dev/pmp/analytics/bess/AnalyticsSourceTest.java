package dev.pmp.analytics.bess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Source;
import dev.pmp.spi.SourceException;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The catalog entry of the derived dataset. */
class AnalyticsSourceTest {

    @Test
    void offersTheDailyRevenueDatasetAndRefusesAFeedAsConfig() {
        Source s = ServiceLoader.load(Source.class).stream().map(ServiceLoader.Provider::get)
                .filter(x -> x.name().equals("analytics")).findFirst().orElseThrow();
        assertThat(s.datasets()).containsExactly(DailyRevenueTable.DATASET);
        assertThat(DailyRevenueTable.DATASET.source()).isEqualTo(s.name());
        assertThatThrownBy(() -> s.feed(DailyRevenueTable.DATASET, null)).isInstanceOfSatisfying(SourceException.class,
                e -> {
                    assertThat(e.failure()).isEqualTo(Failure.CONFIG);
                    assertThat(e.getMessage()).isEqualTo(
                            "derived dataset: computed by pmp leaderboard --write, not fetched");
                });
    }
}
