package dev.pmp.source.caiso.oasis;

import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A cursor over the lines of one CSV file held in memory, splitting each line into field offsets
 * without building strings: callers read the cells they need by header position. Handles CRLF,
 * a UTF-8 byte order mark, blank lines and double-quoted fields (a quoted field's offsets exclude its
 * quotes). One thread; one instance per file.
 */
public final class CsvTable {
    private final byte[] b;
    private final String file;
    private final List<String> header;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int fields;
    private int pos;
    private int line;

    private CsvTable(byte[] bytes, String file) {
        this.b = bytes;
        this.file = file;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
        List<String> names = new ArrayList<>();
        if (next()) {
            for (int i = 0; i < fields; i++) {
                names.add(text(i).strip());
            }
        }
        this.header = Collections.unmodifiableList(names);
    }

    /**
     * Opens a CSV file and reads its header line.
     *
     * @param file the file's name, for messages
     * @throws SourceException {@link Failure#BAD_DATA} when the file has no header line
     */
    public static CsvTable open(byte[] bytes, String file) throws SourceException {
        CsvTable table = new CsvTable(bytes, file);
        if (table.header.isEmpty()) {
            throw new SourceException(Failure.BAD_DATA, file + " is empty: not even a header line");
        }
        return table;
    }

    /** The header's column names, stripped, in file order. */
    public List<String> header() {
        return header;
    }

    /** The file's name, for messages. */
    public String file() {
        return file;
    }

    /** Position of the first column named {@code name} (exact match), or -1. */
    public int column(String name) {
        return header.indexOf(name);
    }

    /**
     * The position of a required column.
     *
     * @throws SourceException {@link Failure#BAD_DATA} naming the file and the column when it is absent
     */
    public int required(String name) throws SourceException {
        int i = column(name);
        if (i < 0) {
            throw new SourceException(Failure.BAD_DATA, file + " has no column " + name + " (schema drift?); header: "
                    + String.join(",", header));
        }
        return i;
    }

    /** Moves to the next non-blank line; false at the end of the file. */
    public boolean next() {
        byte[] bytes = b;
        int n = bytes.length;
        while (pos < n) {
            line++;
            int p = pos;
            int f = 0;
            while (true) {
                if (f == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, f * 2);
                    ends = java.util.Arrays.copyOf(ends, f * 2);
                }
                int s = p;
                int e;
                if (p < n && bytes[p] == '"') {
                    s = p + 1;
                    p = s;
                    while (p < n && !(bytes[p] == '"' && (p + 1 >= n || bytes[p + 1] != '"'))) {
                        p += bytes[p] == '"' ? 2 : 1;
                    }
                    e = p;
                    p = Math.min(n, p + 1);
                    while (p < n && bytes[p] != ',' && bytes[p] != '\n') {
                        p++;
                    }
                } else {
                    while (p < n) {
                        byte c = bytes[p];
                        // ',' (44) and '\n' (10) are both <= ','; most bytes of a report are not
                        if (c <= ',' && (c == ',' || c == '\n')) {
                            break;
                        }
                        p++;
                    }
                    e = p;
                }
                starts[f] = s;
                ends[f] = e;
                f++;
                if (p >= n || bytes[p] == '\n') {
                    break;
                }
                p++;
            }
            pos = p + 1;
            int last = f - 1;
            if (ends[last] > starts[last] && bytes[ends[last] - 1] == '\r') {
                ends[last]--;
            }
            if (f == 1 && ends[0] == starts[0]) {
                continue;
            }
            fields = f;
            return true;
        }
        fields = 0;
        return false;
    }

    /** The 1-based line number of the current line in the file. */
    public int line() {
        return line;
    }

    /** How many fields the current line has. */
    public int fields() {
        return fields;
    }

    /** The file's bytes (not a copy). */
    public byte[] bytes() {
        return b;
    }

    /** First byte of field {@code i} of the current line. */
    public int start(int i) {
        return starts[i];
    }

    /** One past the last byte of field {@code i} of the current line. */
    public int end(int i) {
        return ends[i];
    }

    /** Whether field {@code i} of the current line is empty (or missing). */
    public boolean isEmpty(int i) {
        return i >= fields || starts[i] == ends[i];
    }

    /** Field {@code i} as text ({@code ""} when the line is shorter). */
    public String text(int i) {
        return i >= fields ? "" : new String(b, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
    }

    /** Field {@code i} as a number: NaN when it is empty or not a plain decimal. */
    public double number(int i) {
        return i >= fields ? Double.NaN : Decimal.parse(b, starts[i], ends[i]);
    }

    /** Where the current line is, for messages: {@code file line N}. */
    public String where() {
        return file + " line " + line;
    }
}
