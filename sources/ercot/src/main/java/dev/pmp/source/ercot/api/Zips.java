package dev.pmp.source.ercot.api;

import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads ERCOT's zips from bytes: a posting (one CSV), a 60-day disclosure (many CSVs), a bundle (zip of zips). */
final class Zips {

    /** One file inside a zip. */
    record Member(String name, byte[] bytes) {
    }

    private Zips() {
    }

    /** Whether {@code body} starts like a zip ({@code PK\3\4}, or {@code PK\5\6} for an empty one). */
    static boolean isZip(byte[] body) {
        return body.length >= 4 && body[0] == 'P' && body[1] == 'K'
                && (body[2] == 3 && body[3] == 4 || body[2] == 5 && body[3] == 6);
    }

    /**
     * The files of a zip, in stored order, directories skipped.
     *
     * @throws SourceException {@link Failure#BAD_DATA} for a truncated or corrupt zip, naming {@code what}
     */
    static List<Member> members(String what, byte[] zip) throws SourceException {
        if (!isZip(zip)) {
            throw new SourceException(Failure.BAD_DATA, what + ": not a zip (starts with "
                    + new String(zip, 0, Math.min(16, zip.length), java.nio.charset.StandardCharsets.ISO_8859_1).strip()
                    + ")");
        }
        if (!hasEnd(zip)) {
            throw new SourceException(Failure.BAD_DATA, what + ": truncated zip (no end-of-central-directory record)");
        }
        List<Member> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (!e.isDirectory()) {
                    // The size is known when the local header carries it: read exactly, without regrowing.
                    long size = e.getSize();
                    byte[] bytes = size >= 0 && size < Integer.MAX_VALUE - 8 ? in.readNBytes((int) size) : in.readAllBytes();
                    if (size >= 0 && (bytes.length != size || in.read() != -1)) {
                        throw new IOException(e.getName() + " does not hold the " + size + " bytes its header says");
                    }
                    out.add(new Member(e.getName(), bytes));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new SourceException(Failure.BAD_DATA, what + ": truncated or corrupt zip (" + e.getMessage() + ")", e);
        }
        if (out.isEmpty() && zip.length > 22) {
            throw new SourceException(Failure.BAD_DATA, what + ": truncated or corrupt zip (no readable entry)");
        }
        return out;
    }

    /** Whether the end-of-central-directory record ({@code PK\5\6}) is within the last 64 KiB + 22 bytes. */
    private static boolean hasEnd(byte[] zip) {
        int stop = Math.max(0, zip.length - 65_557);
        for (int i = zip.length - 22; i >= stop; i--) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 5 && zip[i + 3] == 6) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one CSV of a posting zip.
     *
     * @throws SourceException {@link Failure#BAD_DATA} unless the zip holds exactly one {@code .csv}
     */
    static Member singleCsv(String what, byte[] zip) throws SourceException {
        List<Member> members = members(what, zip);
        List<Member> csv = members.stream().filter(m -> m.name().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
                .toList();
        if (csv.size() != 1) {
            throw new SourceException(Failure.BAD_DATA, what + ": expected one CSV in the posting zip, found "
                    + members.stream().map(Member::name).toList());
        }
        return csv.get(0);
    }
}
