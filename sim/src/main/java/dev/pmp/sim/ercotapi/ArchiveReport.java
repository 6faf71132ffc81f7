package dev.pmp.sim.ercotapi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One ERCOT report as the Public API serves it (README sections 3.4, 3.5, 3.7): a sequence of postings, posting
 * {@code k} holding the rows of one data unit (a 15-minute interval, a delivery day or a SCED run), each with a
 * doc id growing with posting order, a post time, a friendly name, and rows written as CSV (archive) or JSON row
 * arrays (query). Subclasses generate the rows deterministically from {@code k}; stateless and thread-safe.
 */
abstract class ArchiveReport {

    /** How a report's postings follow one another. */
    enum Cadence {
        /** One posting per 15-minute interval, {@code k} = epoch seconds / 900. */
        QUARTER_HOUR,
        /** One posting per delivery (operating) day, {@code k} = epoch day of the local date. */
        DAY,
        /** One posting per SCED run, 17 s after each 5-minute mark, {@code k} = epoch seconds of the mark / 300. */
        SCED
    }

    static final DateTimeFormatter CSV_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    static final DateTimeFormatter CSV_STAMP = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss");
    static final DateTimeFormatter API_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter POSTED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd.HHmmss");
    /** A SCED run comes this long after its 5-minute mark. */
    static final Duration SCED_OFFSET = Duration.ofSeconds(17);

    /**
     * What names a report and its postings.
     *
     * @param emil the product id as paths take it, {@code np4-190-cd}
     * @param artifact the query endpoint's artifact, {@code dam_stlmnt_pnt_prices}
     * @param filter the range-filtered query field, {@code deliveryDate}, {@code operatingDay} or {@code SCEDTimestamp}
     * @param cadence how its postings follow one another
     * @param firstDocId the first doc id: posting {@code k} is {@code firstDocId + k}
     * @param rtid the MIS report type id in the posting file's name
     * @param friendlyPrefix the friendly name's prefix; the name ends with the posting's stamp
     */
    record Facts(String emil, String artifact, String filter, Cadence cadence, long firstDocId, String rtid,
            String friendlyPrefix) {
    }

    private final Facts facts;

    ArchiveReport(Facts facts) {
        this.facts = facts;
    }

    /** The product id as paths take it, {@code np4-190-cd}. */
    final String emil() {
        return facts.emil();
    }

    /** The query endpoint's artifact, {@code dam_stlmnt_pnt_prices}. */
    final String artifact() {
        return facts.artifact();
    }

    /** The range-filtered query field, {@code deliveryDate}, {@code operatingDay} or {@code SCEDTimestamp}. */
    final String filter() {
        return facts.filter();
    }

    /** How its postings follow one another. */
    final Cadence cadence() {
        return facts.cadence();
    }

    /** The first doc id: posting {@code k} is {@code firstDocId() + k}. */
    final long firstDocId() {
        return facts.firstDocId();
    }

    /** The MIS report type id in the posting file's name. */
    final String rtid() {
        return facts.rtid();
    }

    /** The friendly name's prefix; the name ends with the posting's stamp. */
    final String friendlyPrefix() {
        return facts.friendlyPrefix();
    }

    /** The CSV header of posting {@code k}. */
    abstract String header(long k);

    /** The query endpoint's field names. */
    abstract List<String> fields();

    /**
     * The rows of posting {@code k}, each in CSV column order: {@link LocalDate}, {@link LocalDateTime},
     * {@link Boolean} (a flag: {@code Y}/{@code N} in CSV), {@link Integer}, {@link Double} or {@link String}
     * (an hour ending such as {@code "01:00"}, a name).
     */
    abstract List<List<Object>> records(long k);

    /** The rows of posting {@code k} as the query endpoint serves them, in {@link #fields()} order. */
    List<List<Object>> apiRecords(long k) {
        return records(k);
    }

    /** When posting {@code k} appears. */
    abstract Instant postedAt(long k);

    /** Whether the report has posting {@code k} at all (a product that started later). */
    boolean exists(long k) {
        return true;
    }

    /** Doc ids one bulk download may name: the product catalog's {@code downloadLimit}. */
    int downloadLimit() {
        return 1000;
    }

    /** The first doc id of the monthly bundles. */
    long bundleBase() {
        return firstDocId() + 50_000_000L;
    }

    /** The bundle's friendly name prefix, as the postings' ({@code SPPHLZNP6905_2026-06}). */
    String bundlePrefix() {
        return friendlyPrefix();
    }

    /** The start of the data of posting {@code k} (the interval, the day's first hour, the SCED run). */
    final Instant start(long k) {
        return switch (cadence()) {
            case QUARTER_HOUR -> Instant.ofEpochSecond(k * 900);
            case DAY -> LocalDate.ofEpochDay(k).atStartOfDay(SppPostings.ZONE).toInstant();
            case SCED -> Instant.ofEpochSecond(k * 300).plus(SCED_OFFSET);
        };
    }

    /** The posting whose data holds {@code t}, or the last before it. */
    final long unit(Instant t) {
        return switch (cadence()) {
            case QUARTER_HOUR -> Math.floorDiv(t.getEpochSecond(), 900);
            case DAY -> t.atZone(SppPostings.ZONE).toLocalDate().toEpochDay();
            case SCED -> Math.floorDiv(t.minus(SCED_OFFSET).getEpochSecond(), 300);
        };
    }

    /** The value the query filter compares for posting {@code k}: its local delivery day or SCED stamp. */
    final LocalDateTime filterValue(long k) {
        return switch (cadence()) {
            case QUARTER_HOUR, DAY -> start(k).atZone(SppPostings.ZONE).toLocalDate().atStartOfDay();
            case SCED -> start(k).atZone(SppPostings.ZONE).toLocalDateTime();
        };
    }

    /** Whether the query filter takes timestamps rather than dates. */
    final boolean timestampFilter() {
        return cadence() == Cadence.SCED;
    }

    final long docId(long k) {
        return firstDocId() + k;
    }

    /** The posting of {@code docId}, or -1 when the id is not one of this report's postings. */
    final long posting(long docId) {
        long k = docId - firstDocId();
        return k < 0 || k >= 50_000_000L || !exists(k) ? -1 : k;
    }

    /** {@code postDatetime} as the listing writes it: local time, milliseconds, no offset. */
    final String postDatetime(long k) {
        return POSTED.format(postedAt(k).atZone(SppPostings.ZONE));
    }

    /** The friendly name: prefix and the posting's local stamp. */
    String friendlyName(long k) {
        ZonedDateTime local = start(k).atZone(SppPostings.ZONE);
        return friendlyPrefix() + switch (cadence()) {
            case QUARTER_HOUR -> DateTimeFormatter.ofPattern("yyyyMMdd_HHmm").format(start(k).plus(SppPostings.INTERVAL)
                    .atZone(SppPostings.ZONE));
            case DAY -> DateTimeFormatter.ofPattern("yyyyMMdd").format(local);
            case SCED -> DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").format(local);
        };
    }

    /** The inner file name: {@code cdr.<RTID>.0000000000000000.<yyyyMMdd.HHmmss>.<friendly>.csv}. */
    final String fileName(long k) {
        return "cdr." + rtid() + ".0000000000000000." + FILE_STAMP.format(postedAt(k).atZone(SppPostings.ZONE)) + "."
                + friendlyName(k) + ".csv";
    }

    /**
     * The CSV of posting {@code k}.
     *
     * @param notANumber writes {@code abc} for the first number
     */
    final byte[] csv(long k, boolean notANumber) {
        StringBuilder b = new StringBuilder(header(k)).append("\r\n");
        boolean spoil = notANumber;
        for (List<Object> r : records(k)) {
            for (int i = 0; i < r.size(); i++) {
                Object v = r.get(i);
                if (i > 0) {
                    b.append(',');
                }
                if (v instanceof Double && spoil) {
                    b.append("abc");
                    spoil = false;
                } else {
                    b.append(csvText(v));
                }
            }
            b.append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The posting zip of {@code k}: one CSV. */
    final byte[] postingZip(long k, boolean notANumber) {
        return SppPostings.zip(List.of(new SppPostings.Entry(fileName(k), csv(k, notANumber))));
    }

    /** Appends one query row array. */
    static void appendJson(StringBuilder b, List<Object> r, boolean notANumber) {
        b.append('[');
        boolean spoil = notANumber;
        for (int i = 0; i < r.size(); i++) {
            Object v = r.get(i);
            if (i > 0) {
                b.append(',');
            }
            if (v instanceof LocalDate d) {
                b.append('"').append(d).append('"');
            } else if (v instanceof LocalDateTime t) {
                b.append('"').append(API_STAMP.format(t)).append('"');
            } else if (v instanceof String s) {
                b.append('"').append(s).append('"');
            } else if (v instanceof Double && spoil) {
                b.append("\"abc\"");
                spoil = false;
            } else {
                b.append(v);
            }
        }
        b.append(']');
    }

    private static String csvText(Object v) {
        if (v instanceof LocalDate d) {
            return CSV_DATE.format(d);
        }
        if (v instanceof LocalDateTime t) {
            return CSV_STAMP.format(t);
        }
        if (v instanceof Boolean flag) {
            return flag ? "Y" : "N";
        }
        return String.valueOf(v);
    }

    /** Whether {@code at} is the second (standard-time) pass of the fall-back hour. */
    static boolean repeated(Instant at) {
        ZonedDateTime local = at.atZone(SppPostings.ZONE);
        List<ZoneOffset> offsets = SppPostings.ZONE.getRules().getValidOffsets(local.toLocalDateTime());
        return offsets.size() > 1 && local.getOffset().getTotalSeconds() == Math.min(offsets.get(0).getTotalSeconds(),
                offsets.get(1).getTotalSeconds());
    }

    /** The hours of local day {@code day}: 23, 24 or 25 starts. */
    static List<Instant> hours(LocalDate day) {
        List<Instant> out = new ArrayList<>(25);
        Instant end = day.plusDays(1).atStartOfDay(SppPostings.ZONE).toInstant();
        for (Instant h = day.atStartOfDay(SppPostings.ZONE).toInstant(); h.isBefore(end); h = h.plus(Duration.ofHours(1))) {
            out.add(h);
        }
        return out;
    }

    /**
     * The hour-ending label of the hour starting at {@code start}, {@code "01:00"}..{@code "24:00"}: the spring
     * day skips {@code 03:00}, the fall-back day repeats {@code 02:00} (README section 1.1).
     */
    static String hourEnding(Instant start) {
        return String.format("%02d:00", start.atZone(SppPostings.ZONE).getHour() + 1);
    }

    /** A deterministic value around {@code base}, varying with {@code seed} and {@code i}. */
    static double value(double base, long seed, int i) {
        return Math.round((base + 6 * Math.sin((seed + 7L * i) * Math.PI / 24.0) + ((seed + i) % 5) * 0.11) * 100) / 100.0;
    }
}
