package dev.pmp.source.ercot;

import com.fasterxml.jackson.core.JsonToken;
import dev.pmp.source.ercot.SystemWidePricesSnapshot.DayAhead;
import dev.pmp.source.ercot.SystemWidePricesSnapshot.RealTime;
import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code {lastUpdated, rtSppData[], damSppData[]}} (README section 2.4). Every structural problem
 * becomes a {@link Failure#BAD_DATA} naming the place ({@code rtSppData[17].hbPan}). Stateless.
 */
final class SystemWidePricesReader {

    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-4]):[0-5][0-9]");

    private SystemWidePricesReader() {
    }

    /**
     * Reads one response body.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when the body is not this envelope
     */
    static SystemWidePricesSnapshot read(byte[] body) throws SourceException {
        return DashboardJson.read(body, SystemWidePricesReader::envelope);
    }

    private static SystemWidePricesSnapshot envelope(DashboardJson json) throws IOException, SourceException {
        json.startEnvelope();
        OffsetDateTime lastUpdated = null;
        List<RealTime> realTime = null;
        List<DayAhead> dayAhead = null;
        while (json.parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.parser.currentName();
            JsonToken value = json.parser.nextToken();
            switch (name) {
                case "lastUpdated" -> lastUpdated = json.timestamp(value, "lastUpdated");
                case "rtSppData" -> realTime = realTime(json, value);
                case "damSppData" -> dayAhead = dayAhead(json, value);
                default -> json.ignore(name);
            }
            json.where = "the envelope";
        }
        json.endEnvelope();
        if (lastUpdated == null) {
            throw DashboardJson.bad("payload has no lastUpdated");
        }
        if (realTime == null) {
            throw DashboardJson.bad("payload has no rtSppData");
        }
        if (dayAhead == null) {
            throw DashboardJson.bad("payload has no damSppData");
        }
        return new SystemWidePricesSnapshot(lastUpdated, realTime, dayAhead, json.ignoredFields());
    }

    private static List<RealTime> realTime(DashboardJson json, JsonToken value) throws IOException, SourceException {
        json.expectArray(value, "rtSppData");
        List<RealTime> rows = new ArrayList<>(100);
        int index = 0;
        while (json.parser.nextToken() != JsonToken.END_ARRAY) {
            String path = "rtSppData[" + index + "]";
            json.where = path;
            json.expectObject(json.parser.currentToken(), path);
            String timestamp = null;
            OffsetDateTime end = null;
            String intervalEnding = null;
            Long interval = null;
            String dstFlag = null;
            Map<SettlementPoint, Double> prices = new EnumMap<>(SettlementPoint.class);
            while (json.parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.parser.currentName();
                JsonToken v = json.parser.nextToken();
                String at = path + "." + field;
                SettlementPoint point = SettlementPoint.ofJsonKey(field);
                if (point != null) {
                    prices.put(point, json.number(v, at));
                    continue;
                }
                switch (field) {
                    case "timestamp" -> {
                        end = json.timestamp(v, at);
                        timestamp = json.parser.getText();
                    }
                    case "intervalEnding" -> {
                        intervalEnding = json.string(v, at);
                        if (!HH_MM.matcher(intervalEnding).matches()) {
                            throw DashboardJson.bad(at + " is \"" + DashboardJson.clip(intervalEnding)
                                    + "\", expected HH:MM");
                        }
                    }
                    case "interval" -> interval = json.integer(v, at);
                    case "dstFlag" -> dstFlag = json.dstFlag(v, at);
                    default -> json.ignore("rtSppData[]." + field);
                }
            }
            if (end == null) {
                throw DashboardJson.bad(path + ".timestamp is missing");
            }
            requireAll(prices, path);
            rows.add(new RealTime(index++, timestamp, end, intervalEnding, interval, dstFlag, prices));
        }
        return rows;
    }

    private static List<DayAhead> dayAhead(DashboardJson json, JsonToken value) throws IOException, SourceException {
        json.expectArray(value, "damSppData");
        List<DayAhead> rows = new ArrayList<>(25);
        int index = 0;
        while (json.parser.nextToken() != JsonToken.END_ARRAY) {
            String path = "damSppData[" + index + "]";
            json.where = path;
            json.expectObject(json.parser.currentToken(), path);
            int hourEnding = 0;
            String dstFlag = null;
            OffsetDateTime end = null;
            Map<SettlementPoint, Double> prices = new EnumMap<>(SettlementPoint.class);
            while (json.parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.parser.currentName();
                JsonToken v = json.parser.nextToken();
                String at = path + "." + field;
                SettlementPoint point = SettlementPoint.ofJsonKey(field);
                if (point != null) {
                    prices.put(point, json.number(v, at));
                    continue;
                }
                switch (field) {
                    case "hourEnding" -> {
                        long he = json.integer(v, at);
                        if (he < 1 || he > 24) {
                            throw DashboardJson.bad(at + " is " + he + ", expected 1 to 24");
                        }
                        hourEnding = (int) he;
                    }
                    case "dstFlag" -> dstFlag = json.dstFlag(v, at);
                    // Not in the README's description, but live payloads carry the hour's end (2026-09).
                    case "timestamp" -> end = json.timestamp(v, at);
                    case "interval" -> json.integer(v, at);
                    default -> json.ignore("damSppData[]." + field);
                }
            }
            if (hourEnding == 0) {
                throw DashboardJson.bad(path + ".hourEnding is missing");
            }
            requireAll(prices, path);
            rows.add(new DayAhead(index++, hourEnding, dstFlag, end, prices));
        }
        return rows;
    }

    private static void requireAll(Map<SettlementPoint, Double> prices, String path) throws SourceException {
        for (SettlementPoint p : SettlementPoint.values()) {
            if (!prices.containsKey(p)) {
                throw DashboardJson.bad(path + "." + p.jsonKey() + " is missing");
            }
        }
    }
}
