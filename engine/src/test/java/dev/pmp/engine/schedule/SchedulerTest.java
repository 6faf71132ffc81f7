package dev.pmp.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.TestDatasets;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.engine.pipeline.Transfer;
import dev.pmp.engine.storage.SerializedStore;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import dev.pmp.testkit.MemoryStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scheduler's lanes: one source waiting on its operator holds up none of the others. */
class SchedulerTest {

    @Test
    void aSourceStuckInAFetchDoesNotDelayAnotherSource() throws Exception {
        Dataset slow = renamed("slow.samples");
        Dataset fast = renamed("fast.samples");
        Dataset fastToo = renamed("fast.other");
        CountDownLatch release = new CountDownLatch(1);
        Map<String, RunReport> done = new ConcurrentHashMap<>();
        CountDownLatch fastDone = new CountDownLatch(2);
        SerializedStore store = new SerializedStore(new MemoryStore());
        Pipeline pipeline = new Pipeline(store, (source, request, live) -> {
            if (source.equals("slow")) {
                try {
                    // The operator takes its time (or the source's request budget makes it wait).
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "x".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return new Transfer(new FetchResponse(request.uri(), 200, "text/plain", body, java.time.Instant.now()), body, 1);
        }, null, Clock.systemUTC(), report -> {
            done.put(report.datasetId(), report);
            if (report.datasetId().startsWith("fast.")) {
                fastDone.countDown();
            }
        });
        Scheduler scheduler = new Scheduler(Clock.systemUTC(), pipeline, List.of(feed(slow), feed(fast), feed(fastToo)),
                Duration.ofSeconds(30), e -> { });
        try {
            scheduler.start();
            assertThat(fastDone.await(10, TimeUnit.SECONDS)).as("both fast datasets ran while slow was stuck").isTrue();
            assertThat(done).doesNotContainKey(slow.id());
            assertThat(done.get(fast.id()).succeeded()).as(done.get(fast.id()).message()).isTrue();
            release.countDown();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!done.containsKey(slow.id()) && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(done.get(slow.id()).succeeded()).isTrue();
            assertThat(scheduler.passes()).isGreaterThanOrEqualTo(3);
        } finally {
            release.countDown();
            scheduler.close();
        }
    }

    private static Dataset renamed(String id) {
        Dataset d = TestDatasets.FIVE_MINUTE;
        return new Dataset(id, d.title(), d.operatorReference(), d.schema(), d.timeShape(), d.access(), d.cadence(),
                d.marketZone(), d.publicationDelay(), d.grace(), d.earliest(), d.sourceRetention(), d.revisable(),
                d.maxWindow());
    }

    /** One sample at the window's last grid point, whatever the body. */
    private static Feed feed(Dataset d) {
        return new Feed() {
            @Override
            public Dataset dataset() {
                return d;
            }

            @Override
            public FetchRequest request(Window window) {
                return FetchRequest.get(URI.create("http://127.0.0.1:9/" + d.id()));
            }

            @Override
            public Parsed parse(Window window, FetchResponse response) {
                java.time.Instant t = window.end().minus(d.cadence());
                return Parsed.of(List.of(Row.of(t, 1.0)), List.of(new Window(t, window.end())), List.of(), List.of());
            }
        };
    }
}
