package dev.pmp.source.nyiso.mis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads NYISO's CSV from bytes one record at a time without copying cells: fields separated by commas,
 * optionally quoted with {@code "} (a quote inside a quoted field written twice), records ended by LF or
 * CRLF, blank lines skipped (a file may start with one), a UTF-8 byte order mark skipped. Cells are
 * trimmed of spaces. Used by one thread.
 */
final class CsvCursor {

    private final byte[] data;
    private final int limit;
    private int pos;
    private int line = 1;
    private int recordLine;
    private int count;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] escaped = new boolean[16];

    CsvCursor(byte[] data, int from, int to) {
        this.data = data;
        this.limit = to;
        this.pos = from;
        if (to - from >= 3 && (data[from] & 0xff) == 0xEF && (data[from + 1] & 0xff) == 0xBB
                && (data[from + 2] & 0xff) == 0xBF) {
            pos += 3;
        }
    }

    /** The file's bytes; cells are ranges of it. */
    byte[] data() {
        return data;
    }

    /** Bytes not read yet. */
    int remaining() {
        return limit - pos;
    }

    /** Physical line (1-based) the current record starts on. */
    int line() {
        return recordLine;
    }

    /** Cells in the current record. */
    int count() {
        return count;
    }

    int start(int cell) {
        return starts[cell];
    }

    int end(int cell) {
        return ends[cell];
    }

    /** Whether the cell is empty. */
    boolean isEmpty(int cell) {
        return starts[cell] == ends[cell];
    }

    /** The cell as text (a quoted cell with doubled quotes is unescaped). */
    String text(int cell) {
        String s = new String(data, starts[cell], ends[cell] - starts[cell], StandardCharsets.ISO_8859_1);
        return escaped[cell] ? s.replace("\"\"", "\"") : s;
    }

    /** Whether the cell's bytes equal the ASCII text {@code bytes}. */
    boolean is(int cell, byte[] bytes) {
        return Arrays.equals(data, starts[cell], ends[cell], bytes, 0, bytes.length);
    }

    /**
     * Moves to the next record.
     *
     * @return false at the end of the input
     * @throws IllegalArgumentException for an unterminated quote or text after a closing quote, naming the line
     */
    boolean next() {
        byte[] d = data;
        int n = limit;
        while (pos < n && (d[pos] == '\n' || d[pos] == '\r')) {
            if (d[pos] == '\n') {
                line++;
            }
            pos++;
        }
        if (pos >= n) {
            return false;
        }
        recordLine = line;
        count = 0;
        while (true) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                escaped = Arrays.copyOf(escaped, count * 2);
            }
            int p = pos;
            while (p < n && d[p] == ' ') {
                p++;
            }
            escaped[count] = false;
            if (p < n && d[p] == '"') {
                p = quoted(p + 1);
            } else {
                int s = p;
                while (p < n) {
                    byte b = d[p];
                    if (b == ',' || b == '\n' || b == '\r') {
                        break;
                    }
                    p++;
                }
                int e = p;
                while (e > s && d[e - 1] == ' ') {
                    e--;
                }
                starts[count] = s;
                ends[count] = e;
            }
            count++;
            if (p >= n) {
                pos = n;
                return true;
            }
            byte b = d[p];
            if (b == ',') {
                pos = p + 1;
                continue;
            }
            if (b == '\r' && p + 1 < n && d[p + 1] == '\n') {
                p++;
            }
            line++;
            pos = p + 1;
            return true;
        }
    }

    private int quoted(int p) {
        byte[] d = data;
        int n = limit;
        int s = p;
        while (true) {
            if (p >= n) {
                throw new IllegalArgumentException("line " + recordLine + ": quoted field not closed before the end of the file");
            }
            if (d[p] == '"') {
                if (p + 1 < n && d[p + 1] == '"') {
                    escaped[count] = true;
                    p += 2;
                    continue;
                }
                break;
            }
            p++;
        }
        starts[count] = s;
        ends[count] = p;
        p++;
        while (p < n && d[p] == ' ') {
            p++;
        }
        if (p < n && d[p] != ',' && d[p] != '\n' && d[p] != '\r') {
            throw new IllegalArgumentException("line " + recordLine + ": text after a closing quote");
        }
        return p;
    }
}
