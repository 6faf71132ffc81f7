package dev.pmp.source.nyiso.mis;

import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads one monthly MIS archive ({@code 20240301realtime_zone_csv.zip}): one {@code YYYYMMDD<filename>.csv}
 * member per day of the month. Members are handed over one at a time in one reused buffer, so a month is
 * never held unpacked as a whole.
 */
public final class MonthlyArchive {

    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;

    /** Receives the members of the month's days, in archive order. */
    @FunctionalInterface
    public interface Member {
        /**
         * @param data the member's bytes in {@code data[0, length)}; the buffer is reused after the call
         * @throws SourceException to stop reading the archive
         */
        void read(LocalDate day, byte[] data, int length) throws SourceException;
    }

    private MonthlyArchive() {
    }

    /**
     * Unpacks an archive, handing each day's member to {@code member}.
     *
     * @param archive the archive's name, for messages
     * @param fileName the daily file name the members carry after their date ({@code realtime_zone})
     * @return notes on members that are not a day of the month (ignored)
     * @throws SourceException {@link Failure#BAD_DATA} when the bytes are an HTML page, not a zip, a truncated
     *     or corrupt zip, or hold one day twice; or what {@code member} throws
     */
    public static List<String> read(String archive, byte[] zip, String fileName, YearMonth month, Member member)
            throws SourceException {
        Objects.requireNonNull(zip, "zip");
        if (zip.length < 4 || zip[0] != 'P' || zip[1] != 'K') {
            String start = new String(zip, 0, Math.min(zip.length, 200), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .strip();
            throw new SourceException(Failure.BAD_DATA, archive + " is not a zip archive"
                    + (start.startsWith("<") ? " but an HTML page" : zip.length == 0 ? " but empty" : ""));
        }
        if (!hasEndOfCentralDirectory(zip)) {
            throw new SourceException(Failure.BAD_DATA, archive + " is truncated: no end of central directory in its "
                    + zip.length + " bytes");
        }
        List<String> notes = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        String suffix = fileName + ".csv";
        byte[] buffer = new byte[1 << 20];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                LocalDate day = day(name, suffix);
                if (entry.isDirectory() || day == null || !YearMonth.from(day).equals(month)) {
                    notes.add(archive + ": member " + name + " is not a day of " + month + " (" + suffix + "); ignored");
                    continue;
                }
                if (!seen.add(day)) {
                    throw new SourceException(Failure.BAD_DATA, archive + " holds " + name + " twice");
                }
                int length = 0;
                int r;
                while ((r = in.read(buffer, length, buffer.length - length)) > 0) {
                    length += r;
                    if (length == buffer.length) {
                        buffer = Arrays.copyOf(buffer, buffer.length * 2);
                    }
                }
                member.read(day, buffer, length);
            }
        } catch (IOException e) {
            throw new SourceException(Failure.BAD_DATA, archive + " is truncated or corrupt: " + e.getMessage(), e);
        }
        return notes;
    }

    private static LocalDate day(String name, String suffix) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (base.length() != 8 + suffix.length() || !base.endsWith(suffix)) {
            return null;
        }
        try {
            return LocalDate.parse(base.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean hasEndOfCentralDirectory(byte[] zip) {
        int lowest = Math.max(0, zip.length - 22 - 65_535);
        for (int p = zip.length - 22; p >= lowest; p--) {
            int sig = (zip[p] & 0xff) | (zip[p + 1] & 0xff) << 8 | (zip[p + 2] & 0xff) << 16 | (zip[p + 3] & 0xff) << 24;
            if (sig == END_OF_CENTRAL_DIRECTORY) {
                return true;
            }
        }
        return false;
    }
}
