package dev.pmp.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The natural keys of the rows of one batch seen so far, to find two rows sharing one, without allocating
 * a key object per row as a {@code Set<List<Object>>} would (a three-million-row bulk write spent seconds
 * there). The pipeline's row check and the stores' write checks all use it. An open-addressing table of row positions and 64-bit key hashes; rows with equal hashes are
 * compared value by value, so a hash collision never passes for a repeat.
 *
 * <p>Two rows with one key share their grid instant, and parsers hand over rows in ascending grid order.
 * While they come so, the table holds only the current run of equal grid instants and is emptied when the
 * instant moves on: a small table that stays in the processor's cache. The first row whose instant goes
 * back switches to one table for every row. One instance per check; not thread-safe.
 */
public final class NaturalKeys {

    private static final int FIRST_CAPACITY = 64;

    private final List<Row> rows;
    private final int[] keyIndexes;
    private final int grid;
    /** Row position + 1 per slot, 0 for an empty slot. */
    private int[] slots;
    private long[] hashes;
    private int mask;
    /** Slots in use, in the order filled, so a run's table is emptied in time proportional to the run. */
    private int[] used;
    private int size;
    /** The grid instant of the current run; null once the table holds every row. */
    private Instant run;
    private boolean whole;

    /**
     * @param rows the batch's rows, added by position with {@link #add}
     * @param keyIndexes the positions of the natural-key columns in a row
     * @param grid the position of the grid column, one of the key columns; its values must not be null
     */
    public NaturalKeys(List<Row> rows, int[] keyIndexes, int grid) {
        this.rows = rows;
        this.keyIndexes = keyIndexes.clone();
        this.grid = grid;
        allocate(FIRST_CAPACITY);
    }

    /**
     * Adds the key of row {@code position}. Rows are added in position order, each once.
     *
     * @return false when an earlier added row has the same key (values equal by {@link Object#equals})
     */
    public boolean add(int position) {
        return addOrFind(position) < 0;
    }

    /**
     * Adds the key of row {@code position}, or finds the earlier row that has it; then the row is not
     * added. Rows are added in position order, each once.
     *
     * @return the position of the earlier added row with the same key, or -1 when the key is new
     */
    public int addOrFind(int position) {
        Row row = rows.get(position);
        if (!whole) {
            Instant at = row.instant(grid);
            if (run == null || !at.equals(run)) {
                if (run != null && at.isBefore(run)) {
                    // An earlier run's instant may come back: from here on, every row stays in the table.
                    wholeBatch(position);
                } else {
                    clear();
                    run = at;
                }
            }
        }
        long hash = hash(row);
        int slot = (int) hash & mask;
        while (slots[slot] != 0) {
            if (hashes[slot] == hash && sameKey(rows.get(slots[slot] - 1), row)) {
                return slots[slot] - 1;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = position + 1;
        hashes[slot] = hash;
        used[size++] = slot;
        if (size * 2 > slots.length) {
            grow();
        }
        return -1;
    }

    /** The key values of {@code row}, for messages. */
    public List<Object> key(Row row) {
        List<Object> key = new ArrayList<>(keyIndexes.length);
        for (int k : keyIndexes) {
            key.add(row.get(k));
        }
        return key;
    }

    /** Refills the table with rows 0 .. {@code position - 1}, all known to have distinct keys, and keeps them. */
    private void wholeBatch(int position) {
        whole = true;
        run = null;
        allocate(Integer.highestOneBit(Math.max(FIRST_CAPACITY, rows.size()) - 1) << 2);
        for (int i = 0; i < position; i++) {
            place(i, hash(rows.get(i)));
        }
    }

    private void grow() {
        int[] oldUsed = used;
        int[] oldSlots = slots;
        long[] oldHashes = hashes;
        int count = size;
        allocate(slots.length * 2);
        for (int i = 0; i < count; i++) {
            int s = oldUsed[i];
            place(oldSlots[s] - 1, oldHashes[s]);
        }
    }

    /** Puts a row known to be absent into the table. */
    private void place(int position, long hash) {
        int slot = (int) hash & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = position + 1;
        hashes[slot] = hash;
        used[size++] = slot;
    }

    private void allocate(int capacity) {
        slots = new int[capacity];
        hashes = new long[capacity];
        used = new int[capacity / 2 + 1];
        mask = capacity - 1;
        size = 0;
    }

    private void clear() {
        if (size * 8 > slots.length) {
            Arrays.fill(slots, 0);
        } else {
            for (int i = 0; i < size; i++) {
                slots[used[i]] = 0;
            }
        }
        size = 0;
    }

    private boolean sameKey(Row a, Row b) {
        for (int k : keyIndexes) {
            if (!Objects.equals(a.get(k), b.get(k))) {
                return false;
            }
        }
        return true;
    }

    private long hash(Row row) {
        long h = 0x9E3779B97F4A7C15L;
        for (int k : keyIndexes) {
            Object v = row.get(k);
            // Instant.hashCode folds seconds and nanos into 32 bits; a time key deserves all 64.
            long x = v instanceof Instant i ? i.getEpochSecond() * 1_000_000_007L + i.getNano() : Objects.hashCode(v);
            h = (h ^ x) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        h *= 0x94D049BB133111EBL;
        return h ^ (h >>> 29);
    }
}
