package dev.pmp.source.ercot.api;

import dev.pmp.source.ercot.report.ErcotReport;
import dev.pmp.source.ercot.time.ErcotTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How one report's archive documents relate to its data, for the bulk route of {@link ReportFeed}: the product's
 * {@code downloadLimit} (doc ids per bulk download, product catalog) and when a document is posted relative to
 * the data it holds (README section 3.7), so a window's documents are chosen by post time and every document
 * belongs to exactly one of two adjacent windows.
 *
 * @param downloadLimit doc ids one {@code POST /archive/{emil}/download} may name
 * @param lagDays whole local days from the data's start to the post-time range that holds its documents
 *     (DAM: -1, posted the day before delivery; daily load: +1, posted the morning after)
 * @param lag the same in absolute time, for documents posted minutes after their data (used when
 *     {@code lagDays} is 0)
 */
record ArchiveProduct(int downloadLimit, int lagDays, Duration lag) {

    /** ERCOT lists at most this many documents per archive listing page (README section 3.5). */
    static final int MAX_LISTING_PAGE = 1000;

    ArchiveProduct {
        if (downloadLimit < 1) {
            throw new IllegalArgumentException("downloadLimit must be positive");
        }
    }

    /**
     * The archive facts of {@code report}; empty for a report without a query endpoint (the 60-day
     * disclosures are read one daily zip at a time by {@code DisclosureFeed}).
     */
    static Optional<ArchiveProduct> of(ErcotReport report) {
        // Keyed by report id, not an exhaustive switch: ErcotReport gains disclosure constants that have no bulk route.
        return switch (report.reportId()) {
            // One posting per 15-minute interval, about 2 minutes after it ends: posted within the next interval.
            case "NP6-905-CD" -> Optional.of(new ArchiveProduct(1000, 0, Duration.ofMinutes(15)));
            // NP6-331-CD postdates the October 2025 catalog; 1000 is the cap of its sibling real-time products.
            case "NP6-331-CD" -> Optional.of(new ArchiveProduct(1000, 0, Duration.ofMinutes(15)));
            case "NP4-190-CD" -> Optional.of(new ArchiveProduct(500, -1, Duration.ZERO));
            case "NP4-188-CD" -> Optional.of(new ArchiveProduct(1000, -1, Duration.ZERO));
            case "NP6-345-CD", "NP6-346-CD" -> Optional.of(new ArchiveProduct(1000, 1, Duration.ZERO));
            // One posting per SCED run, about 20 seconds after the run: the post time falls in the run's window
            // unless the run is within 20 seconds of the window's end (runs come about 17 s after a 5-minute mark).
            case "NP6-322-CD", "NP6-788-CD" -> Optional.of(new ArchiveProduct(1000, 0, Duration.ZERO));
            default -> Optional.empty();
        };
    }

    /** Documents per listing page: one page's documents are one bulk download. */
    int listingPageSize() {
        return Math.min(MAX_LISTING_PAGE, downloadLimit);
    }

    /** The post time from which documents hold data at or after {@code dataTime}. */
    Instant postTime(Instant dataTime) {
        return lagDays != 0 ? dataTime.atZone(ErcotTime.ZONE).plusDays(lagDays).toInstant() : dataTime.plus(lag);
    }
}
