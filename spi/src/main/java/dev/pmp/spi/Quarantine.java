package dev.pmp.spi;

import java.util.Objects;

/**
 * A part of a payload a feed refused to store: its rows are left out, its window is not counted as
 * covered, and the reason is reported.
 *
 * @param window the span whose rows were held back
 * @param rows how many rows were held back
 * @param reason a sentence a user can act on
 */
public record Quarantine(Window window, int rows, String reason) {
    public Quarantine {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(reason, "reason");
    }
}
