package dev.pmp.source.isone;

/** Which edition of a report a request asks for. */
enum Version {
    /** A report ISO-NE publishes once (day-ahead prices, load, fuel mix). */
    SOLE,
    /** The final edition of a real-time report, published days after the operating day. */
    FINAL,
    /** The preliminary edition of a real-time report, published minutes after the interval. */
    PRELIMINARY;

    /** Whether rows read from this edition are final (a sole edition is). */
    boolean isFinal() {
        return switch (this) {
            case SOLE, FINAL -> true;
            case PRELIMINARY -> false;
        };
    }

    /** The word ISO-NE uses in its paths ({@code final}, {@code prelim}). */
    String pathWord() {
        return switch (this) {
            case SOLE, FINAL -> "final";
            case PRELIMINARY -> "prelim";
        };
    }
}
