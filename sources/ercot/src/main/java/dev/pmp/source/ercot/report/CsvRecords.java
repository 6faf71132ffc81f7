package dev.pmp.source.ercot.report;

/**
 * Reads ERCOT's simple CSV from bytes, one record at a time, without copying unquoted cells: fields
 * separated by commas, optionally quoted with {@code "} (a quote inside a quoted field written twice),
 * commas and line breaks allowed inside quotes, records ended by LF or CRLF, blank lines skipped, a
 * leading UTF-8 byte order mark skipped. Cells are trimmed of spaces and tabs. One thread.
 */
final class CsvRecords implements Cells {

    private final byte[] data;
    private int pos;
    private int line = 1;
    private int recordLine;
    private int count;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private byte[][] decoded = new byte[16][];

    CsvRecords(byte[] data) {
        this.data = data;
        if (data.length >= 3 && (data[0] & 0xff) == 0xEF && (data[1] & 0xff) == 0xBB && (data[2] & 0xff) == 0xBF) {
            pos = 3;
        }
    }

    /** Physical line (1-based) the current record starts on. */
    int line() {
        return recordLine;
    }

    /**
     * Moves to the next record.
     *
     * @return false at the end of the input
     * @throws IllegalArgumentException for an unterminated quote or text after a closing quote, naming the line
     */
    boolean next() {
        byte[] d = data;
        int n = d.length;
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
                grow();
            }
            decoded[count] = null;
            int p = pos;
            while (p < n && (d[p] == ' ' || d[p] == '\t')) {
                p++;
            }
            if (p < n && d[p] == '"') {
                p = quoted(p + 1);
            } else {
                int s = p;
                while (p < n) {
                    byte b = d[p];
                    if (b == ',' || b == '\n' || b == '\r') {
                        break;
                    }
                    if (b == '"') {
                        throw new IllegalArgumentException("line " + line + ": quote inside an unquoted field");
                    }
                    p++;
                }
                int e = p;
                while (e > s && (d[e - 1] == ' ' || d[e - 1] == '\t')) {
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
            // end of record: LF or CRLF (a lone CR ends it too)
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
        int n = d.length;
        int s = p;
        int startLine = line;
        boolean escaped = false;
        while (true) {
            if (p >= n) {
                throw new IllegalArgumentException("line " + startLine + ": quoted field not closed before the end of the file");
            }
            byte b = d[p];
            if (b == '"') {
                if (p + 1 < n && d[p + 1] == '"') {
                    escaped = true;
                    p += 2;
                    continue;
                }
                break;
            }
            if (b == '\n') {
                line++;
            }
            p++;
        }
        int e = p;
        p++;
        while (p < n && (d[p] == ' ' || d[p] == '\t')) {
            p++;
        }
        if (p < n && d[p] != ',' && d[p] != '\n' && d[p] != '\r') {
            throw new IllegalArgumentException("line " + line + ": text after a closing quote");
        }
        if (escaped) {
            byte[] out = new byte[e - s];
            int o = 0;
            for (int i = s; i < e; i++) {
                out[o++] = d[i];
                if (d[i] == '"') {
                    i++;
                }
            }
            int a = 0;
            int z = o;
            while (a < z && (out[a] == ' ' || out[a] == '\t')) {
                a++;
            }
            while (z > a && (out[z - 1] == ' ' || out[z - 1] == '\t')) {
                z--;
            }
            decoded[count] = out;
            starts[count] = a;
            ends[count] = z;
        } else {
            while (s < e && (d[s] == ' ' || d[s] == '\t')) {
                s++;
            }
            while (e > s && (d[e - 1] == ' ' || d[e - 1] == '\t')) {
                e--;
            }
            starts[count] = s;
            ends[count] = e;
        }
        return p;
    }

    private void grow() {
        int size = starts.length * 2;
        starts = java.util.Arrays.copyOf(starts, size);
        ends = java.util.Arrays.copyOf(ends, size);
        decoded = java.util.Arrays.copyOf(decoded, size);
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public byte[] bytes(int i) {
        byte[] b = decoded[i];
        return b == null ? data : b;
    }

    @Override
    public int start(int i) {
        return starts[i];
    }

    @Override
    public int end(int i) {
        return ends[i];
    }
}
