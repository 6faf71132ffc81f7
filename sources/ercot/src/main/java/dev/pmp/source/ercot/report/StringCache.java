package dev.pmp.source.ercot.report;

import java.util.Arrays;

/**
 * Hands out one {@link String} per distinct byte sequence, so a file naming the same ~1,000 settlement
 * points in every interval builds each name once. Open addressing; one thread; grows without bound,
 * so use one per file, or one per bundle of postings that name the same points.
 */
final class StringCache {
    private byte[][] keys = new byte[1024][];
    private String[] values = new String[1024];
    private int size;

    String get(byte[] b, int s, int e) {
        int h = 1;
        for (int p = s; p < e; p++) {
            h = 31 * h + b[p];
        }
        int mask = keys.length - 1;
        int i = (h ^ (h >>> 16)) & mask;
        while (true) {
            byte[] k = keys[i];
            if (k == null) {
                break;
            }
            if (Arrays.equals(k, 0, k.length, b, s, e)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        String v = Ascii.string(b, s, e);
        keys[i] = Arrays.copyOfRange(b, s, e);
        values[i] = v;
        if (++size * 2 > keys.length) {
            grow();
        }
        return v;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        String[] oldValues = values;
        keys = new byte[oldKeys.length * 2][];
        values = new String[oldKeys.length * 2];
        size = 0;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                get(oldKeys[j], 0, oldKeys[j].length);
            }
        }
        // get() rebuilt the strings; put the original instances back so callers keep identical objects
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int h = 1;
                for (byte x : oldKeys[j]) {
                    h = 31 * h + x;
                }
                int mask = keys.length - 1;
                int i = (h ^ (h >>> 16)) & mask;
                while (!Arrays.equals(keys[i], oldKeys[j])) {
                    i = (i + 1) & mask;
                }
                values[i] = oldValues[j];
            }
        }
    }
}
