package dev.pmp.push.iris;

/** What a {@link MessageHandler} wants done with a message it was given. */
public enum Disposition {
    /** Remove the message from the queue: its rows are durable (or it is deliberately not kept). */
    COMPLETE,
    /**
     * Give the message back to the queue for redelivery; the broker counts the attempt and, after its
     * limit (5 on IRIS), moves the message to the dead-letter queue.
     */
    ABANDON
}
