package dev.pmp.source.isone;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A feed that reads a window as consecutive {@link Period}s (days, hours or 4-hour files).
 *
 * <p>A real-time report comes in two editions. The feed asks for the preliminary one; when that answer arrives
 * {@code finalLag} or more after the end of its period's day, the final edition is due, so the preliminary
 * answer is set aside and the final one asked for instead ({@code Parsed.next}). Since time only moves forward,
 * once a final row has been stored for a day no later fetch of that day uses a preliminary answer: a
 * preliminary row can never overwrite a final one. Immutable and thread-safe.
 */
final class PeriodFeed implements Feed {
    private final Dataset dataset;
    private final int periodHours;
    private final Report report;
    private final Optional<Duration> finalLag;

    /**
     * @param periodHours the local hours one request covers (24, 4 or 1)
     * @param finalLag for a report with preliminary and final editions, how long after its day the final one is
     *     due; empty for a report with one edition
     */
    PeriodFeed(Dataset dataset, int periodHours, Report report, Optional<Duration> finalLag) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.periodHours = periodHours;
        this.report = Objects.requireNonNull(report, "report");
        this.finalLag = Objects.requireNonNull(finalLag, "finalLag");
    }

    /** A feed of a report with one edition. */
    PeriodFeed(Dataset dataset, int periodHours, Report report) {
        this(dataset, periodHours, report, Optional.empty());
    }

    @Override
    public Dataset dataset() {
        return dataset;
    }

    /** The request for the period holding the window's start (its preliminary edition, if it has two). */
    @Override
    public FetchRequest request(Window window) {
        return report.request(Period.containing(window.start(), periodHours), firstEdition());
    }

    /**
     * Reads one answer. It covers its period from the start to the end of its latest interval (less
     * quarantined spans); the next request is the final edition of the same period when the preliminary one
     * came too late to be used, else the next period when this one was complete and the window goes on.
     *
     * @throws SourceException {@code NOT_PUBLISHED} when the first period of the window has no data yet (or
     *     its final edition is due but not out); {@code BAD_DATA} for an answer this feed did not ask for or
     *     cannot trust
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        Period period = Period.containing(window.start(), periodHours);
        boolean first = true;
        while (period.start().isBefore(window.end())) {
            for (Version v : List.of(firstEdition(), Version.FINAL)) {
                if (report.request(period, v).uri().equals(response.uri())) {
                    return parse(window, response, period, v, first);
                }
            }
            period = period.next();
            first = false;
        }
        throw new SourceException(Failure.BAD_DATA, response.uri() + " is not a request of " + dataset.id() + " for "
                + window);
    }

    private Version firstEdition() {
        return finalLag.isPresent() ? Version.PRELIMINARY : Version.SOLE;
    }

    private Parsed parse(Window window, FetchResponse response, Period period, Version version, boolean first)
            throws SourceException {
        if (version == Version.PRELIMINARY) {
            Instant due = IsoneTime.dayStart(period.day().plusDays(1)).plus(finalLag.orElseThrow());
            if (!response.fetchedAt().isBefore(due)) {
                return new Parsed(List.of(), List.of(), List.of(), List.of(response.uri() + ": the final edition of "
                        + period + " is due since " + due + "; preliminary answer set aside"),
                        Optional.of(report.request(period, Version.FINAL)));
            }
        }
        Sheet sheet = new Sheet(dataset, response.uri().toString());
        report.read(period, version, response, sheet);
        if (sheet.isEmpty()) {
            if (first) {
                throw new SourceException(Failure.NOT_PUBLISHED, response.uri() + ": no data for " + period + " yet");
            }
            sheet.note("no data for " + period + " yet; the rest of " + window + " stays missing");
            return Parsed.of(List.of(), List.of(), List.of(), sheet.notes());
        }
        Window span = period.window();
        Optional<FetchRequest> next = Optional.empty();
        if (!sheet.lastEnd().isBefore(span.end())) {
            Period following = period.next();
            while (following.window() == null) {
                following = following.next();
            }
            if (following.start().isBefore(window.end())) {
                next = Optional.of(report.request(following, firstEdition()));
            }
        }
        return new Parsed(sheet.rows(), sheet.covered(span), sheet.quarantined(), sheet.notes(), next);
    }
}
