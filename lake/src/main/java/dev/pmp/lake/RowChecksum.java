package dev.pmp.lake;

import dev.pmp.spi.Column;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Row;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * A sha256 over the canonical values of a sequence of rows, fed in the store's natural-key order. Each
 * value is a type tag then a fixed-width or length-prefixed encoding (instants as epoch seconds and
 * nanos, doubles as their IEEE bits), so equal rows in equal order give equal sums and nothing else
 * does in practice. The schema's column names and types come first: a changed schema changes the sum.
 */
final class RowChecksum {
    private final MessageDigest digest;
    private final ByteBuffer buffer = ByteBuffer.allocate(16);

    RowChecksum(Dataset dataset) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        for (Column c : dataset.schema().columns()) {
            text(c.name());
            text(c.type().name());
        }
    }

    void add(Row row) {
        digest.update((byte) 'R');
        for (int i = 0; i < row.width(); i++) {
            Object v = row.get(i);
            if (v == null) {
                digest.update((byte) 'N');
            } else if (v instanceof Instant t) {
                digest.update((byte) 'T');
                digest.update(buffer.clear().putLong(t.getEpochSecond()).putLong(t.getNano()).array(), 0, 16);
            } else if (v instanceof Double x) {
                digest.update((byte) 'D');
                digest.update(buffer.clear().putLong(Double.doubleToLongBits(x)).array(), 0, 8);
            } else if (v instanceof Long x) {
                digest.update((byte) 'L');
                digest.update(buffer.clear().putLong(x).array(), 0, 8);
            } else if (v instanceof Boolean x) {
                digest.update((byte) (x ? 'Y' : 'F'));
            } else if (v instanceof LocalDate x) {
                digest.update((byte) 'A');
                digest.update(buffer.clear().putLong(x.toEpochDay()).array(), 0, 8);
            } else {
                digest.update((byte) 'S');
                text(v.toString());
            }
        }
    }

    /** The hex sum; ends this checksum. */
    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        digest.update(buffer.clear().putInt(b.length).array(), 0, 4);
        digest.update(b);
    }
}
