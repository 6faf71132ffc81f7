package dev.pmp.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Batch;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.Row;
import dev.pmp.spi.Store;
import dev.pmp.spi.Window;
import dev.pmp.testkit.MemoryStore;
import dev.pmp.testkit.SampleDatasets;
import dev.pmp.testkit.StoreContract;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lock wrapper keeps the store contract, and keeps a one-thread store to one caller at a time. */
class SerializedStoreTest extends StoreContract {

    @Override
    protected Store newStore() {
        return new SerializedStore(new MemoryStore());
    }

    @Test
    void callsFromManyThreadsReachTheStoreOneAtATime() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        MemoryStore memory = new MemoryStore();
        // A store that notices overlapping calls: each call stays inside a little while.
        Store counting = (Store) java.lang.reflect.Proxy.newProxyInstance(Store.class.getClassLoader(),
                new Class<?>[] {Store.class}, (proxy, method, args) -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    try {
                        if (method.getName().equals("write")) {
                            Thread.sleep(2);
                        }
                        return method.invoke(memory, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        inside.decrementAndGet();
                    }
                });
        SerializedStore shared = new SerializedStore(counting);
        shared.prepare(SampleDatasets.SYSTEM_LOAD);
        Instant t0 = Instant.parse("2026-11-20T06:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Instant t = t0.plus(Duration.ofMinutes(5L * i));
                Window w = new Window(t, t.plus(Duration.ofMinutes(5)));
                FetchRecord f = new FetchRecord("f" + i, SampleDatasets.SYSTEM_LOAD.id(), w, "u", t, 200, 1, null, null,
                        Duration.ZERO, 0, 0, 0, null, "");
                Batch b = new Batch(SampleDatasets.SYSTEM_LOAD, f, List.of(Row.of(t, 1.0 * i, 1L, "ok", false, null)),
                        List.of(w), t);
                done.add(pool.submit(() -> shared.write(b)));
            }
            for (Future<?> d : done) {
                d.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(most.get()).isEqualTo(1);
        assertThat(memory.summary(SampleDatasets.SYSTEM_LOAD).rows()).isEqualTo(40);
        assertThat(memory.coverage(SampleDatasets.SYSTEM_LOAD, new Window(t0, t0.plus(Duration.ofHours(4)))))
                .hasSize(1);
    }
}
