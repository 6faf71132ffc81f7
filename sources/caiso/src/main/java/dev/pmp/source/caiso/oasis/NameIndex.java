package dev.pmp.source.caiso.oasis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Numbers the distinct byte strings of a report (node names, repeated in every interval) in order of
 * first appearance, building each {@link String} once. Open addressing; one thread; one per answer.
 */
public final class NameIndex {
    private byte[][] keys = new byte[256][];
    private int[] ids = new int[256];
    private final List<String> names = new ArrayList<>();

    /** The number of the name in {@code b[s, e)}, adding it when new. */
    public int index(byte[] b, int s, int e) {
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
                return ids[i];
            }
            i = (i + 1) & mask;
        }
        int id = names.size();
        keys[i] = Arrays.copyOfRange(b, s, e);
        ids[i] = id;
        names.add(new String(b, s, e - s, StandardCharsets.UTF_8));
        if (names.size() * 2 > keys.length) {
            grow();
        }
        return id;
    }

    /** The name numbered {@code id}. */
    public String name(int id) {
        return names.get(id);
    }

    /** How many distinct names were seen. */
    public int size() {
        return names.size();
    }

    private void grow() {
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
