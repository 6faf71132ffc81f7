package dev.pmp.source.nyiso.mis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Gives each distinct byte sequence (a location, a fuel) one {@link String} and a small id, so a file
 * naming the same few hundred locations in every interval builds each name once. Open addressing; one
 * thread; one per file.
 */
final class NameCache {
    private byte[][] keys = new byte[512][];
    private int[] ids = new int[512];
    private String[] names = new String[256];
    private int size;

    /** The id of the name in {@code b[s, e)}, adding it when new. */
    int id(byte[] b, int s, int e) {
        int h = 1;
        for (int p = s; p < e; p++) {
            h = 31 * h + b[p];
        }
        int mask = keys.length - 1;
        int i = (h ^ (h >>> 16)) & mask;
        while (keys[i] != null) {
            if (Arrays.equals(keys[i], 0, keys[i].length, b, s, e)) {
                return ids[i];
            }
            i = (i + 1) & mask;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
        }
        keys[i] = Arrays.copyOfRange(b, s, e);
        ids[i] = size;
        names[size] = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        size++;
        if (size * 2 > keys.length) {
            rehash();
        }
        return size - 1;
    }

    /** The name of an id handed out by {@link #id}. */
    String name(int id) {
        return names[id];
    }

    /** How many distinct names were seen. */
    int size() {
        return size;
    }

    private void rehash() {
        byte[][] oldKeys = keys;
        int[] oldIds = ids;
        keys = new byte[oldKeys.length * 2][];
        ids = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            byte[] k = oldKeys[j];
            if (k == null) {
                continue;
            }
            int h = 1;
            for (byte x : k) {
                h = 31 * h + x;
            }
            int i = (h ^ (h >>> 16)) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            ids[i] = oldIds[j];
        }
    }
}
