package dev.pmp.sim.ercotapi;

import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * ERCOT's 60-day disclosures on the Public API fake (README sections 3.5, 3.8): for NP3-966-ER (DAM), NP3-965-ER
 * (SCED) and NP1-301 (COP adjustment period snapshot), {@code GET archive/{emil}?postDatetimeFrom&postDatetimeTo}
 * lists one posting per operating day D, posted on D+60 at a fixed local time, newest first; {@code ?download=}
 * its docId answers the daily zip, 404 before it is posted. The zips hold synthetic rows for a few resources,
 * deterministic from the date, labelled as the real files are (DAM hour ending 1..24 without a DST flag, the
 * repeated hour twice; SCED stamps with the Repeated Hour Flag; SMNE interval end minus 1 s; COP {@code "01:00"},
 * 1..25 on the fall-back day). A battery is a PWRSTR Generation Resource plus a {@code _LD1} Load Resource
 * before RTC+B (SCED 2025-12-05, DAM 2025-12-06) and one ESR after. Stateless; thread-safe.
 */
public final class Disclosures {

    /** Central Prevailing Time. */
    public static final ZoneId ZONE = ZoneId.of("America/Chicago");
    /** Days from the operating day to its posting. */
    public static final int LAG_DAYS = 60;
    /** The first operating day of the SCED ESR file (RTC+B). */
    public static final LocalDate SCED_ESR_FROM = LocalDate.of(2025, 12, 5);
    /** The first operating day of the DAM ESR file (RTC+B). */
    public static final LocalDate DAM_ESR_FROM = LocalDate.of(2025, 12, 6);
    /** The gas unit, in every file. */
    public static final String GAS = "SIMGAS_CC1";
    /** The battery's Generation Resource before RTC+B. */
    public static final String STORAGE_GEN = "SIMBESS_BESS1";
    /** The battery's Load Resource before RTC+B, paired with {@link #STORAGE_GEN} by its prefix. */
    public static final String STORAGE_LOAD = "SIMBESS_LD1";
    /** The battery as one Energy Storage Resource from RTC+B. */
    public static final String ESR = "SIMBESS_ESR1";
    /** An industrial controllable Load Resource, in every load file. */
    public static final String MILL = "SIMMILL_LD1";

    private static final String JSON = "application/json";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss");
    private static final DateTimeFormatter MEMBER_DATE = DateTimeFormatter.ofPattern("dd-MMM-yy", Locale.ENGLISH);
    private static final long IDS_PER_PRODUCT = 1_000_000L;

    /** One disclosure product of the fake. */
    public enum Product {
        /** NP3-966-ER 60-Day DAM Disclosure. */
        DAM("np3-966-er", "60_Day_DAM_Disclosure", LocalTime.of(4, 10), 700_000_000L),
        /** NP3-965-ER 60-Day SCED Disclosure. */
        SCED("np3-965-er", "60_Day_SCED_Disclosure", LocalTime.of(4, 20), 710_000_000L),
        /** NP1-301 60-Day COP Adjustment Period Snapshot. */
        COP("np1-301", "60d_COP_Adjustment_Period_Snapshot", LocalTime.of(4, 0), 720_000_000L);

        private final String emil;
        private final String friendlyName;
        private final LocalTime postedAt;
        private final long firstId;

        Product(String emil, String friendlyName, LocalTime postedAt, long firstId) {
            this.emil = emil;
            this.friendlyName = friendlyName;
            this.postedAt = postedAt;
            this.firstId = firstId;
        }

        /** The archive path served, under {@link ErcotApiEndpoint#BASE}. */
        public String path() {
            return ErcotApiEndpoint.BASE + "/archive/" + emil;
        }
    }

    private Disclosures() {
    }

    /** Whether {@code path} is one of the disclosure archives. */
    static boolean serves(String path) {
        return product(path) != null;
    }

    private static Product product(String path) {
        for (Product p : Product.values()) {
            if (p.path().equals(path)) {
                return p;
            }
        }
        return null;
    }

    /** Answers an authenticated, unthrottled call on a disclosure archive: the listing or a download. */
    static SimResponse answer(SimRequest request) {
        Product p = product(request.path());
        return request.query().containsKey("download") ? download(p, request) : listing(p, request);
    }

    /** The docId of the posting of operating day {@code day}. */
    public static long docId(Product p, LocalDate day) {
        return p.firstId + day.toEpochDay();
    }

    /** When the posting of operating day {@code day} appears: D+60 at the product's local posting time. */
    public static Instant postedAt(Product p, LocalDate day) {
        return day.plusDays(LAG_DAYS).atTime(p.postedAt).atZone(ZONE).toInstant();
    }

    /** Whether operating day {@code day} has a battery as one ESR in {@code p}'s files (else PWRSTR + load). */
    public static boolean hasEsr(Product p, LocalDate day) {
        return !day.isBefore(p == Product.DAM ? DAM_ESR_FROM : SCED_ESR_FROM);
    }

    /** The Generation Resources of the Gen files (and of SMNE before RTC+B): with or without the PWRSTR. */
    public static List<String> generators(boolean rtcb) {
        return rtcb ? List.of(GAS) : List.of(GAS, STORAGE_GEN);
    }

    /** The Load Resources of the load files. */
    public static List<String> loads(boolean rtcb) {
        return rtcb ? List.of(MILL) : List.of(MILL, STORAGE_LOAD);
    }

    /** The Energy Storage Resources of the ESR files: none before RTC+B. */
    public static List<String> storage(boolean rtcb) {
        return rtcb ? List.of(ESR) : List.of();
    }

    /** The resources of the SMNE file: every Generation Resource and ESR. */
    public static List<String> metered(boolean rtcb) {
        return rtcb ? List.of(GAS, ESR) : generators(false);
    }

    /** The resources of the COP snapshot. */
    public static List<String> planned(boolean rtcb) {
        return rtcb ? List.of(GAS, ESR) : generators(false);
    }

    /**
     * The synthetic value of field number {@code field} of {@code resource} at {@code at}, one decimal; a
     * battery's first two fields swing negative (charging).
     */
    public static double value(String resource, Instant at, int field) {
        long hour = Math.floorDiv(at.getEpochSecond(), 3600);
        long minute = Math.floorMod(at.getEpochSecond() / 60, 60);
        int seed = Math.floorMod(resource.hashCode(), 97);
        double v = Math.floorMod(seed * 31 + field * 17 + hour * 7 + minute, 2000) / 10.0;
        return resource.startsWith("SIMBESS") && field < 2 && hour % 2 == 0 ? -v : v;
    }

    /** The daily zip of operating day {@code day}: member name to bytes, in zip order. */
    public static Map<String, byte[]> members(Product p, LocalDate day) {
        return members(p, day, hasEsr(p, day));
    }

    /**
     * The daily zip of operating day {@code day} as it would look in the regime {@code rtcb} (ESR files and one
     * resource per battery) or before, whatever the date: tests use it for DST days of either regime.
     */
    public static Map<String, byte[]> members(Product p, LocalDate day, boolean rtcb) {
        String suffix = "-" + day.plusDays(LAG_DAYS).format(MEMBER_DATE).toUpperCase(Locale.ROOT) + ".csv";
        Map<String, byte[]> out = new LinkedHashMap<>();
        switch (p) {
            case DAM -> {
                out.put("60d_DAM_EnergyBids" + suffix, ascii(DAM_BIDS_HEADER));
                out.put("60d_DAM_Gen_Resource_Data" + suffix, damGen(day, generators(rtcb)));
                out.put("60d_DAM_Load_Resource_Data" + suffix, damLoad(day, loads(rtcb)));
                if (rtcb) {
                    out.put("60d_DAM_ESR_Data" + suffix, damGen(day, storage(true)));
                }
            }
            case SCED -> {
                out.put("60d_SCED_Gen_Resource_Data" + suffix, scedGen(day, generators(rtcb)));
                out.put("60d_Load_Resource_Data_in_SCED" + suffix, scedLoad(day, loads(rtcb)));
                out.put("60d_SCED_SMNE_GEN_RES" + suffix, smne(day, metered(rtcb)));
                out.put("60d_SCED_QSE_Self_Arranged_AS" + suffix, ascii(SELF_ARRANGED_HEADER));
                if (rtcb) {
                    out.put("60d_ESR_Data_in_SCED" + suffix, scedEsr(day));
                }
            }
            case COP -> out.put("60d_COP_Adjustment_Period_Snapshot" + suffix, cop(day, planned(rtcb)));
        }
        return out;
    }

    /** The starts of the hours of {@code day} in absolute time: 23, 24 or 25. */
    public static List<Instant> hours(LocalDate day) {
        return steps(day, Duration.ofHours(1), 0);
    }

    /** The SCED runs of {@code day}: every 5 minutes, 25 s past the mark. */
    public static List<Instant> scedRuns(LocalDate day) {
        return steps(day, Duration.ofMinutes(5), 25);
    }

    /** The starts of the 15-minute intervals of {@code day}. */
    public static List<Instant> quarterHours(LocalDate day) {
        return steps(day, Duration.ofMinutes(15), 0);
    }

    private static List<Instant> steps(LocalDate day, Duration step, long offsetSeconds) {
        Instant end = day.plusDays(1).atStartOfDay(ZONE).toInstant();
        List<Instant> out = new ArrayList<>();
        for (Instant t = day.atStartOfDay(ZONE).toInstant(); t.isBefore(end); t = t.plus(step)) {
            out.add(t.plusSeconds(offsetSeconds));
        }
        return out;
    }

    private static final String DAM_BIDS_HEADER = "\"Delivery Date\",\"Hour Ending\",\"Settlement Point\",\"QSE Name\","
            + "\"Energy Only Bid MW1\",\"Energy Only Bid Price1\",\"Energy Only Bid ID\"\r\n";
    private static final String SELF_ARRANGED_HEADER = "\"SCED Time Stamp\",\"Repeated Hour Flag\",\"QSE\",\"REGUP\","
            + "\"REGDN\",\"NSPIN\",\"NSPNM\",\"RRSPFR\",\"RRSFFR\",\"RRSUFR\",\"ECRSS\",\"ECRSM\"\r\n";

    private static byte[] damGen(LocalDate day, List<String> resources) {
        StringBuilder b = new StringBuilder("\"Delivery Date\",\"Hour Ending\",\"QSE\",\"DME\",\"Resource Name\","
                + "\"Resource Type\",\"QSE submitted Curve-MW1\",\"QSE submitted Curve-Price1\",\"QSE submitted Curve-MW2\","
                + "\"QSE submitted Curve-Price2\",\"Start Up Hot\",\"Start Up Inter\",\"Start Up Cold\",\"Min Gen Cost\","
                + "\"HSL\",\"LSL\",\"Resource Status\",\"Awarded Quantity\",\"Settlement Point Name\","
                + "\"Energy Settlement Point Price\",\"RegUp Awarded\",\"RegUp MCPC\",\"RegDown Awarded\",\"RegDown MCPC\","
                + "\"RRSPFR Awarded\",\"RRSFFR Awarded\",\"RRSUFR Awarded\",\"RRS MCPC\",\"ECRSSD Awarded\",\"ECRS MCPC\","
                + "\"NonSpin Awarded\",\"NonSpin MCPC\"\r\n");
        for (Instant h : hours(day)) {
            int he = h.atZone(ZONE).getHour() + 1;
            for (String r : resources) {
                b.append(q(day.format(DATE))).append(',').append(q(Integer.toString(he))).append(",\"QSIM\",\"DSIM\",")
                        .append(q(r)).append(',').append(q(type(r))).append(",\"0\",\"-250\",\"\",\"\",\"\",\"\",\"\",\"\",");
                appendValues(b, r, h, 0, 2).append(",\"ON\",");
                appendValues(b, r, h, 2, 1).append(',').append(q(r.substring(0, r.indexOf('_')) + "_RN")).append(',');
                appendValues(b, r, h, 3, 13).append("\r\n");
            }
        }
        return ascii(b.toString());
    }

    private static byte[] damLoad(LocalDate day, List<String> resources) {
        StringBuilder b = new StringBuilder("\"Delivery Date\",\"Hour Ending\",\"Load Resource Name\","
                + "\"Max Power Consumption for Load Resource\",\"Low Power Consumption for Load Resource\","
                + "\"RegUp Awarded\",\"RegUp MCPC\",\"RegDown Awarded\",\"RegDown MCPC\",\"RRSPFR Awarded\","
                + "\"RRSFFR Awarded\",\"RRSUFR Awarded\",\"RRS MCPC\",\"ECRSSD Awarded\",\"ECRSMD Awarded\",\"ECRS MCPC\","
                + "\"NonSpin Awarded\",\"NonSpin MCPC\"\r\n");
        for (Instant h : hours(day)) {
            int he = h.atZone(ZONE).getHour() + 1;
            for (String r : resources) {
                b.append(q(day.format(DATE))).append(',').append(q(Integer.toString(he))).append(',').append(q(r))
                        .append(',');
                appendValues(b, r, h, 0, 15).append("\r\n");
            }
        }
        return ascii(b.toString());
    }

    private static byte[] scedGen(LocalDate day, List<String> resources) {
        // The trailing space of "Telemetered Net Output " went away on 2025-12-28 (README 1.2).
        String output = day.isBefore(LocalDate.of(2025, 12, 28)) ? "Telemetered Net Output " : "Telemetered Net Output";
        StringBuilder b = new StringBuilder("\"SCED Time Stamp\",\"Repeated Hour Flag\",\"QSE\",\"DME\",\"Resource Name\","
                + "\"Resource Type\",\"SCED1 Curve-MW1\",\"SCED1 Curve-Price1\",\"Output Schedule\",\"HSL\",\"HASL\","
                + "\"HDL\",\"LSL\",\"LASL\",\"LDL\",\"Telemetered Resource Status\",\"Base Point\",\"" + output + "\","
                + "\"Ancillary Service REGUP\",\"Ancillary Service REGDN\",\"Ancillary Service RRS\","
                + "\"Ancillary Service RRSFFR\",\"Ancillary Service NSRS\",\"Ancillary Service ECRS\",\"Bid_Type\","
                + "\"Proxy Extension\"\r\n");
        for (Instant t : scedRuns(day)) {
            for (String r : resources) {
                stamp(b, t).append(",\"QSIM\",\"DSIM\",").append(q(r)).append(',').append(q(type(r)))
                        .append(",\"0\",\"-250\",\"\",");
                appendValues(b, r, t, 0, 1).append(",\"0\",\"0\",");
                appendValues(b, r, t, 1, 1).append(",\"0\",\"0\",\"ON\",");
                appendValues(b, r, t, 2, 8).append(",\"V\",\"N\"\r\n");
            }
        }
        return ascii(b.toString());
    }

    private static byte[] scedEsr(LocalDate day) {
        StringBuilder b = new StringBuilder("\"SCED Time Stamp\",\"Repeated Hour Flag\",\"QSE\",\"DME\",\"Resource Name\","
                + "\"Resource Type\",\"HSL\",\"LSL\",\"HDL\",\"LDL\",\"Telemetered Resource Status\",\"Base Point\","
                + "\"Telemetered Net Output\",\"State of Charge\",\"Minimum SOC\",\"Maximum SOC\",\"AS Awards REGUP\","
                + "\"AS Awards REGDN\",\"AS Awards RRSPFR\",\"AS Awards RRSFFR\",\"AS Awards RRSUFR\",\"AS Awards ECRS\","
                + "\"AS Awards NSPIN\"\r\n");
        for (Instant t : scedRuns(day)) {
            stamp(b, t).append(",\"QSIM\",\"DSIM\",").append(q(ESR)).append(",\"ESR\",\"100\",\"-100\",\"50\",\"-50\",\"ON\",");
            appendValues(b, ESR, t, 0, 3).append(",\"10\",\"190\",");
            appendValues(b, ESR, t, 3, 7).append("\r\n");
        }
        return ascii(b.toString());
    }

    private static byte[] scedLoad(LocalDate day, List<String> resources) {
        StringBuilder b = new StringBuilder("\"SCED Time Stamp\",\"Repeated Hour Flag\",\"QSE\",\"DME\",\"Resource Name\","
                + "\"Telemetered Resource Status\",\"Max Power Consumption\",\"Low Power Consumption\","
                + "\"Real Power Consumption\",\"AS Responsibility for RRS\",\"AS Responsibility for RRSFFR\","
                + "\"AS Responsibility for NonSpin\",\"AS Responsibility for RegUp\",\"AS Responsibility for RegDown\","
                + "\"AS Responsibility for ECRS\",\"SCED Bid to Buy Curve-MW1\",\"SCED Bid to Buy Curve-Price1\","
                + "\"HASL\",\"HDL\",\"LASL\",\"LDL\",\"Base Point\"\r\n");
        for (Instant t : scedRuns(day)) {
            for (String r : resources) {
                stamp(b, t).append(",\"QSIM\",\"\",").append(q(r)).append(",\"ONRL\",");
                appendValues(b, r, t, 0, 9).append(",\"\",\"\",");
                appendValues(b, r, t, 9, 5).append("\r\n");
            }
        }
        return ascii(b.toString());
    }

    private static byte[] smne(LocalDate day, List<String> resources) {
        StringBuilder b = new StringBuilder("\"Interval Time\",\"Interval Number\",\"Resource Code\",\"Interval Value\"\r\n");
        for (Instant start : quarterHours(day)) {
            ZonedDateTime last = start.plus(Duration.ofMinutes(15)).minusSeconds(1).atZone(ZONE);
            int number = last.getMinute() / 15 + 1;
            for (String r : resources) {
                b.append(q(last.format(STAMP))).append(',').append(q(Integer.toString(number))).append(',').append(q(r))
                        .append(',');
                appendValues(b, r, start, 0, 1).append("\r\n");
            }
        }
        return ascii(b.toString());
    }

    private static byte[] cop(LocalDate day, List<String> resources) {
        StringBuilder b = new StringBuilder("\"Delivery Date\",\"QSE Name\",\"Resource Name\",\"Hour Ending\",\"Status\","
                + "\"High Sustained Limit\",\"Low Sustained Limit\",\"High Emergency Limit\",\"Low Emergency Limit\","
                + "\"Reg Up\",\"Reg Down\",\"RRSPFR\",\"RRSFFR\",\"RRSUFR\",\"NSPIN\",\"ECRS\",\"Minimum SOC\","
                + "\"Maximum SOC\",\"Hour Beginning Planned SOC\"\r\n");
        List<Instant> hours = hours(day);
        // The fall-back day is numbered 1..25 (README 1.1); other days "01:00".."24:00", skipping 03:00 in spring.
        boolean numbered = hours.size() == 25;
        for (String r : resources) {
            for (int i = 0; i < hours.size(); i++) {
                Instant h = hours.get(i);
                String he = numbered ? Integer.toString(i + 1) : String.format("%02d:00", h.atZone(ZONE).getHour() + 1);
                b.append(q(day.format(DATE))).append(",\"QSIM\",").append(q(r)).append(',').append(q(he)).append(",\"ON\",");
                appendValues(b, r, h, 0, 14).append("\r\n");
            }
        }
        return ascii(b.toString());
    }

    /** The SCED stamp of run {@code t} and its Repeated Hour Flag: Y in the second pass of the fall-back hour. */
    private static StringBuilder stamp(StringBuilder b, Instant t) {
        ZonedDateTime z = t.atZone(ZONE);
        boolean repeated = !z.equals(z.withEarlierOffsetAtOverlap());
        return b.append(q(z.format(STAMP))).append(',').append(q(repeated ? "Y" : "N"));
    }

    private static StringBuilder appendValues(StringBuilder b, String resource, Instant at, int firstField, int count) {
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ",").append(q(format(value(resource, at, firstField + i))));
        }
        return b;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String type(String resource) {
        return switch (resource) {
            case GAS -> "CCGT90";
            case STORAGE_GEN -> "PWRSTR";
            case ESR -> "ESR";
            default -> "LR";
        };
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static SimResponse listing(Product p, SimRequest request) {
        LocalDateTime from = LocalDateTime.parse(required(request, "postDatetimeFrom"));
        LocalDateTime to = LocalDateTime.parse(required(request, "postDatetimeTo"));
        List<LocalDate> days = new ArrayList<>();
        if (request.variant() != SimRequest.Variant.EMPTY_DATA) {
            for (LocalDate posted = from.toLocalDate(); !posted.isAfter(to.toLocalDate()); posted = posted.plusDays(1)) {
                LocalDate day = posted.minusDays(LAG_DAYS);
                LocalDateTime at = posted.atTime(p.postedAt);
                if (!at.isBefore(from) && !at.isAfter(to) && !postedAt(p, day).isAfter(request.now())
                        && !request.isWithheld(day.atStartOfDay(ZONE).toInstant())) {
                    days.add(0, day);
                }
            }
        }
        StringBuilder b = new StringBuilder("{\"_meta\":{\"totalRecords\":").append(days.size())
                .append(",\"pageSize\":1000,\"totalPages\":").append(days.isEmpty() ? 0 : 1)
                .append(",\"currentPage\":1},\"product\":{\"emilId\":\"").append(p.emil.toUpperCase(Locale.ROOT)).append("\"}");
        if (!days.isEmpty()) {
            b.append(",\"archives\":[");
            for (int i = 0; i < days.size(); i++) {
                LocalDate day = days.get(i);
                long id = docId(p, day);
                b.append(i == 0 ? "" : ",").append("{\"docId\":").append(id).append(",\"friendlyName\":\"")
                        .append(p.friendlyName).append("\",\"postDatetime\":\"")
                        .append(day.plusDays(LAG_DAYS).atTime(p.postedAt)).append(":00.000\",\"_links\":{\"endpoint\":"
                                + "{\"href\":\"https://api.ercot.com/api/public-reports/archive/").append(p.emil)
                        .append("?download=").append(id).append("\"}}}");
            }
            b.append(']');
        }
        b.append(",\"_links\":{}}");
        return SimResponse.ok(JSON, b.toString());
    }

    private static SimResponse download(Product p, SimRequest request) {
        long id = Long.parseLong(required(request, "download"));
        long epochDay = id - p.firstId;
        LocalDate day = epochDay >= 0 && epochDay < IDS_PER_PRODUCT ? LocalDate.ofEpochDay(epochDay) : null;
        if (day == null || postedAt(p, day).isAfter(request.now()) || request.isWithheld(day.atStartOfDay(ZONE).toInstant())) {
            return new SimResponse(404, JSON, ("{\"timestamp\":\"2026-01-01T00:00:00\",\"code\":404,\"status\":\"NOT_FOUND\","
                    + "\"message\":\"Document " + id + " is not available for download\",\"data\":{}}")
                    .getBytes(StandardCharsets.UTF_8), Map.of());
        }
        return SimResponse.ok("application/zip", zip(members(p, day)));
    }

    /** A zip of {@code members}, in order. */
    public static byte[] zip(Map<String, byte[]> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                z.putNextEntry(new ZipEntry(m.getKey()));
                z.write(m.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String required(SimRequest request, String name) {
        String v = request.query().get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("Parameter " + name + " is required");
        }
        return v;
    }
}
