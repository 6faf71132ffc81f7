package dev.pmp.source.caiso;

import dev.pmp.spi.Quarantine;
import dev.pmp.spi.Window;
import java.util.ArrayList;
import java.util.List;

/** What a parsed answer vouches for: a span minus the spans held back. */
final class Coverage {
    private Coverage() {
    }

    /** {@code span} without the windows of {@code held}, as sorted, disjoint windows. */
    static List<Window> minus(Window span, List<Quarantine> held) {
        List<Window> holes = Window.merge(held.stream().map(Quarantine::window).toList());
        List<Window> out = new ArrayList<>();
        java.time.Instant from = span.start();
        for (Window h : holes) {
            if (!h.end().isAfter(from)) {
                continue;
            }
            if (!h.start().isBefore(span.end())) {
                break;
            }
            if (h.start().isAfter(from)) {
                out.add(new Window(from, h.start()));
            }
            from = h.end();
        }
        if (span.end().isAfter(from)) {
            out.add(new Window(from, span.end()));
        }
        return out;
    }
}
