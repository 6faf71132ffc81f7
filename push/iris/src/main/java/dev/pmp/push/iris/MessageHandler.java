package dev.pmp.push.iris;

/** Handles one received IRIS message. */
@FunctionalInterface
public interface MessageHandler {

    /**
     * Called by an {@link IrisConnection} on the thread running {@link IrisConnection#run}, one message at a
     * time, while the broker holds the message's lock.
     *
     * @return {@link Disposition#COMPLETE} only once whatever the message carries is durable; an exception
     *     counts as {@link Disposition#ABANDON} and ends the connection's run
     */
    Disposition handle(IrisMessage message);
}
