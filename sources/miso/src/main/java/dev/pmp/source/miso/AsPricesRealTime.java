package dev.pmp.source.miso;

import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MISO real-time ancillary service market clearing prices ({@code api/MarketPricing/GetAncillaryServicesMcp},
 * {@code RealTimeMCP}): the latest 5-minute interval, one price per reserve zone (1–8) and product. The
 * interval start is {@code MktDay} plus {@code HourAndMin} in EST. MISO spells the product fields with
 * inconsistent casing ({@code GenRegMCP}, {@code StrMcp}), so they are matched ignoring case. The
 * payload's {@code DayAheadMCP} block is not read. Immutable and thread-safe.
 */
public final class AsPricesRealTime extends ApiFeed {

    /** Path under the API base. */
    public static final String PATH = "MarketPricing/GetAncillaryServicesMcp";

    static final Duration CADENCE = Duration.ofMinutes(5);

    /** MISO's product field (lower case) to the stored product name, in publication order. */
    static final Map<String, String> PRODUCTS = products();

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "miso.as_prices_real_time",
            "MISO real-time ancillary service clearing prices by reserve zone (5 minutes)",
            MisoSettings.DEFAULT_API_BASE + "/" + PATH,
            Schema.builder(TimeShape.INTERVAL)
                    .key("reserve_zone", ColumnType.VARCHAR, "MISO reserve zone number, 1-8 (Zone.number)")
                    .key("product", ColumnType.VARCHAR, "product: " + String.join(", ", PRODUCTS.values())
                            + " (from GenRegMCP, GenSpinMCP, GenSuppMCP, StrMcp, DemandRegMcp, DemandSpinMcp, "
                            + "DemandSuppMcp, RcpUpMcp, RcpDownMcp)")
                    .value("price", ColumnType.DOUBLE, "$/MW", "market clearing price of the product in the zone")
                    .build(),
            TimeShape.INTERVAL,
            Access.SNAPSHOT,
            CADENCE,
            MisoTime.EST,
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            LocalDate.of(2025, 12, 12),
            Optional.of(CADENCE),
            false,
            Duration.ofDays(1));

    public AsPricesRealTime(MisoSettings settings) {
        super(DATASET, settings, PATH);
    }

    private static Map<String, String> products() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("genregmcp", "regulation");
        m.put("genspinmcp", "spinning");
        m.put("gensuppmcp", "supplemental");
        m.put("strmcp", "short_term_reserve");
        m.put("demandregmcp", "demand_response_regulation");
        m.put("demandspinmcp", "demand_response_spinning");
        m.put("demandsuppmcp", "demand_response_supplemental");
        m.put("rcpupmcp", "ramp_up");
        m.put("rcpdownmcp", "ramp_down");
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * One row per zone and product. A price that is not a number quarantines the interval; a product field
     * missing from a zone is schema drift; unknown fields are noted. Covers the one interval.
     *
     * @throws SourceException {@link Failure#BAD_DATA} for a missing envelope, time or product field, or a
     *     zone listed twice; {@link Failure#NOT_PUBLISHED} when no zone is listed
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        String what = DATASET.id();
        Map<String, Object> root = Json.object(Json.read(response.body(), what), what + ": the payload");
        Map<String, Object> data = Json.object(Json.member(root, "MCPData", what), what + ": MCPData");
        String mktDay = Json.text(data, "MktDay", what + ": MCPData");
        Map<String, Object> rt = Json.object(Json.member(data, "RealTimeMCP", what + ": MCPData"),
                what + ": MCPData.RealTimeMCP");
        String hourAndMin = Json.text(rt, "HourAndMin", what + ": RealTimeMCP");
        Instant start;
        try {
            start = MisoTime.instant(MisoTime.monthDayYearDash(mktDay).atTime(LocalTime.parse(hourAndMin.strip())));
        } catch (DateTimeParseException e) {
            throw new SourceException(Failure.BAD_DATA, what + ": MktDay \"" + mktDay + "\" / HourAndMin \"" + hourAndMin
                    + "\" is not MM-dd-yyyy / HH:mm");
        }
        List<Object> zones = Json.array(Json.member(rt, "Zone", what + ": RealTimeMCP"), what + ": RealTimeMCP.Zone");
        if (zones.isEmpty()) {
            throw new SourceException(Failure.NOT_PUBLISHED, what + ": RealTimeMCP lists no zone for " + mktDay + " "
                    + hourAndMin);
        }
        Window span = Window.of(start, CADENCE);
        List<String> notes = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> seenZones = new LinkedHashSet<>();
        List<Row> rows = new ArrayList<>();
        String problem = null;
        for (int i = 0; i < zones.size(); i++) {
            String where = what + ": RealTimeMCP.Zone[" + i + "]";
            Map<String, Object> zone = Json.object(zones.get(i), where);
            String number = Json.text(zone, "number", where).strip();
            if (!seenZones.add(number)) {
                throw new SourceException(Failure.BAD_DATA, where + ": zone " + number + " is listed twice");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : zone.entrySet()) {
                String key = e.getKey().strip().toLowerCase(Locale.ROOT);
                if (PRODUCTS.containsKey(key)) {
                    fields.put(key, e.getValue());
                } else if (!key.equals("number")) {
                    unknown.add(e.getKey());
                }
            }
            for (Map.Entry<String, String> p : PRODUCTS.entrySet()) {
                if (!fields.containsKey(p.getKey())) {
                    throw new SourceException(Failure.BAD_DATA, where + " (zone " + number + ") has no " + p.getValue()
                            + " price field (" + p.getKey() + ", any casing); fields: " + zone.keySet());
                }
                Object raw = fields.get(p.getKey());
                Double price = Json.number(raw);
                if (price == null) {
                    problem = problem != null ? problem : where + " (zone " + number + "): " + p.getKey() + " is "
                            + Json.describe(raw) + ", not a number";
                    continue;
                }
                rows.add(Row.of(start, span.end(), number, p.getValue(), price));
            }
        }
        if (!unknown.isEmpty()) {
            notes.add(what + ": fields this reader does not know, ignored: " + String.join(", ", unknown));
        }
        if (problem != null) {
            return Parsed.of(List.of(), List.of(), List.of(new Quarantine(span, zones.size() * PRODUCTS.size(),
                    problem + "; interval held back")), notes);
        }
        return Parsed.of(rows, List.of(span), List.of(), notes);
    }
}
