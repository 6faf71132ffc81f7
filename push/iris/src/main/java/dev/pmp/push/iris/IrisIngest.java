package dev.pmp.push.iris;

import dev.pmp.engine.ledger.Grid;
import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.engine.pipeline.Transfer;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes IRIS messages through the engine's {@link Pipeline#accept}, exactly like fetched payloads: the raw
 * message body archived, parsed by the dataset's own feed, validated, and written with its coverage and
 * fetch-log line in one store transaction. A message is {@link Disposition#COMPLETE completed} only when that
 * report has no failure, so its rows are durable; after a {@code TRANSIENT}, {@code BAD_DATA} or {@code CONFIG}
 * failure it is {@link Disposition#ABANDON abandoned} and the broker redelivers it (and dead-letters it after
 * its limit, where it waits for a fix). The one exception is {@code NOT_PUBLISHED}, a feed finding no rows in
 * the message (an empty array of a dense dataset): there is nothing to write and a redelivery would hold the
 * same, so it is completed and reported. Redelivered duplicates are harmless: rows are upserted by natural key.
 *
 * <p>The window a message is read for is the span of the intervals its rows carry, and it covers only those
 * intervals: after an outage the ledger shows the hole as missing and the REST feed fills it. To find that
 * span the feed first reads the message over a wide window (from the dataset's earliest day to five years
 * ahead); a message whose rows cannot be read goes through the pipeline for the interval it arrived in, so
 * its failure is archived and logged too.
 *
 * <p>A message whose subject names a dataset without a feed is completed without writing and reported: an
 * IRIS queue delivers every dataset it is subscribed to, and the REST API and the IRIS archive keep what is
 * skipped. Narrow the queue's dataset filter to stop such messages. A message without a dataset code as
 * subject is abandoned.
 *
 * <p>Not thread-safe: called on the connection's thread, and like every pipeline user it must not run at the
 * same time as another writer of the same store.
 */
public final class IrisIngest implements MessageHandler {
    private static final System.Logger LOG = System.getLogger(IrisIngest.class.getName());
    private static final Duration PROBE_AHEAD = Duration.ofDays(5 * 366);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Pipeline pipeline;
    private final Function<String, Optional<Feed>> feeds;
    private final Clock clock;
    private final Consumer<Ingested> listener;

    /**
     * @param pipeline writes the messages (its store, raw archive and run listener)
     * @param feeds the feed of a dataset id ({@code elexon.fuelinst}), empty when the catalog has none
     * @param clock stamps a message's arrival ({@code fetchedAt} in the fetch log and the archive)
     * @param listener told about every message after it is settled by this handler; called on this thread
     */
    public IrisIngest(Pipeline pipeline, Function<String, Optional<Feed>> feeds, Clock clock, Consumer<Ingested> listener) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public Disposition handle(IrisMessage message) {
        Optional<String> datasetId = IrisSubjects.datasetId(message.subject());
        if (datasetId.isEmpty()) {
            return settled(message, "", Disposition.ABANDON, Optional.empty(),
                    "the subject '" + message.subject() + "' is not a dataset code");
        }
        Optional<Feed> feed = feeds.apply(datasetId.get());
        if (feed.isEmpty()) {
            return settled(message, datasetId.get(), Disposition.COMPLETE, Optional.empty(),
                    "no feed for " + datasetId.get() + "; completed without writing");
        }
        Instant arrived = clock.instant();
        byte[] raw = message.body();
        Optional<byte[]> unwrapped = IrisBody.unwrapString(raw);
        FetchResponse response = new FetchResponse(address(message), 200, "application/json", unwrapped.orElse(raw), arrived);
        RunReport report;
        try {
            Window window = window(feed.get(), response, arrived);
            report = pipeline.accept(new MessageFeed(feed.get(), unwrapped.isPresent()), window, new Transfer(response, raw, 1));
        } catch (RuntimeException e) {
            // A bug in a feed must not stop the whole subscription: the message goes back and is reported.
            LOG.log(System.Logger.Level.ERROR, datasetId.get() + ": reading IRIS message " + message.messageId() + " failed", e);
            return settled(message, datasetId.get(), Disposition.ABANDON, Optional.empty(),
                    "unexpected error while reading the message: " + e);
        }
        if (report.succeeded()) {
            return settled(message, datasetId.get(), Disposition.COMPLETE, Optional.of(report), "");
        }
        String reason = report.failure() + ": " + report.message();
        return switch (report.failure()) {
            // The feed found nothing to write (a dense dataset's empty array): a redelivery would hold the same.
            case NOT_PUBLISHED -> settled(message, datasetId.get(), Disposition.COMPLETE, Optional.of(report),
                    "nothing to write, completed: " + reason);
            case TRANSIENT, BAD_DATA, CONFIG -> settled(message, datasetId.get(), Disposition.ABANDON, Optional.of(report), reason);
        };
    }

    /** The span of the intervals the message's rows carry, or the grid interval it arrived in. */
    static Window window(Feed feed, FetchResponse response, Instant arrived) {
        Dataset dataset = feed.dataset();
        Grid grid = Grid.of(dataset);
        Window arrival = new Window(grid.floor(arrived), grid.next(arrived));
        Instant earliest = dataset.earliest().atStartOfDay(dataset.marketZone()).toInstant();
        Instant horizon = arrived.plus(PROBE_AHEAD);
        if (!horizon.isAfter(earliest)) {
            return arrival;
        }
        Parsed probe;
        try {
            probe = feed.parse(new Window(earliest, horizon), response);
        } catch (SourceException e) {
            return arrival;
        }
        List<Window> carried = MessageFeed.carried(dataset, probe.rows());
        return carried.isEmpty() ? arrival
                : new Window(carried.get(0).start(), carried.get(carried.size() - 1).end());
    }

    private Disposition settled(IrisMessage message, String datasetId, Disposition disposition,
            Optional<RunReport> report, String reason) {
        if (disposition == Disposition.ABANDON) {
            LOG.log(System.Logger.Level.WARNING, "abandoned IRIS message " + message + " (" + datasetId + "): " + reason);
        } else if (!reason.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "IRIS message " + message + ": " + reason);
        }
        listener.accept(new Ingested(message, datasetId, disposition, report, reason));
        return disposition;
    }

    /** {@code <queue>/<subject>/<message id>}, each part percent-encoded: the payload's name in the fetch log. */
    static URI address(IrisMessage message) {
        String base = message.queue().toString();
        String id = message.messageId().isEmpty() ? "message" : message.messageId();
        return URI.create((base.endsWith("/") ? base : base + "/") + segment(message.subject()) + "/" + segment(id));
    }

    private static String segment(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append(c);
            } else {
                sb.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }
}
