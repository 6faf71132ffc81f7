package dev.pmp.source.caiso;

import dev.pmp.source.caiso.oasis.OasisAnswer;
import dev.pmp.source.caiso.oasis.OasisError;
import dev.pmp.source.caiso.oasis.ZipMember;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every OASIS {@code SingleZip} feed shares: the request for a window (UTC {@code startdatetime}
 * and {@code enddatetime}, CSV results), opening the zip, and the meaning of OASIS' error documents.
 * Subclasses read the CSV reports. Immutable and thread-safe.
 *
 * <p>An answer is judged against the time it was fetched ({@link FetchResponse#fetchedAt()}, the
 * engine's clock): a window that ended less than {@link #SETTLING} (plus the dataset's publication
 * delay and grace) before the fetch is <em>recent</em>. For a recent window, {@code ERR_CODE 1000}
 * means "not yet" and coverage stops after the last interval that has data; for an older one, 1000 is
 * a source gap and the whole window is vouched for.
 */
abstract class OasisFeed implements Feed {

    /** How long after its publication delay and grace OASIS may still fill in a window. */
    static final Duration SETTLING = Duration.ofDays(2);

    /** OASIS' {@code startdatetime}/{@code enddatetime} format, always in UTC. */
    static final DateTimeFormatter OASIS_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm'-0000'")
            .withZone(ZoneOffset.UTC);

    private final Dataset dataset;
    private final URI endpoint;
    private final String query;

    /**
     * @param query the fixed part of the query, {@code resultformat=6&queryname=...}, without the times
     */
    OasisFeed(Dataset dataset, URI endpoint, String query) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.query = Objects.requireNonNull(query, "query");
    }

    @Override
    public final Dataset dataset() {
        return dataset;
    }

    @Override
    public FetchRequest request(Window window) {
        return request(window, query);
    }

    /** The GET for {@code window} with the given fixed query. */
    final FetchRequest request(Window window, String fixedQuery) {
        URI uri = URI.create(endpoint + "?" + fixedQuery + "&startdatetime=" + OASIS_TIME.format(window.start())
                + "&enddatetime=" + OASIS_TIME.format(window.end()));
        return new FetchRequest(uri, Map.of("Accept", "application/zip"));
    }

    /**
     * Opens the zip; an error document is judged by {@link #onError}, CSV reports go to
     * {@link #parseReports}.
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        OasisAnswer answer = OasisAnswer.read(response.body());
        if (answer.error().isPresent()) {
            return onError(window, response.fetchedAt(), answer.error().get());
        }
        return parseReports(window, response, answer.reports());
    }

    /**
     * Reads the CSV reports of one answer.
     *
     * @param response the answer; its {@code fetchedAt} tells recent windows from settled ones
     */
    abstract Parsed parseReports(Window window, FetchResponse response, List<ZipMember> reports)
            throws SourceException;

    /**
     * What an OASIS error document means for {@code window}: 1000 (no data) is "not published" for a
     * recent window and an explicit source gap for an older one; 1015 (still being built) is "not
     * published"; 1004 (window too long) asks the engine to split the window and try the halves; anything
     * else is bad data, named with code and text.
     */
    final Parsed onError(Window window, Instant fetchedAt, OasisError error) throws SourceException {
        String said = "OASIS ERR_CODE " + error.code() + " (\"" + error.description() + "\")";
        if (error.code() == OasisError.NO_DATA) {
            if (isRecent(window, fetchedAt)) {
                throw new SourceException(Failure.NOT_PUBLISHED, dataset.id() + ": " + said + " for " + window
                        + ", which is recent: not published yet");
            }
            return Parsed.of(List.of(), List.of(window), List.of(), List.of(dataset.id() + ": " + said + " for "
                    + window + ", more than " + settled() + " before the fetch: recorded as a source gap"));
        }
        if (error.code() == OasisError.IN_PROCESSING) {
            throw new SourceException(Failure.NOT_PUBLISHED, dataset.id() + ": " + said
                    + ": OASIS is still building the answer; ask again later");
        }
        if (error.code() == OasisError.WINDOW_TOO_LONG) {
            throw SourceException.windowTooLong(dataset.id() + ": " + said + ": the window " + window + " ("
                    + window.length().toHours() + " h) is longer than OASIS serves in one request (this dataset's "
                    + "largest window is " + dataset.maxWindow() + ")");
        }
        throw new SourceException(Failure.BAD_DATA, dataset.id() + ": " + said + " for " + window);
    }

    /** Whether OASIS may still fill in {@code window}, seen from {@code fetchedAt}. */
    final boolean isRecent(Window window, Instant fetchedAt) {
        return window.end().isAfter(fetchedAt.minus(settled()));
    }

    /**
     * What an answer vouches for: the whole window once it has settled, otherwise the window up to the
     * end of the last interval that has data ({@code lastEnd}, null when none), so a late interval stays
     * missing and is asked for again instead of becoming a source gap; quarantined spans left out.
     */
    final List<Window> covered(Window window, Instant fetchedAt, Instant lastEnd, List<Quarantine> quarantined) {
        if (!isRecent(window, fetchedAt)) {
            return Coverage.minus(window, quarantined);
        }
        if (lastEnd == null || !lastEnd.isAfter(window.start())) {
            return List.of();
        }
        return Coverage.minus(new Window(window.start(), lastEnd.isBefore(window.end()) ? lastEnd : window.end()),
                quarantined);
    }

    private Duration settled() {
        return dataset.publicationDelay().plus(dataset.grace()).plus(SETTLING);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + dataset.id() + " " + endpoint + "?" + query + "]";
    }
}
