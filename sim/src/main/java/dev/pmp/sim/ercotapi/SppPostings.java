package dev.pmp.sim.ercotapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * NP6-905-CD (real-time settlement point prices, 15-minute) as ERCOT posts it, one posting per interval,
 * for the settlement points of the recorded posting of 2026-09-29 (pit-lake sample
 * {@code archive/np6-905-cd.csv}, README section 3.7): prices vary deterministically around the recorded
 * ones. Labels follow the documented style (README section 1.1): {@code DeliveryDate} {@code MM/dd/yyyy},
 * {@code DeliveryHour} hour ending (skipping 3 on the spring-forward day, repeating 2 on the fall-back day
 * with {@code DSTFlag} {@code Y} on the second pass), {@code DeliveryInterval} 1..4. Stateless.
 */
public final class SppPostings {

    /** Central Prevailing Time. */
    public static final ZoneId ZONE = ZoneId.of("America/Chicago");
    /** One settlement interval. */
    public static final Duration INTERVAL = Duration.ofMinutes(15);
    /** A posting appears this long after its interval ends. */
    public static final Duration POSTING_DELAY = Duration.ofMinutes(2);
    /** ERCOT's CSV header of NP6-905-CD. */
    public static final String HEADER =
            "DeliveryDate,DeliveryHour,DeliveryInterval,SettlementPointName,SettlementPointType,SettlementPointPrice,DSTFlag";
    /** The report type id in the posting's file name. */
    static final String RTID = "00012301";

    /** The recorded points, in the recording's order: name, type, recorded price. */
    private static final String[][] POINTS = {
        {"7RNCHSLR_ALL", "RN", "22.42"}, {"A4_DGR1_RN", "RN", "22.29"}, {"A4_DGR2_RN", "RN", "22.29"},
        {"ABINDUST_RN", "RN", "19.9"}, {"ADL_RN", "RN", "30.83"}, {"HB_BUSAVG", "SH", "21.48"},
        {"HB_HOUSTON", "HU", "29"}, {"HB_HUBAVG", "AH", "22.69"}, {"HB_NORTH", "HU", "19.35"},
        {"HB_PAN", "HU", "19.81"}, {"HB_SOUTH", "HU", "22.46"}, {"HB_WEST", "HU", "19.95"},
        {"LZ_AEN", "LZ", "21.72"}, {"LZ_AEN", "LZEW", "21.71"}, {"LZ_CPS", "LZEW", "22.27"},
        {"LZ_CPS", "LZ", "22.27"}, {"LZ_HOUSTON", "LZEW", "28.25"}, {"LZ_HOUSTON", "LZ", "28.23"},
        {"LZ_LCRA", "LZ", "21.93"}, {"LZ_LCRA", "LZEW", "21.92"}, {"LZ_NORTH", "LZ", "19.42"},
        {"LZ_NORTH", "LZEW", "19.44"}, {"LZ_RAYBN", "LZEW", "19.04"}, {"LZ_RAYBN", "LZ", "19.42"},
        {"LZ_SOUTH", "LZEW", "22.45"}, {"LZ_SOUTH", "LZ", "22.45"}, {"LZ_WEST", "LZ", "20.11"},
        {"LZ_WEST", "LZEW", "20.12"}};

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmm");
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd.HHmmss");
    private static final DateTimeFormatter POSTED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    /**
     * One price row.
     *
     * @param start the interval's start
     * @param point settlement point name
     * @param type settlement point type
     * @param price $/MWh, two decimals
     */
    public record Price(Instant start, String point, String type, double price) {
    }

    /** The labels of one interval as ERCOT writes them. */
    record Labels(String date, int hour, int interval, boolean repeated) {
    }

    private SppPostings() {
    }

    /** How many settlement points each posting holds. */
    public static int points() {
        return POINTS.length;
    }

    /** The prices of the interval starting at {@code start}, in posting order. */
    public static List<Price> prices(Instant start) {
        List<Price> out = new ArrayList<>(POINTS.length);
        long k = start.getEpochSecond() / INTERVAL.toSeconds();
        for (int i = 0; i < POINTS.length; i++) {
            double base = Double.parseDouble(POINTS[i][2]);
            // A deterministic daily swing around the recorded price.
            double swing = Math.round((base + 8 * Math.sin(k * Math.PI / 48.0) + (k % 7) * 0.13) * 100) / 100.0;
            out.add(new Price(start, POINTS[i][0], POINTS[i][1], swing));
        }
        return out;
    }

    /** When the posting of the interval starting at {@code start} appears. */
    public static Instant postedAt(Instant start) {
        return start.plus(INTERVAL).plus(POSTING_DELAY);
    }

    /** The document id of the posting of the interval starting at {@code start}: grows with posting order. */
    public static long docId(Instant start) {
        return 1_000_000_000L + start.getEpochSecond() / INTERVAL.toSeconds();
    }

    /** The interval start of posting {@code docId}. */
    static Instant startOf(long docId) {
        return Instant.ofEpochSecond((docId - 1_000_000_000L) * INTERVAL.toSeconds());
    }

    /** ERCOT's friendly name: {@code SPPHLZNP6905_yyyyMMdd_HHmm} with the interval's local end. */
    static String friendlyName(Instant start) {
        return "SPPHLZNP6905_" + STAMP.format(start.plus(INTERVAL).atZone(ZONE));
    }

    /** {@code postDatetime} as the listing writes it: local time, milliseconds, no offset. */
    static String postDatetime(Instant start) {
        return POSTED.format(postedAt(start).atZone(ZONE));
    }

    /** The documented labels of the interval starting at {@code start}. */
    static Labels labels(Instant start) {
        ZonedDateTime local = start.atZone(ZONE);
        LocalDateTime naive = local.toLocalDateTime();
        List<java.time.ZoneOffset> offsets = ZONE.getRules().getValidOffsets(naive);
        // In the fall-back overlap the second pass is the one with the smaller (standard-time) offset.
        boolean repeated = offsets.size() > 1 && local.getOffset().getTotalSeconds() == Math.min(
                offsets.get(0).getTotalSeconds(), offsets.get(1).getTotalSeconds());
        return new Labels(DATE.format(local), local.getHour() + 1, local.getMinute() / 15 + 1, repeated);
    }

    /**
     * The CSV of one posting.
     *
     * @param notANumber writes {@code abc} as the first price
     */
    static byte[] csv(Instant start, boolean notANumber) {
        Labels l = labels(start);
        StringBuilder b = new StringBuilder(HEADER).append("\r\n");
        boolean first = true;
        for (Price p : prices(start)) {
            b.append(l.date()).append(',').append(l.hour()).append(',').append(l.interval()).append(',')
                    .append(p.point()).append(',').append(p.type()).append(',')
                    .append(first && notANumber ? "abc" : Double.toString(p.price())).append(',')
                    .append(l.repeated() ? 'Y' : 'N').append("\r\n");
            first = false;
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The inner file name of a posting: {@code cdr.<RTID>.0000000000000000.<yyyyMMdd.HHmmss>.<friendly>.csv}. */
    static String fileName(Instant start) {
        return "cdr." + RTID + ".0000000000000000." + FILE_STAMP.format(postedAt(start).atZone(ZONE)) + "."
                + friendlyName(start) + ".csv";
    }

    /** A posting zip: one CSV. */
    static byte[] postingZip(Instant start, boolean notANumber) {
        return zip(List.of(new Entry(fileName(start), csv(start, notANumber))));
    }

    /** One zip entry. */
    record Entry(String name, byte[] bytes) {
    }

    static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Entry e : entries) {
                z.putNextEntry(new ZipEntry(e.name()));
                z.write(e.bytes());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
