package dev.pmp.sim.miso;

import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimRequest.Variant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bodies of MISO's public real-time API ({@code public-api.misoenergy.org/api/...}) as they would
 * read at {@link SimRequest#now()}, in the shape of the 2026-10-02 recordings, with {@link MisoCurves}
 * values. Withheld samples are left out; {@link Variant#EMPTY_DATA} empties the list and
 * {@link Variant#NOT_A_NUMBER} writes {@code "abc"} into the first value. Stateless.
 */
final class PublicApi {

    private static final Duration FIVE = Duration.ofMinutes(5);
    private static final Duration QUARTER = Duration.ofMinutes(15);
    private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter TWELVE_HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd h:mm:ss a", Locale.US);
    private static final DateTimeFormatter REF_DAY = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.US);
    private static final List<String> MCP_FIELDS = List.of("GenRegMCP", "GenSpinMCP", "GenSuppMCP", "StrMcp",
            "DemandRegMcp", "DemandSpinMcp", "DemandSuppMcp", "RcpUpMcp", "RcpDownMcp");

    private PublicApi() {
    }

    private static LocalDateTime est(Instant t) {
        return LocalDateTime.ofInstant(t, MisoCurves.EST);
    }

    /** The start of the newest complete 5-minute interval at {@code now}. */
    static Instant latestFiveMinute(Instant now) {
        long step = FIVE.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), step) * step).minus(FIVE);
    }

    private static String refId(Instant t) {
        return REF_DAY.format(est(t)) + " - Interval " + String.format("%02d:%02d", est(t).getHour(),
                est(t).getMinute()) + " EST";
    }

    /**
     * {@code CsatSupplyDemand}: today's complete quarter hours as actuals, then forecasts as recorded: every
     * 15 minutes for 1 h 45, every 30 minutes for the next 1 h 30, then on the hour to 23:00 EST.
     */
    static String csatSupplyDemand(SimRequest request) {
        Instant now = request.now();
        LocalDate day = MisoCurves.day(now);
        Instant dayStart = MisoCurves.start(day);
        Instant lastHour = dayStart.plus(Duration.ofHours(23));
        List<String> rows = new ArrayList<>();
        if (request.variant() == Variant.EMPTY_DATA) {
            return "[]";
        }
        Instant t = dayStart;
        for (; !t.plus(QUARTER).isAfter(now); t = t.plus(QUARTER)) {
            if (request.isWithheld(t)) {
                continue;
            }
            String demand = rows.isEmpty() && request.variant() == Variant.NOT_A_NUMBER ? "\"abc\""
                    : Long.toString(MisoCurves.load(t));
            rows.add("{\"id\":" + (rows.size() + 1) + ",\"timeEst\":\"" + ISO_LOCAL.format(est(t)) + "\",\"demand\":"
                    + demand + ",\"committedCapacity\":" + MisoCurves.committed(t) + ",\"demandForecast\":null,"
                    + "\"committedCapacityForecast\":null,\"availableCapacity\":null}");
        }
        Instant firstForecast = t;
        while (!t.isAfter(lastHour)) {
            rows.add("{\"id\":" + (rows.size() + 1) + ",\"timeEst\":\"" + ISO_LOCAL.format(est(t)) + "\",\"demand\":null,"
                    + "\"committedCapacity\":null,\"demandForecast\":" + MisoCurves.load(t)
                    + ",\"committedCapacityForecast\":" + MisoCurves.committed(t) + ",\"availableCapacity\":"
                    + MisoCurves.available(t) + "}");
            Duration into = Duration.between(firstForecast, t);
            if (into.compareTo(Duration.ofMinutes(105)) < 0) {
                t = t.plus(QUARTER);
            } else if (into.compareTo(Duration.ofMinutes(195)) < 0) {
                t = t.plus(Duration.ofMinutes(30 - est(t).getMinute() % 30));
            } else {
                t = t.plus(Duration.ofMinutes(60 - est(t).getMinute()));
            }
        }
        return "[" + String.join(",", rows) + "]";
    }

    /** {@code CsatNextDayShortTermReserveRequirement}: tomorrow's three regions, created 07:06:10 EST today. */
    static String csatReserveRequirement(SimRequest request) {
        LocalDate tomorrow = MisoCurves.day(request.now()).plusDays(1);
        if (request.variant() == Variant.EMPTY_DATA || request.isWithheld(MisoCurves.start(tomorrow))) {
            return "[]";
        }
        String created = MisoCurves.day(request.now()) + "T07:06:10";
        String req = request.variant() == Variant.NOT_A_NUMBER ? "\"abc\"" : "0";
        return "[{\"forecastPeakHourEst\":\"" + tomorrow + "T13:00:00\",\"region\":\"South\",\"forecastCreatedTime\":\""
                + created + "\",\"strReq\":" + req + ",\"strOverwrite\":0},{\"forecastPeakHourEst\":\"" + tomorrow
                + "T18:00:00\",\"region\":\"North/Central\",\"forecastCreatedTime\":\"" + created
                + "\",\"strReq\":0,\"strOverwrite\":0},{\"forecastPeakHourEst\":\"" + tomorrow
                + "T18:00:00\",\"region\":\"Systemwide\",\"forecastCreatedTime\":\"" + created
                + "\",\"strReq\":0,\"strOverwrite\":0}]";
    }

    /** {@code FuelMix}: the newest complete 5-minute interval that is not withheld (within the hour). */
    static String fuelMix(SimRequest request) {
        Instant t = latestPublished(request);
        List<String> types = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < MisoCurves.FUELS.size() && request.variant() != Variant.EMPTY_DATA; i++) {
            long mw = MisoCurves.fuel(i, t);
            total += mw;
            String act = i == 0 && request.variant() == Variant.NOT_A_NUMBER ? "abc" : Long.toString(mw);
            types.add("{\"INTERVALEST\":\"" + TWELVE_HOUR.format(est(t)) + "\",\"CATEGORY\":\"" + MisoCurves.FUELS.get(i)
                    + "\",\"ACT\":\"" + act + "\",\"FUEL_CATEGORY\":\"" + MisoCurves.FUELS.get(i) + "  ("
                    + String.format(Locale.US, "%,d", mw) + " MW)\"}");
        }
        return "{\"RefId\":\"" + refId(t) + "\",\"TotalMW\":\"" + total + "\",\"Fuel\":{\"Type\":["
                + String.join(",", types) + "]}}";
    }

    /** {@code RealTimeTotalLoad}: 24 hours of cleared load and MTLF, and today's complete 5-minute actuals. */
    static String realTimeTotalLoad(SimRequest request) {
        Instant latest = latestFiveMinute(request.now());
        Instant dayStart = MisoCurves.start(MisoCurves.day(request.now()));
        StringBuilder json = new StringBuilder(12_000).append("{\"LoadInfo\":{\"RefId\":\"").append(refId(latest))
                .append("\",\"ClearedMW\":[");
        for (int h = 1; h <= 24; h++) {
            json.append(h == 1 ? "" : ",").append("{\"ClearedMWHourly\":{\"Hour\":\"").append(h).append("\",\"Value\":\"")
                    .append(MisoCurves.load(dayStart.plus(Duration.ofHours(h - 1)))).append("\"}}");
        }
        json.append("],\"MediumTermLoadForecast\":[");
        for (int h = 1; h <= 24; h++) {
            json.append(h == 1 ? "" : ",").append("{\"Forecast\":{\"HourEnding\":\"").append(h)
                    .append("\",\"LoadForecast\":\"").append(MisoCurves.load(dayStart.plus(Duration.ofHours(h - 1))) + 500)
                    .append("\"}}");
        }
        json.append("],\"FiveMinTotalLoad\":[");
        boolean first = true;
        for (Instant t = dayStart; !t.isAfter(latest) && request.variant() != Variant.EMPTY_DATA; t = t.plus(FIVE)) {
            if (request.isWithheld(t)) {
                continue;
            }
            String value = first && request.variant() == Variant.NOT_A_NUMBER ? "abc" : Long.toString(MisoCurves.load(t));
            json.append(first ? "" : ",").append("{\"Load\":{\"Time\":\"").append(String.format("%02d:%02d",
                    est(t).getHour(), est(t).getMinute())).append("\",\"Value\":\"").append(value).append("\"}}");
            first = false;
        }
        return json.append("]}}").toString();
    }

    /** {@code MarketPricing/GetAncillaryServicesMcp}: the newest published interval, zones 1-8, and DA HE. */
    static String ancillaryServicesMcp(SimRequest request) {
        Instant t = latestPublished(request);
        StringBuilder json = new StringBuilder(4_000).append("{\"MCPData\":{\"RefId\":\"").append(refId(t))
                .append("\",\"MktDay\":\"").append(DateTimeFormatter.ofPattern("MM-dd-yyyy").format(est(t)))
                .append("\",\"RealTimeMCP\":{\"HourAndMin\":\"").append(String.format("%02d:%02d", est(t).getHour(),
                        est(t).getMinute())).append("\",\"Zone\":[");
        zones(json, t, request.variant());
        json.append("]},\"DayAheadMCP\":{\"HourEnding\":\"").append(est(t).getHour() + 1).append("\",\"Zone\":[");
        zones(json, t, Variant.NORMAL);
        return json.append("]}}}").toString();
    }

    private static void zones(StringBuilder json, Instant t, Variant variant) {
        for (int zone = 1; zone <= 8 && variant != Variant.EMPTY_DATA; zone++) {
            json.append(zone == 1 ? "" : ",").append("{\"number\":\"").append(zone).append('"');
            for (int p = 0; p < MCP_FIELDS.size(); p++) {
                String price = zone == 1 && p == 0 && variant == Variant.NOT_A_NUMBER ? "abc"
                        : MisoCurves.apiNumber(MisoCurves.mcpCents(p, zone, t));
                json.append(",\"").append(MCP_FIELDS.get(p)).append("\":\"").append(price).append('"');
            }
            json.append('}');
        }
    }

    /** {@code MarketPricing/GetRealTimeFiveMinExPost/Rolling}: today's complete intervals, all nodes. */
    static String fiveMinuteExPost(SimRequest request) {
        Instant latest = latestFiveMinute(request.now());
        Instant dayStart = MisoCurves.start(MisoCurves.day(request.now()));
        StringBuilder json = new StringBuilder(200_000)
                .append("{\"headers\":[\"INTERVAL\",\"CPNODE\",\"LMP\",\"MLC\",\"MCC\"],\"data\":[");
        boolean first = true;
        for (Instant t = dayStart; !t.isAfter(latest) && request.variant() != Variant.EMPTY_DATA; t = t.plus(FIVE)) {
            if (request.isWithheld(t)) {
                continue;
            }
            for (int n = 0; n < MisoCurves.FIVE_MINUTE_NODES.size(); n++) {
                long mcc = MisoCurves.cents(n, t, 1);
                long mlc = MisoCurves.cents(n, t, 2);
                String lmp = first && request.variant() == Variant.NOT_A_NUMBER ? "abc"
                        : MisoCurves.apiNumber(MisoCurves.cents(n, t, 0));
                json.append(first ? "" : ",").append("[\"").append(ISO_LOCAL.format(est(t))).append("\",\"")
                        .append(MisoCurves.FIVE_MINUTE_NODES.get(n)).append("\",\"").append(lmp).append("\",\"")
                        .append(MisoCurves.apiNumber(mlc)).append("\",\"").append(MisoCurves.apiNumber(mcc)).append("\"]");
                first = false;
            }
        }
        return json.append("]}").toString();
    }

    /** The newest complete 5-minute interval not withheld, looking back at most an hour. */
    private static Instant latestPublished(SimRequest request) {
        Instant t = latestFiveMinute(request.now());
        for (int i = 0; i < 12 && request.isWithheld(t); i++) {
            t = t.minus(FIVE);
        }
        return t;
    }
}
