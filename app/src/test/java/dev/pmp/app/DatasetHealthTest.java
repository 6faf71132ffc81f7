package dev.pmp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.spi.Batch;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.Window;
import dev.pmp.testkit.MemoryStore;
import dev.pmp.testkit.SampleDatasets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code pmp status} reads from the fetch log. */
class DatasetHealthTest {
    private static final Dataset D = SampleDatasets.SYSTEM_LOAD;
    private static final Instant T0 = Instant.parse("2026-11-20T06:00:00Z");

    @Test
    void theNewestSchemaDriftReportIsShownUntilFetchesWithoutItPushItOut() throws Exception {
        MemoryStore store = new MemoryStore();
        store.prepare(D);
        write(store, 0, Pipeline.SCHEMA_DRIFT + "Battery Flag (rows kept without them)");
        write(store, 1, "");

        DatasetHealth h = DatasetHealth.of(D, true, "", store.view(), T0.plus(Duration.ofHours(1)));

        assertThat(h.schemaDrift()).isEqualTo("2026-11-20T06:00:00Z unknown column(s) Battery Flag (rows kept without them)");
        for (int i = 2; i < 2 + DatasetHealth.DRIFT_LOOKBACK; i++) {
            write(store, i, "");
        }
        assertThat(DatasetHealth.of(D, true, "", store.view(), T0.plus(Duration.ofDays(1))).schemaDrift()).isEmpty();
    }

    private static void write(MemoryStore store, int i, String message) throws Exception {
        Instant t = T0.plus(D.cadence().multipliedBy(i));
        Window w = new Window(t, t.plus(D.cadence()));
        FetchRecord f = new FetchRecord("f" + i, D.id(), w, "http://x/" + i, t, 200, 10, "ab", null, Duration.ZERO, 0, 0, 0,
                null, message);
        store.write(new Batch(D, f, List.of(), List.of(w), t));
    }
}
