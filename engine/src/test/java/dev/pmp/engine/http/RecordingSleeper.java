package dev.pmp.engine.http;

import dev.pmp.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Sleeper} that records each wait and moves a {@link ManualClock} by it instead of waiting. */
final class RecordingSleeper implements Sleeper {
    private final ManualClock clock;
    private final List<Duration> sleeps = new ArrayList<>();

    RecordingSleeper(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    synchronized Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
