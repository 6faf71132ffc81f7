package dev.pmp.source.miso;

import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the covered windows of a parse result. Stateless. */
public final class Coverage {

    private Coverage() {
    }

    /**
     * {@code span} less the intervals of length {@code cadence} that start at {@code holes}.
     *
     * @param holes interval starts in ascending order
     */
    public static List<Window> minus(Window span, Iterable<Instant> holes, Duration cadence) {
        List<Window> out = new ArrayList<>();
        Instant from = span.start();
        for (Instant h : holes) {
            Instant to = h.isBefore(span.end()) ? h : span.end();
            if (to.isAfter(from)) {
                out.add(new Window(from, to));
            }
            Instant after = h.plus(cadence);
            if (after.isAfter(from)) {
                from = after;
            }
        }
        if (span.end().isAfter(from)) {
            out.add(new Window(from, span.end()));
        }
        return out;
    }
}
