package dev.pmp.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A superseded version of a row.
 *
 * @param old the row as it was before it was replaced, in schema order
 * @param supersededAt when the new version was written
 * @param supersededByFetch the fetch that wrote the new version
 */
public record Revision(Row old, Instant supersededAt, String supersededByFetch) {
    public Revision {
        Objects.requireNonNull(old, "old");
        Objects.requireNonNull(supersededAt, "supersededAt");
        Objects.requireNonNull(supersededByFetch, "supersededByFetch");
    }
}
