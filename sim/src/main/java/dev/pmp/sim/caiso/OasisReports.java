package dev.pmp.sim.caiso;

import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Answers OASIS {@code SingleZip} queries as OASIS does: HTTP 200 with a zip holding one CSV report
 * ({@code resultformat=6}), or the {@code OASISReport} error XML (1000 no data, 1004 window over 31
 * days, 1002 a request it cannot read). Serves {@code PRC_LMP} (DAM), {@code PRC_INTVL_LMP} (RTM),
 * {@code PRC_RTPD_LMP} (RTPD), {@code PRC_AS} (DAM) and {@code SLD_FCST} (ACTUAL, DAM, 2DA, 7DA).
 * Real-time intervals are published once they end; day-ahead ones from 13:00 Pacific the day before;
 * actual load an hour after the hour.
 */
final class OasisReports {
    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm'-0000'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'-00:00'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(PACIFIC);

    /** The nodes of a {@code grp_type=ALL} request. */
    static final List<String> ALL_NODES;

    static {
        List<String> all = new ArrayList<>(List.of("TH_NP15_GEN-APND", "TH_SP15_GEN-APND", "TH_ZP26_GEN-APND",
                "DLAP_PGAE-APND", "DLAP_SCE-APND", "DLAP_SDGE-APND", "DLAP_VEA-APND"));
        for (int i = 1; i <= 25; i++) {
            all.add(String.format("SIM_%02d_N001", i));
        }
        ALL_NODES = List.copyOf(all);
    }

    static final List<String> REGIONS = List.of("AS_CAISO_EXP", "AS_NP26_EXP", "AS_SP26_EXP");
    static final List<String> PRODUCTS = List.of("NR", "RD", "RMD", "RMU", "RU", "SR");
    static final List<String> AREAS = List.of("CA ISO-TAC", "PGE-TAC", "SCE-TAC", "SDGE-TAC");
    static final List<String> FORECASTS = List.of("ACTUAL", "DAM", "2DA", "7DA");
    private static final String[][] COMPONENTS = {{"LMP", "LMP_PRC"}, {"MCC", "LMP_CONG_PRC"}, {"MCE", "LMP_ENE_PRC"},
        {"MCL", "LMP_LOSS_PRC"}, {"MGHG", "LMP_GHG_PRC"}};

    private OasisReports() {
    }

    static SimResponse answer(SimRequest request) {
        Map<String, String> q = request.query();
        String query = q.getOrDefault("queryname", "");
        int version;
        Instant start;
        Instant end;
        try {
            version = Integer.parseInt(q.getOrDefault("version", ""));
            start = Instant.from(REQUEST_TIME.parse(q.getOrDefault("startdatetime", "")));
            end = Instant.from(REQUEST_TIME.parse(q.getOrDefault("enddatetime", "")));
        } catch (NumberFormatException | DateTimeParseException e) {
            return error(query, 1002, "Invalid request: version, startdatetime and enddatetime are mandatory");
        }
        if (!end.isAfter(start)) {
            return error(query, 1002, "Invalid request: enddatetime must be after startdatetime");
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(31)) > 0) {
            return error(query, 1004, "Data can be requested for period of 31 days only");
        }
        String market = q.getOrDefault("market_run_id", "");
        StringBuilder csv = new StringBuilder();
        int lines = switch (query) {
            case "PRC_LMP" -> lmp(csv, request, "DAM", Duration.ofHours(1), "MW", true, start, end);
            case "PRC_INTVL_LMP" -> lmp(csv, request, "RTM", Duration.ofMinutes(5), version >= 2 ? "VALUE" : "MW",
                    false, start, end);
            case "PRC_RTPD_LMP" -> lmp(csv, request, "RTPD", Duration.ofMinutes(15), "PRC", false, start, end);
            case "PRC_AS" -> ancillary(csv, request, start, end);
            case "SLD_FCST" -> FORECASTS.contains(market) ? load(csv, request, market, start, end) : -1;
            default -> -1;
        };
        if (lines < 0) {
            return error(query, 1002, "Invalid request: queryname " + query + " with market_run_id " + market
                    + " is not served by the simulator");
        }
        if (lines == 0 || request.variant() == SimRequest.Variant.EMPTY_DATA) {
            return error(query, 1000, "No data returned for the specified selection");
        }
        String body = csv.toString();
        if (request.variant() == SimRequest.Variant.NOT_A_NUMBER) {
            body = firstValueNotANumber(body, query.equals("PRC_AS") || query.equals("SLD_FCST") ? "MW"
                    : valueColumn(body));
        }
        String name = DAY.format(start) + "_" + DAY.format(end) + "_" + query + "_" + market + "_v" + version + ".csv";
        return zip(name, body);
    }

    private static int lmp(StringBuilder sb, SimRequest request, String market, Duration cadence, String valueColumn,
            boolean dayAhead, Instant start, Instant end) {
        List<String> nodes = nodes(request.query());
        sb.append(dayAhead
                ? "INTERVALSTARTTIME_GMT,INTERVALENDTIME_GMT,OPR_DT,OPR_HR,OPR_INTERVAL,NODE_ID_XML,NODE_ID,NODE,"
                        + "MARKET_RUN_ID,LMP_TYPE,XML_DATA_ITEM,PNODE_RESMRID,GRP_TYPE,POS,MW,GROUP\n"
                : "INTERVALSTARTTIME_GMT,INTERVALENDTIME_GMT,OPR_DT,OPR_HR,NODE_ID_XML,NODE_ID,NODE,MARKET_RUN_ID,"
                        + "LMP_TYPE,XML_DATA_ITEM,PNODE_RESMRID,GRP_TYPE,POS," + valueColumn + ",OPR_INTERVAL,GROUP\n");
        int lines = 0;
        // OASIS writes one block per component; rows are not sorted by time across blocks.
        for (int c = 0; c < COMPONENTS.length; c++) {
            for (Instant t = align(start, cadence); t.isBefore(end); t = t.plus(cadence)) {
                if (!published(t, cadence, dayAhead, request.now()) || request.isWithheld(t)) {
                    continue;
                }
                for (String node : nodes) {
                    int n = ALL_NODES.indexOf(node);
                    int id = n >= 0 ? n : Math.floorMod(node.hashCode(), 97);
                    double value = switch (c) {
                        case 0 -> SimPrices.lmp(id, t);
                        case 1 -> SimPrices.congestion(id, t);
                        case 2 -> SimPrices.energy(id, t);
                        case 3 -> SimPrices.loss(id, t);
                        default -> SimPrices.ghg(id, t);
                    };
                    String head = GMT.format(t) + "," + GMT.format(t.plus(cadence)) + "," + operatingDay(t) + ","
                            + hourEnding(t);
                    String ids = node + "," + node + "," + node + "," + market + "," + COMPONENTS[c][0] + ","
                            + COMPONENTS[c][1] + "," + node + ",ALL_APNODES,0,";
                    if (dayAhead) {
                        sb.append(head).append(",0,").append(ids).append(value).append(',').append(c + 1).append('\n');
                    } else {
                        sb.append(head).append(',').append(ids).append(value).append(',').append(slot(t, cadence))
                                .append(',').append(c + 1).append('\n');
                    }
                    lines++;
                }
            }
        }
        return lines;
    }

    private static int ancillary(StringBuilder sb, SimRequest request, Instant start, Instant end) {
        sb.append("INTERVALSTARTTIME_GMT,INTERVALENDTIME_GMT,OPR_DT,OPR_HR,OPR_INTERVAL,OPR_TYPE,ANC_TYPE,ANC_REGION,"
                + "MARKET_RUN_ID,XML_DATA_ITEM,MW,GROUP\n");
        int lines = 0;
        Duration hour = Duration.ofHours(1);
        for (Instant t = align(start, hour); t.isBefore(end); t = t.plus(hour)) {
            if (!published(t, hour, true, request.now()) || request.isWithheld(t)) {
                continue;
            }
            for (int r = 0; r < REGIONS.size(); r++) {
                for (int p = 0; p < PRODUCTS.size(); p++) {
                    sb.append(GMT.format(t)).append(',').append(GMT.format(t.plus(hour))).append(',')
                            .append(operatingDay(t)).append(',').append(hourEnding(t)).append(",0,RTM,")
                            .append(PRODUCTS.get(p)).append(',').append(REGIONS.get(r)).append(",DAM,")
                            .append(PRODUCTS.get(p)).append("_CLR_PRC,").append(SimPrices.ancillary(r, p, t))
                            .append(",1\n");
                    lines++;
                }
            }
        }
        return lines;
    }

    private static int load(StringBuilder sb, SimRequest request, String market, Instant start, Instant end) {
        sb.append("INTERVALSTARTTIME_GMT,INTERVALENDTIME_GMT,OPR_DT,OPR_HR,OPR_INTERVAL,LOAD_TYPE,XML_DATA_ITEM,"
                + "TAC_AREA_NAME,MARKET_RUN_ID,MW,EXECUTION_TYPE,GROUP\n");
        int vintage = FORECASTS.indexOf(market);
        boolean actual = vintage == 0;
        int lines = 0;
        Duration hour = Duration.ofHours(1);
        for (Instant t = align(start, hour); t.isBefore(end); t = t.plus(hour)) {
            boolean published = actual ? !t.plus(Duration.ofHours(2)).isAfter(request.now())
                    : published(t, hour, true, request.now());
            if (!published || request.isWithheld(t)) {
                continue;
            }
            for (int a = 0; a < AREAS.size(); a++) {
                sb.append(GMT.format(t)).append(',').append(GMT.format(t.plus(hour))).append(',').append(operatingDay(t))
                        .append(',').append(hourEnding(t)).append(",0,0,SYS_FCST_").append(market).append("_MW,")
                        .append(AREAS.get(a)).append(',').append(market).append(',')
                        .append(SimPrices.load(a, vintage, t)).append(",,1\n");
                lines++;
            }
        }
        return lines;
    }

    /**
     * Whether OASIS has published the interval starting at {@code t} by {@code now}: real time once it
     * ended, day-ahead from 13:00 Pacific of the day before its operating day.
     */
    static boolean published(Instant t, Duration cadence, boolean dayAhead, Instant now) {
        if (!dayAhead) {
            return !t.plus(cadence).isAfter(now);
        }
        LocalDate day = t.atZone(PACIFIC).toLocalDate();
        Instant publishedAt = day.minusDays(1).atTime(13, 0).atZone(PACIFIC).toInstant();
        return !now.isBefore(publishedAt);
    }

    private static List<String> nodes(Map<String, String> query) {
        if ("ALL".equalsIgnoreCase(query.getOrDefault("grp_type", ""))) {
            return ALL_NODES;
        }
        String list = query.getOrDefault("node", "");
        return list.isEmpty() ? List.of() : Arrays.stream(list.split(",")).map(String::strip).toList();
    }

    private static Instant align(Instant t, Duration cadence) {
        long step = cadence.toSeconds();
        long s = t.getEpochSecond();
        return Instant.ofEpochSecond(Math.floorDiv(s + step - 1, step) * step);
    }

    private static String operatingDay(Instant t) {
        return t.atZone(PACIFIC).toLocalDate().toString();
    }

    /** OASIS' OPR_HR: hour ending, 25 for the repeated (standard-time) hour of the fall-back day. */
    private static String hourEnding(Instant t) {
        ZonedDateTime z = t.atZone(PACIFIC);
        return String.format("%02d", z.withEarlierOffsetAtOverlap().equals(z) ? z.getHour() + 1 : 25);
    }

    private static int slot(Instant t, Duration cadence) {
        return (int) (t.getEpochSecond() % 3600 / cadence.toSeconds()) + 1;
    }

    private static String valueColumn(String csv) {
        String header = csv.substring(0, csv.indexOf('\n'));
        for (String c : List.of("VALUE", "PRC")) {
            if (Arrays.asList(header.split(",")).contains(c)) {
                return c;
            }
        }
        return "MW";
    }

    private static String firstValueNotANumber(String csv, String column) {
        int lineEnd = csv.indexOf('\n');
        int column0 = Arrays.asList(csv.substring(0, lineEnd).split(",")).indexOf(column);
        int next = csv.indexOf('\n', lineEnd + 1);
        String[] cells = csv.substring(lineEnd + 1, next).split(",", -1);
        cells[column0] = "abc";
        return csv.substring(0, lineEnd + 1) + String.join(",", cells) + csv.substring(next);
    }

    private static SimResponse error(String query, int code, String description) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<m:OASISReport xmlns:m=\"http://www.caiso.com/soa/OASISReport_v1.xsd\">\n<m:MessageHeader>\n"
                + "\t<m:TimeDate>2026-10-05T11:36:06.108Z</m:TimeDate>\n\t<m:Source>OASIS</m:Source>\n"
                + "\t<m:Version>v20131201</m:Version>\n</m:MessageHeader>\n<m:MessagePayload>\n<m:RTO>\n"
                + "<m:name>CAISO</m:name>\n<m:ERROR>\n<m:ERR_CODE>" + code + "</m:ERR_CODE>\n<m:ERR_DESC>" + description
                + "</m:ERR_DESC>\n</m:ERROR>\n\n</m:RTO>\n</m:MessagePayload>\n</m:OASISReport>";
        return zip((query.isEmpty() ? "INVALID_REQUEST" : query) + ".xml", xml);
    }

    private static SimResponse zip(String name, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SimResponse(200, "application/x-zip-compressed", out.toByteArray(),
                Map.of("Content-Disposition", "inline; filename=" + name + ".zip"));
    }
}
