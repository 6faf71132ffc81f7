package dev.pmp.engine.ledger;

import dev.pmp.spi.Window;
import java.util.Objects;

/**
 * A run of consecutive missing grid points of one kind.
 *
 * @param window from the first missing point to the grid point after the last missing one
 * @param points how many grid points are missing
 * @param kind whether we failed to fetch them or the operator did not publish them
 */
public record Gap(Window window, int points, GapKind kind) {
    public Gap {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(kind, "kind");
        if (points <= 0) {
            throw new IllegalArgumentException("a gap holds at least one point");
        }
    }
}
