package dev.pmp.engine.pipeline;

import dev.pmp.spi.Row;
import java.util.List;
import java.util.Objects;

/**
 * Finds, among a batch's rows, the first earlier row with the same natural key: an open-addressing table of row
 * positions by key hash, so checking a batch of millions of rows builds no key object per row. Used by one thread.
 */
final class KeyIndex {

    private final List<Row> rows;
    private final int[] key;
    private final int[] slots;
    private final int mask;

    /**
     * @param rows the batch, read as {@link #addOrFind} is called
     * @param key the schema positions of the natural key
     */
    KeyIndex(List<Row> rows, int[] key) {
        this.rows = rows;
        this.key = key.clone();
        int capacity = Integer.highestOneBit(Math.max(4, rows.size() * 2 - 1)) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
    }

    /**
     * Adds row {@code i}, or answers the position of an earlier row with the same key (then {@code i} is not
     * added).
     *
     * @return -1 when the key is new
     */
    int addOrFind(int i) {
        Row row = rows.get(i);
        int h = hash(row);
        int s = h & mask;
        while (true) {
            int stored = slots[s];
            if (stored == 0) {
                slots[s] = i + 1;
                return -1;
            }
            if (sameKey(rows.get(stored - 1), row)) {
                return stored - 1;
            }
            s = (s + 1) & mask;
        }
    }

    private int hash(Row row) {
        int h = 1;
        for (int c : key) {
            h = 31 * h + Objects.hashCode(row.get(c));
        }
        // Spread the bits: sequential instants differ in low bits only after mixing.
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    private boolean sameKey(Row a, Row b) {
        for (int c : key) {
            if (!Objects.equals(a.get(c), b.get(c))) {
                return false;
            }
        }
        return true;
    }
}
