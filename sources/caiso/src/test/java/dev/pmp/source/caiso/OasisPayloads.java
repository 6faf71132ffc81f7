package dev.pmp.source.caiso;

import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds OASIS answers for tests from the documented format (shared/sources/caiso/README.md §2.3-§2.5):
 * zips of CSV members or of the {@code OASISReport} error XML, and LMP reports whose values are exact
 * binary fractions, so LMP = energy + congestion + loss (+ GHG) holds exactly.
 */
final class OasisPayloads {
    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'-00:00'")
            .withZone(ZoneOffset.UTC);

    /** The {@code PRC_INTVL_LMP} v1 header with the value column named {@code %s}. */
    static final String RT_HEADER = "INTERVALSTARTTIME_GMT,INTERVALENDTIME_GMT,OPR_DT,OPR_HR,NODE_ID_XML,NODE_ID,NODE,"
            + "MARKET_RUN_ID,LMP_TYPE,XML_DATA_ITEM,PNODE_RESMRID,GRP_TYPE,POS,%s,OPR_INTERVAL,GROUP";
    /** The {@code PRC_LMP} header (v1 and v12). */
    static final String DAM_HEADER = "INTERVALSTARTTIME_GMT,INTERVALENDTIME_GMT,OPR_DT,OPR_HR,OPR_INTERVAL,NODE_ID_XML,"
            + "NODE_ID,NODE,MARKET_RUN_ID,LMP_TYPE,XML_DATA_ITEM,PNODE_RESMRID,GRP_TYPE,POS,MW,GROUP";

    private static final String[][] TYPES = {{"LMP", "LMP_PRC"}, {"MCE", "LMP_ENE_PRC"}, {"MCC", "LMP_CONG_PRC"},
        {"MCL", "LMP_LOSS_PRC"}, {"MGHG", "LMP_GHG_PRC"}};

    private OasisPayloads() {
    }

    /** A zip holding the given members, in order. */
    static byte[] zip(Map<String, byte[]> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(m.getKey()));
                zip.write(m.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zip holding one member. */
    static byte[] zip(String name, String content) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(name, content.getBytes(StandardCharsets.UTF_8));
        return zip(m);
    }

    /** The error document OASIS zips up with HTTP 200, in the recorded layout. */
    static String errorXml(int code, String description) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<m:OASISReport xmlns:m=\"http://www.caiso.com/soa/OASISReport_v1.xsd\">\n<m:MessageHeader>\n"
                + "\t<m:TimeDate>2026-10-05T11:36:06.108Z</m:TimeDate>\n\t<m:Source>OASIS</m:Source>\n"
                + "\t<m:Version>v20131201</m:Version>\n</m:MessageHeader>\n<m:MessagePayload>\n<m:RTO>\n"
                + "<m:name>CAISO</m:name>\n<m:ERROR>\n<m:ERR_CODE>" + code + "</m:ERR_CODE>\n<m:ERR_DESC>" + description
                + "</m:ERR_DESC>\n</m:ERROR>\n\n</m:RTO>\n</m:MessagePayload>\n</m:OASISReport>";
    }

    /** The answer to {@code request}, fetched at {@code fetchedAt}. */
    static FetchResponse response(FetchRequest request, byte[] body, Instant fetchedAt) {
        return new FetchResponse(request.uri(), 200, "application/x-zip-compressed", body, fetchedAt);
    }

    /** The answer to a request for {@code uri}. */
    static FetchResponse response(URI uri, byte[] body, Instant fetchedAt) {
        return new FetchResponse(uri, 200, "text/csv", body, fetchedAt);
    }

    /** A classpath resource of this package's {@code fixtures/}. */
    static byte[] fixture(String name) {
        try (InputStream in = OasisPayloads.class.getResourceAsStream("fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Energy component of node {@code n} in interval {@code i}: exact in binary. */
    static double energy(int n, int i) {
        return 30 + (i % 40) * 0.25 + n;
    }

    static double congestion(int n, int i) {
        return -0.125 * n + (i % 3 == 0 ? 0.5 : 0);
    }

    static double loss(int n, int i) {
        return 0.03125 * (i % 7) - 0.0625 * n;
    }

    static double ghg(int n, int i) {
        return i % 2 == 0 ? 0.25 : 0;
    }

    static double lmp(int n, int i, boolean withGhg) {
        return energy(n, i) + congestion(n, i) + loss(n, i) + (withGhg ? ghg(n, i) : 0);
    }

    /**
     * A real-time LMP report (RT header layout) for {@code nodes} over {@code [from, to)}, one line per
     * node, interval and component, with OPR_DT/OPR_HR as OASIS labels them (hour 25 for the repeated
     * fall-back hour).
     */
    static String rtLmp(String valueColumn, String market, List<String> nodes, Instant from, Instant to,
            Duration cadence, boolean withGhg) {
        StringBuilder sb = new StringBuilder(String.format(RT_HEADER, valueColumn)).append('\n');
        int i = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(cadence), i++) {
            for (int n = 0; n < nodes.size(); n++) {
                for (int c = 0; c < (withGhg ? 5 : 4); c++) {
                    String node = nodes.get(n);
                    sb.append(GMT.format(t)).append(',').append(GMT.format(t.plus(cadence))).append(',')
                            .append(operatingDay(t)).append(',').append(String.format("%02d", hourEnding(t))).append(',')
                            .append(node).append(',').append(node).append(',').append(node).append(',').append(market)
                            .append(',').append(TYPES[c][0]).append(',').append(TYPES[c][1]).append(',').append(node)
                            .append(",ALL_APNODES,0,").append(value(c, n, i, withGhg)).append(',')
                            .append(interval(t, cadence)).append(',').append(c + 1).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** A day-ahead LMP report ({@code PRC_LMP} layout) for {@code nodes} over {@code [from, to)}. */
    static String damLmp(List<String> nodes, Instant from, Instant to) {
        StringBuilder sb = new StringBuilder(DAM_HEADER).append('\n');
        int i = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofHours(1)), i++) {
            for (int n = 0; n < nodes.size(); n++) {
                for (int c = 0; c < 5; c++) {
                    String node = nodes.get(n);
                    sb.append(GMT.format(t)).append(',').append(GMT.format(t.plusSeconds(3600))).append(',')
                            .append(operatingDay(t)).append(',').append(hourEnding(t)).append(",0,").append(node)
                            .append(',').append(node).append(',').append(node).append(",DAM,").append(TYPES[c][0])
                            .append(',').append(TYPES[c][1]).append(',').append(node).append(",ALL_APNODES,0,")
                            .append(value(c, n, i, true)).append(',').append(c + 1).append('\n');
                }
            }
        }
        return sb.toString();
    }

    static double value(int component, int n, int i, boolean withGhg) {
        return switch (component) {
            case 0 -> lmp(n, i, withGhg);
            case 1 -> energy(n, i);
            case 2 -> congestion(n, i);
            case 3 -> loss(n, i);
            default -> ghg(n, i);
        };
    }

    static String operatingDay(Instant t) {
        return t.atZone(PACIFIC).toLocalDate().toString();
    }

    /** OASIS' OPR_HR: hour ending, 25 for the repeated (standard-time) hour of the fall-back day. */
    static int hourEnding(Instant t) {
        ZonedDateTime z = t.atZone(PACIFIC);
        boolean repeated = !z.withEarlierOffsetAtOverlap().equals(z);
        return repeated ? 25 : z.getHour() + 1;
    }

    private static int interval(Instant t, Duration cadence) {
        return (int) (t.getEpochSecond() % 3600 / cadence.toSeconds()) + 1;
    }
}
