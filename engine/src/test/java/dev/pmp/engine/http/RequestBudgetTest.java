package dev.pmp.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {
    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");

    private final ManualClock clock = new ManualClock(NOW);
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    @Test
    void spacesRequestsEvenlyAtBurstOne() throws Exception {
        RequestBudget budget = new RequestBudget(RequestRate.of(2, Duration.ofSeconds(1)), clock, sleeper);

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waits.add(budget.acquire());
        }

        Duration half = Duration.ofMillis(500);
        assertThat(waits).containsExactly(Duration.ZERO, half, half, half, half);
        assertThat(clock.instant()).isEqualTo(NOW.plusSeconds(2));
        assertThat(budget.waited()).isEqualTo(Duration.ofSeconds(2));
        assertThat(budget.granted()).isEqualTo(5);
    }

    @Test
    void allowsABurstAfterAnIdleSpellButNoMore() throws Exception {
        RequestBudget budget = new RequestBudget(RequestRate.parse("2 per second burst 2"), clock, sleeper);

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waits.add(budget.acquire());
        }
        clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 3; i++) {
            waits.add(budget.acquire());
        }

        Duration half = Duration.ofMillis(500);
        assertThat(waits).containsExactly(Duration.ZERO, Duration.ZERO, half, half,
                Duration.ZERO, Duration.ZERO, half);
    }

    @Test
    void liveRequestsGoBeforeWaitingBackfill() throws Exception {
        GateSleeper gate = new GateSleeper();
        RequestBudget budget = new RequestBudget(RequestRate.of(1, Duration.ofSeconds(1)), clock, gate);
        List<Priority> order = Collections.synchronizedList(new ArrayList<>());
        budget.acquire(Priority.LIVE);

        AtomicReference<Duration> liveWaited = new AtomicReference<>();
        Thread live = new Thread(() -> liveWaited.set(acquire(budget, Priority.LIVE, order)));
        live.start();
        GateSleeper.Call liveSleep = gate.next();
        assertThat(liveSleep.duration()).isEqualTo(Duration.ofSeconds(1));

        // The live request's permit is now free but it is still asleep: backfill must not take it.
        clock.advance(Duration.ofSeconds(1));
        AtomicReference<Duration> backfillWaited = new AtomicReference<>();
        Thread backfill = new Thread(() -> backfillWaited.set(acquire(budget, Priority.BACKFILL, order)));
        backfill.start();
        GateSleeper.Call backfillSleep = gate.next();
        assertThat(backfillSleep.thread()).isSameAs(backfill);
        assertThat(backfillSleep.duration()).isEqualTo(Duration.ofSeconds(1));

        liveSleep.release();
        live.join(5_000);
        clock.advance(Duration.ofSeconds(1));
        backfillSleep.release();
        backfill.join(5_000);

        assertThat(order).containsExactly(Priority.LIVE, Priority.BACKFILL);
        assertThat(liveWaited.get()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backfillWaited.get()).isEqualTo(Duration.ofSeconds(1));
    }

    private static Duration acquire(RequestBudget budget, Priority priority, List<Priority> order) {
        try {
            Duration waited = budget.acquire(priority);
            order.add(priority);
            return waited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A sleeper whose every sleep blocks until the test releases it; does not move the clock. */
    private static final class GateSleeper implements Sleeper {
        private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

        record Call(Thread thread, Duration duration, CountDownLatch latch) {
            void release() {
                latch.countDown();
            }
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            CountDownLatch latch = new CountDownLatch(1);
            calls.add(new Call(Thread.currentThread(), duration, latch));
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new InterruptedException("test never released the sleep");
            }
        }

        Call next() throws InterruptedException {
            Call call = calls.poll(5, TimeUnit.SECONDS);
            assertThat(call).as("a sleep within 5 s").isNotNull();
            return call;
        }
    }
}
