package dev.pmp.source.elexon;

import java.util.Arrays;

/**
 * Hands out one {@link String} per distinct text (fuel types, BM unit names, dates repeat on every row),
 * without allocating a string to look one up. One per parse; not thread-safe.
 */
final class TextCache {
    private static final int SLOTS = 4096;
    private static final int MAX_LENGTH = 64;

    private final String[] strings = new String[SLOTS];
    // The same texts as chars, compared without decoding the strings.
    private final char[][] texts = new char[SLOTS][];
    private final int[] hashes = new int[SLOTS];

    /** The cached string equal to {@code chars[offset, offset + length)}. */
    String get(char[] chars, int offset, int length) {
        if (length > MAX_LENGTH) {
            return new String(chars, offset, length);
        }
        int h = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + chars[i];
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        char[] text = texts[slot];
        if (text != null && hashes[slot] == h && Arrays.equals(text, 0, text.length, chars, offset, offset + length)) {
            return strings[slot];
        }
        String s = new String(chars, offset, length);
        strings[slot] = s;
        texts[slot] = Arrays.copyOfRange(chars, offset, offset + length);
        hashes[slot] = h;
        return s;
    }
}
