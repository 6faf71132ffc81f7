package dev.pmp.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * What a store holds for one dataset.
 *
 * @param rows number of current rows
 * @param first earliest grid time stored, empty when there are no rows
 * @param last latest grid time stored, empty when there are no rows
 * @param lastFetch the newest fetch-log line, successful or not
 * @param lastSuccess the newest successful fetch-log line
 */
public record DatasetSummary(
        long rows,
        Optional<Instant> first,
        Optional<Instant> last,
        Optional<FetchRecord> lastFetch,
        Optional<FetchRecord> lastSuccess) {
}
