package dev.pmp.source.ercot.report;

/** The cells of one record as byte ranges, already trimmed of spaces. Valid until the next record. */
interface Cells {
    int size();

    byte[] bytes(int i);

    int start(int i);

    int end(int i);

    default boolean isEmpty(int i) {
        return start(i) == end(i);
    }

    default String text(int i) {
        return Ascii.string(bytes(i), start(i), end(i));
    }
}
