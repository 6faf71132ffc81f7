package dev.pmp.source.caiso.oasis;

import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the zip an OASIS {@code SingleZip} call answers with, from its central directory: a body cut
 * short loses the directory at its end and is refused instead of yielding fewer members. Each member is
 * inflated into an array of its declared size in one call and checked against its CRC-32. Stateless and
 * thread-safe; zip64 archives (over 4 GB, never served by OASIS) are refused.
 */
public final class OasisZip {
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int DIRECTORY_ENTRY = 0x02014b50;
    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int END_OF_DIRECTORY_SIZE = 22;

    private OasisZip() {
    }

    /** Whether {@code body} starts with the zip magic {@code PK\3\4}. */
    public static boolean isZip(byte[] body) {
        return body.length >= 4 && int32(body, 0) == LOCAL_HEADER;
    }

    /**
     * The members of the zip {@code body}, in directory order.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when the zip is truncated or corrupt, naming the
     *     member and the problem
     */
    public static List<ZipMember> read(byte[] body) throws SourceException {
        int end = endOfDirectory(body);
        int count = int16(body, end + 10);
        long directorySize = uint32(body, end + 12);
        long directoryStart = uint32(body, end + 16);
        if (directoryStart + directorySize > end) {
            throw bad("its central directory (at byte " + directoryStart + ") lies past its end record (at byte "
                    + end + ")");
        }
        List<ZipMember> members = new ArrayList<>(count);
        int p = (int) directoryStart;
        for (int i = 0; i < count; i++) {
            if (p + 46 > end || int32(body, p) != DIRECTORY_ENTRY) {
                throw bad("directory entry " + (i + 1) + " of " + count + " is damaged");
            }
            int method = int16(body, p + 10);
            long crc = uint32(body, p + 16);
            long compressed = uint32(body, p + 20);
            long size = uint32(body, p + 24);
            int nameLength = int16(body, p + 28);
            int extraLength = int16(body, p + 30);
            int commentLength = int16(body, p + 32);
            long local = uint32(body, p + 42);
            String name = new String(body, p + 46, Math.min(nameLength, Math.max(0, end - p - 46)),
                    StandardCharsets.UTF_8);
            if (compressed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || local == 0xFFFFFFFFL) {
                throw bad("member " + name + " is a zip64 entry, which OASIS never sends");
            }
            members.add(new ZipMember(name, member(body, name, method, crc, compressed, size, local)));
            p += 46 + nameLength + extraLength + commentLength;
        }
        return members;
    }

    private static byte[] member(byte[] body, String name, int method, long crc, long compressed, long size,
            long local) throws SourceException {
        if (local + 30 > body.length || int32(body, (int) local) != LOCAL_HEADER) {
            throw bad("member " + name + " has no local header at byte " + local);
        }
        long dataStart = local + 30 + int16(body, (int) local + 26) + int16(body, (int) local + 28);
        if (dataStart + compressed > body.length) {
            throw bad("member " + name + " is cut short (" + compressed + " compressed bytes declared, "
                    + Math.max(0, body.length - dataStart) + " present)");
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw bad("member " + name + " is too large to read (" + size + " bytes)");
        }
        byte[] out = new byte[(int) size];
        switch (method) {
            case 0 -> {
                if (compressed != size) {
                    throw bad("stored member " + name + " declares " + compressed + " bytes but a size of " + size);
                }
                System.arraycopy(body, (int) dataStart, out, 0, (int) size);
            }
            case 8 -> inflate(body, name, (int) dataStart, (int) compressed, out);
            default -> throw bad("member " + name + " uses compression method " + method + ", not deflate");
        }
        CRC32 check = new CRC32();
        check.update(out);
        if (check.getValue() != crc) {
            throw bad("member " + name + " fails its CRC-32 check");
        }
        return out;
    }

    private static void inflate(byte[] body, String name, int start, int length, byte[] out) throws SourceException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(body, start, length);
            int n = 0;
            while (n < out.length) {
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n != out.length) {
                throw bad("member " + name + " inflates to " + n + " bytes, " + out.length + " declared");
            }
        } catch (DataFormatException e) {
            throw bad("member " + name + " is not valid deflate data (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    private static int endOfDirectory(byte[] body) throws SourceException {
        int lowest = Math.max(0, body.length - END_OF_DIRECTORY_SIZE - 0xFFFF);
        for (int p = body.length - END_OF_DIRECTORY_SIZE; p >= lowest; p--) {
            if (int32(body, p) == END_OF_DIRECTORY) {
                return p;
            }
        }
        throw bad("it has no central directory: the download was cut short (" + body.length + " bytes)");
    }

    private static SourceException bad(String problem) {
        return new SourceException(Failure.BAD_DATA, "OASIS zip cannot be read: " + problem);
    }

    private static int int16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static int int32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }

    private static long uint32(byte[] b, int p) {
        return int32(b, p) & 0xFFFFFFFFL;
    }
}
