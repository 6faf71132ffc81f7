package dev.pmp.source.elexon;

/**
 * Hands out one {@link String} per distinct text (fuel types, BM unit names, dates repeat on every row),
 * without allocating a string to look one up. One per parse; not thread-safe.
 */
final class TextCache {
    private static final int SLOTS = 4096;
    private static final int MAX_LENGTH = 64;

    private final String[] strings = new String[SLOTS];
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
        String s = strings[slot];
        if (s != null && hashes[slot] == h && equal(s, chars, offset, length)) {
            return s;
        }
        s = new String(chars, offset, length);
        strings[slot] = s;
        hashes[slot] = h;
        return s;
    }

    private static boolean equal(String s, char[] chars, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
