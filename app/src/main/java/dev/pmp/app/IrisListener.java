package dev.pmp.app;

import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.schedule.Scheduler;
import dev.pmp.push.iris.AmqpIrisConnection;
import dev.pmp.push.iris.Disposition;
import dev.pmp.push.iris.IrisConnection;
import dev.pmp.push.iris.IrisIngest;
import dev.pmp.push.iris.IrisSettings;
import dev.pmp.push.iris.ServiceBusIrisConnection;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.SourceException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * The daemon's IRIS subscription: Elexon's push messages written through the same pipeline as pulled rows,
 * on the scheduler's thread (the store's only writer), so pull and push feed one catalog. Started when
 * {@code PMP_IRIS_CLIENT_ID} (Azure Service Bus with Entra ID) or {@code PMP_IRIS_AMQP_URL}
 * ({@code amqp://host:port}, a plain AMQP 1.0 broker holding {@code PMP_IRIS_QUEUE}) is set. A lost
 * connection is reopened after a pause that doubles up to five minutes; wrong credentials stop the listener
 * with a message, and collection goes on.
 */
final class IrisListener implements AutoCloseable {

    private final Opener opener;
    private final IrisIngest ingest;
    private final Scheduler scheduler;
    private final PrintStream err;
    private final Thread thread;
    private volatile boolean closed;
    private volatile IrisConnection connection;

    /** Opens one connection. */
    @FunctionalInterface
    interface Opener {
        IrisConnection open() throws SourceException;
    }

    private IrisListener(Opener opener, IrisIngest ingest, Scheduler scheduler, PrintStream err) {
        this.opener = opener;
        this.ingest = ingest;
        this.scheduler = scheduler;
        this.err = err;
        this.thread = new Thread(this::loop, "pmp-iris");
        thread.setDaemon(true);
    }

    /** The listener the settings ask for, if any. */
    static Optional<IrisListener> fromSettings(AppSettings settings, Scheduler scheduler, Pipeline pipeline,
            Map<String, Feed> feeds, Clock clock, PrintStream err) {
        Optional<String> amqp = settings.value("PMP_IRIS_AMQP_URL");
        if (amqp.isEmpty() && settings.value(IrisSettings.CLIENT_ID).isEmpty()) {
            return Optional.empty();
        }
        Opener opener;
        if (amqp.isPresent()) {
            URI uri = URI.create(amqp.get().strip());
            String queue = settings.value(IrisSettings.QUEUE).orElseThrow(
                    () -> new ConfigException("PMP_IRIS_AMQP_URL needs PMP_IRIS_QUEUE, the queue to read"));
            if (!"amqp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
                throw new ConfigException("PMP_IRIS_AMQP_URL must be amqp://host:port, not " + amqp.get());
            }
            opener = () -> AmqpIrisConnection.open(uri.getHost(), uri.getPort(), queue);
        } else {
            IrisSettings iris;
            try {
                iris = IrisSettings.from(settings::value);
            } catch (SourceException e) {
                throw new ConfigException(e.getMessage());
            }
            opener = () -> ServiceBusIrisConnection.open(iris);
        }
        IrisIngest ingest = new IrisIngest(pipeline, id -> Optional.ofNullable(feeds.get(id)), clock, done -> {
            if (done.disposition() == Disposition.ABANDON) {
                err.println("pmp run: IRIS message " + done.message().messageId() + " (" + done.message().subject()
                        + ") abandoned: " + done.reason());
            }
        });
        return Optional.of(new IrisListener(opener, ingest, scheduler, err));
    }

    void start() {
        thread.start();
    }

    private void loop() {
        long pauseMs = 5_000;
        while (!closed) {
            try {
                connection = opener.open();
                err.println("pmp run: IRIS subscription open");
                connection.run(message -> {
                    try {
                        // On the scheduler's thread, between passes: the store has one writer.
                        return scheduler.submit(() -> ingest.handle(message)).get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Disposition.ABANDON;
                    } catch (ExecutionException | java.util.concurrent.RejectedExecutionException e) {
                        return Disposition.ABANDON;
                    }
                });
                pauseMs = 5_000;
            } catch (SourceException e) {
                if (e.failure() == Failure.CONFIG) {
                    err.println("pmp run: IRIS stopped: " + e.getMessage());
                    return;
                }
                err.println("pmp run: IRIS connection lost (" + e.getMessage() + "); reconnecting in " + pauseMs / 1000 + " s");
            } finally {
                IrisConnection c = connection;
                if (c != null) {
                    c.close();
                }
            }
            if (closed) {
                return;
            }
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                return;
            }
            pauseMs = Math.min(300_000, pauseMs * 2);
        }
    }

    /** Stops receiving; the message being handled is settled first. */
    @Override
    public void close() {
        closed = true;
        IrisConnection c = connection;
        if (c != null) {
            c.close();
        }
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
