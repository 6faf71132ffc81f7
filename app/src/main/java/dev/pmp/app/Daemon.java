package dev.pmp.app;

import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.schedule.Scheduler;
import dev.pmp.spi.Feed;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A running {@code pmp run}: the scheduler over every enabled dataset, until {@link #stop()} or SIGTERM. */
final class Daemon {
    private final Pmp pmp;
    private final Scheduler scheduler;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final PrintStream err;

    Daemon(Pmp pmp, List<Feed> feeds, Duration repoll, PrintStream err) {
        this.pmp = pmp;
        this.err = err;
        Pipeline pipeline = pmp.pipeline(new RunLog(err, pmp.settings().jsonLog(), pmp.clock()));
        this.scheduler = new Scheduler(pmp.clock(), pipeline, feeds, repoll,
                e -> {
                    err.println("pmp run: unexpected error in a pass: " + e);
                    e.printStackTrace(err);
                });
    }

    /** Starts scheduling and blocks until stopped; a shutdown hook stops cleanly on SIGTERM or Ctrl-C. */
    int runUntilStopped() throws InterruptedException {
        Thread hook = new Thread(this::stop, "pmp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        scheduler.start();
        stopped.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down through the hook; nothing to remove
        }
        return ExitCodes.OK;
    }

    /** Lets a running pass finish, then closes the store and releases its lock. Idempotent. */
    synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            scheduler.close();
            pmp.close();
            err.println("pmp run: stopped cleanly");
        } catch (Exception e) {
            err.println("pmp run: error while stopping: " + e);
        } finally {
            stopped.countDown();
        }
    }

    Scheduler scheduler() {
        return scheduler;
    }
}
