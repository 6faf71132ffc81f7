package dev.pmp.source.ercot.api;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One entry of an archive or bundle listing.
 *
 * @param docId ERCOT's document id; ids grow with posting order
 * @param friendlyName ERCOT's friendly name ({@code SPPHLZNP6905_2026-06} for a bundle)
 * @param posted {@code postDatetime}: local Central Prevailing Time, no offset
 */
public record Document(long docId, String friendlyName, LocalDateTime posted) {
    public Document {
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(posted, "posted");
    }
}
