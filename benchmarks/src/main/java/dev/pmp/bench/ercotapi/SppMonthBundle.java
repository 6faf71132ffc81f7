package dev.pmp.bench.ercotapi;

import dev.pmp.sim.ercotapi.SppPostings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A monthly NP6-905-CD bundle as ERCOT serves it ({@code GET bundle/np6-905-cd?download=..}), for as many
 * settlement points as ERCOT posts (about 1,000) rather than the simulator's 28: a zip of {@code <docId>.zip}
 * posting zips, each holding one deflated CSV named like the archive's
 * ({@code cdr.00012301.0000000000000000.<posted>.SPPHLZNP6905_<local end>.csv}) in the archive's header and
 * label style (hour ending, {@code DSTFlag} {@code Y} on the repeated hour). The simulator's 28 recorded
 * points come first with its prices ({@link SppPostings#prices}), then resource nodes {@code RN_NODE<n>}
 * of type {@code RN} with a deterministic daily swing. Built once, in memory.
 *
 * @param month the delivery month (Central Prevailing Time)
 * @param points settlement points per posting
 * @param intervals postings in the bundle (one per 15-minute interval)
 * @param bytes the bundle zip
 */
record SppMonthBundle(YearMonth month, int points, int intervals, byte[] bytes) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmm");
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd.HHmmss");

    /** Rows in the bundle. */
    long rows() {
        return (long) points * intervals;
    }

    /** The first interval's start. */
    Instant start() {
        return month.atDay(1).atStartOfDay(SppPostings.ZONE).toInstant();
    }

    /** The end of the last interval. */
    Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(SppPostings.ZONE).toInstant();
    }

    /**
     * Builds the bundle of {@code month}.
     *
     * @param points at least {@link SppPostings#points()}
     */
    static SppMonthBundle of(YearMonth month, int points) {
        if (points < SppPostings.points()) {
            throw new IllegalArgumentException("at least " + SppPostings.points() + " points: " + points);
        }
        ByteArrayOutputStream outer = new ByteArrayOutputStream(64 << 20);
        int intervals = 0;
        SppMonthBundle shape = new SppMonthBundle(month, points, 0, new byte[0]);
        try (ZipOutputStream bundle = new ZipOutputStream(outer)) {
            for (Instant s = shape.start(); s.isBefore(shape.end()); s = s.plus(SppPostings.INTERVAL)) {
                bundle.putNextEntry(new ZipEntry(SppPostings.docId(s) + ".zip"));
                bundle.write(posting(s, points));
                bundle.closeEntry();
                intervals++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SppMonthBundle(month, points, intervals, outer.toByteArray());
    }

    /** One posting zip: the CSV of the interval starting at {@code start}. */
    private static byte[] posting(Instant start, int points) throws IOException {
        ZonedDateTime local = start.atZone(SppPostings.ZONE);
        LocalDateTime naive = local.toLocalDateTime();
        List<ZoneOffset> offsets = SppPostings.ZONE.getRules().getValidOffsets(naive);
        // In the fall-back overlap the second pass is the one with the smaller (standard-time) offset.
        boolean repeated = offsets.size() > 1 && local.getOffset().getTotalSeconds() == Math.min(
                offsets.get(0).getTotalSeconds(), offsets.get(1).getTotalSeconds());
        String labels = DATE.format(local) + "," + (local.getHour() + 1) + "," + (local.getMinute() / 15 + 1) + ",";
        String flag = repeated ? ",Y\r\n" : ",N\r\n";
        StringBuilder csv = new StringBuilder(points * 48).append(SppPostings.HEADER).append("\r\n");
        List<SppPostings.Price> recorded = SppPostings.prices(start);
        for (SppPostings.Price p : recorded) {
            csv.append(labels).append(p.point()).append(',').append(p.type()).append(',').append(p.price()).append(flag);
        }
        long k = start.getEpochSecond() / SppPostings.INTERVAL.toSeconds();
        for (int n = recorded.size(); n < points; n++) {
            double price = Math.round((18 + (n % 97) * 0.11 + 8 * Math.sin(k * Math.PI / 48.0) + (k % 7) * 0.13) * 100)
                    / 100.0;
            csv.append(labels).append("RN_NODE").append(n).append(",RN,").append(price).append(flag);
        }
        Instant posted = SppPostings.postedAt(start);
        String name = "cdr.00012301.0000000000000000." + FILE_STAMP.format(posted.atZone(SppPostings.ZONE))
                + ".SPPHLZNP6905_" + STAMP.format(start.plus(SppPostings.INTERVAL).atZone(SppPostings.ZONE)) + ".csv";
        ByteArrayOutputStream out = new ByteArrayOutputStream(points * 12);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(csv.toString().getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
