package dev.pmp.push.iris;

import dev.pmp.spi.SourceException;

/**
 * A subscription to one IRIS queue. {@link #run} receives messages in peek-lock mode and settles each as its
 * handler says: the broker keeps a message until it is completed, so nothing is lost between receipt and a
 * durable write. Delivery is at least once; handlers must be idempotent.
 */
public interface IrisConnection extends AutoCloseable {

    /**
     * Receives and hands over messages until {@link #close} is called, on the calling thread.
     *
     * @throws SourceException {@link dev.pmp.spi.Failure#CONFIG} for rejected credentials or an unknown
     *     queue, {@link dev.pmp.spi.Failure#TRANSIENT} when the connection is lost; to go on, the caller closes
     *     this connection and opens a new one after a pause. A handler's exception ends the run as it is, after
     *     its message was abandoned.
     */
    void run(MessageHandler handler) throws SourceException;

    /**
     * Stops {@link #run}, which settles the message being handled at that moment as its handler says, then
     * returns normally and releases the connection. Safe from any thread, including the handler's; returns
     * at once. A process that dies instead leaves its message unsettled: the broker delivers it again once
     * its lock expires.
     */
    @Override
    void close();
}
