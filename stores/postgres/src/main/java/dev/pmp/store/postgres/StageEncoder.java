package dev.pmp.store.postgres;

import dev.pmp.spi.Column;
import dev.pmp.spi.Row;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows in PostgreSQL's binary {@code COPY} format: values travel as their binary wire forms
 * (IEEE doubles bit for bit, {@code timestamptz} as microseconds since 2000-01-01, {@code date} as days
 * since 2000-01-01), so nothing is printed and parsed, and every double reads back exactly, {@code -0.0}
 * included.
 */
final class StageEncoder {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final int BUFFER_BYTES = 1 << 16;

    private StageEncoder() {
    }

    /**
     * Streams {@code rows} into an open {@code COPY ... FROM STDIN (FORMAT binary)} and ends it.
     *
     * @return the number of rows the server reports loaded
     */
    static long copy(CopyIn copy, List<Column> columns, List<Row> rows) throws SQLException {
        return copy(copy, columns, rows, null, null);
    }

    /**
     * Streams {@code rows} followed, on every row, by {@code ingestedAt} and {@code fetchId} (for a COPY
     * straight into a dataset table), or by nothing when both are null.
     *
     * @return the number of rows the server reports loaded
     */
    static long copy(CopyIn copy, List<Column> columns, List<Row> rows, Instant ingestedAt, String fetchId)
            throws SQLException {
        boolean stamped = ingestedAt != null;
        try {
            byte[] fetch = stamped ? fetchId.getBytes(StandardCharsets.UTF_8) : null;
            long ingested = stamped ? Instants.postgresMicros(Instants.truncated(ingestedAt).toInstant()) : 0;
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CopyStream(copy), BUFFER_BYTES));
            out.write(SIGNATURE);
            out.writeInt(0);
            out.writeInt(0);
            short fields = (short) (columns.size() + (stamped ? 2 : 0));
            for (Row row : rows) {
                out.writeShort(fields);
                for (int i = 0; i < columns.size(); i++) {
                    write(out, columns.get(i), row.get(i));
                }
                if (stamped) {
                    out.writeInt(8);
                    out.writeLong(ingested);
                    out.writeInt(fetch.length);
                    out.write(fetch);
                }
            }
            out.writeShort(-1);
            out.flush();
            return copy.endCopy();
        } catch (IOException e) {
            SQLException failure = new SQLException("COPY into the staging table failed: " + e.getMessage(), e);
            cancel(copy, failure);
            throw failure;
        } catch (SQLException | RuntimeException e) {
            cancel(copy, e);
            throw e;
        }
    }

    /** Abandons a copy that is still open, keeping any error of doing so with {@code failure}. */
    private static void cancel(CopyIn copy, Exception failure) {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException cancelling) {
                failure.addSuppressed(cancelling);
            }
        }
    }

    private static void write(DataOutputStream out, Column column, Object value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        switch (column.type()) {
            case TIMESTAMP -> {
                out.writeInt(8);
                out.writeLong(Instants.postgresMicros((Instant) value));
            }
            case DATE -> {
                out.writeInt(4);
                out.writeInt(Math.toIntExact(((LocalDate) value).toEpochDay() - POSTGRES_EPOCH_DAY));
            }
            case DOUBLE -> {
                out.writeInt(8);
                out.writeLong(Double.doubleToRawLongBits((Double) value));
            }
            case BIGINT -> {
                out.writeInt(8);
                out.writeLong((Long) value);
            }
            case VARCHAR -> {
                byte[] text = ((String) value).getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
            }
            case BOOLEAN -> {
                out.writeInt(1);
                out.writeByte((Boolean) value ? 1 : 0);
            }
        }
    }

    /** The bytes of an open {@link CopyIn} as an {@link OutputStream}; closing it does not end the copy. */
    private static final class CopyStream extends OutputStream {
        private final CopyIn copy;

        CopyStream(CopyIn copy) {
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                copy.writeToCopy(bytes, offset, length);
            } catch (SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }
}
