package dev.pmp.sim.neso;

import dev.pmp.sim.SimEndpoint;
import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NESO on the simulator, under {@value #PREFIX}: the CKAN data portal's {@code package_show},
 * {@code datastore_search} (paged with relative {@code _links.next}, at most {@value #ROWS_MAX} rows a page
 * like CKAN's {@code rows_max}) and {@code datastore_search_sql} (explicit column lists only: a
 * {@code SELECT *} is refused), and the Carbon Intensity API under {@code /neso/carbonintensity/}
 * ({@code /intensity/{from}/{to}}, {@code /regional/intensity/{from}/{to}}). Values are synthetic (see
 * {@link PortalTables}); time follows {@link SimRequest#now()}: demand is published through yesterday
 * (local), the generation mix up to an hour ago, forecasts from the current half-hour on. Withheld
 * half-hours are left out; {@link SimRequest.Variant#EMPTY_DATA} empties the records,
 * {@link SimRequest.Variant#NOT_A_NUMBER} puts {@code "abc"} in the first record's first value. Point the
 * source at it with {@code PMP_NESO_API_URL=<sim>/neso} and
 * {@code PMP_CARBON_INTENSITY_URL=<sim>/neso/carbonintensity}. Stateless and thread-safe.
 */
public final class NesoEndpoint implements SimEndpoint {

    /** The path prefix served. */
    public static final String PREFIX = "/neso/";

    /** The most rows one {@code datastore_search} page holds, whatever {@code limit} asks. */
    public static final int ROWS_MAX = 5000;

    private static final String ACTION = PREFIX + "api/3/action/";
    private static final String CARBON = PREFIX + "carbonintensity";
    private static final String JSON = "application/json;charset=utf-8";
    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS", Locale.ROOT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmm", Locale.ROOT);
    private static final Pattern SELECT = Pattern.compile("^SELECT (.+?) FROM \"([^\"]+)\"(.*)$", Pattern.DOTALL);
    private static final Pattern ITEM = Pattern.compile("\\s*(?:'([^']*)' AS \"([^\"]+)\"|\"([^\"]+)\")\\s*(,|$)");
    private static final Pattern RANGE = Pattern.compile("\"DATETIME\" >= '([^']+)' AND \"DATETIME\" < '([^']+)'");
    private static final Pattern PAGE = Pattern.compile(" LIMIT (\\d+) OFFSET (\\d+)$");
    private static final List<String> REGIONS = List.of("North Scotland", "South Scotland", "North West England",
            "North East England", "Yorkshire", "North Wales & Merseyside", "South Wales", "West Midlands",
            "East Midlands", "East England", "South West England", "South England", "London", "South East England",
            "England", "Scotland", "Wales", "GB");
    private static final List<String> FUELS = List.of("biomass", "coal", "imports", "gas", "nuclear", "other", "hydro",
            "solar", "wind");
    private static final List<Integer> PERCENTS = List.of(5, 0, 10, 30, 15, 0, 0, 0, 40);

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public SimResponse answer(SimRequest request) {
        String path = request.path();
        if (path.equals(ACTION + "package_show")) {
            return packageShow(request);
        }
        if (path.equals(ACTION + "datastore_search")) {
            return datastoreSearch(request);
        }
        if (path.equals(ACTION + "datastore_search_sql")) {
            return datastoreSql(request);
        }
        if (path.startsWith(CARBON + "/")) {
            return carbonIntensity(request, path.substring(CARBON.length()));
        }
        return ckanError(404, "Not Found Error", "no such action: " + path);
    }

    private static SimResponse packageShow(SimRequest request) {
        String id = request.query().getOrDefault("id", "");
        Instant now = request.now();
        List<String[]> resources = new ArrayList<>();
        switch (id) {
            case "historic-demand-data" -> {
                int thisYear = LocalDate.ofInstant(now, PortalTables.LONDON).getYear();
                for (int y = PortalTables.FIRST_DEMAND_YEAR; y <= thisYear; y++) {
                    Instant closed = LocalDateTime.of(y + 1, 1, 10, 9, 0).toInstant(ZoneOffset.UTC);
                    resources.add(new String[] {PortalTables.demandResource(y), "Historic Demand Data " + y,
                            "demanddata_" + y + ".csv", naive(closed.isBefore(now) ? closed : now)});
                }
            }
            case "daily-demand-update" -> resources.add(new String[] {PortalTables.DEMAND_UPDATE, "Demand Data Update",
                    "demanddataupdate.csv", naive(now)});
            case "embedded-wind-and-solar-forecasts" -> resources.add(new String[] {PortalTables.EMBEDDED_LIVE,
                    "Embedded Solar and Wind Forecast", STAMP.format(halfHour(now).atOffset(ZoneOffset.UTC))
                            + "_embedded_forecast.csv", naive(halfHour(now))});
            case "historic-generation-mix" -> resources.add(new String[] {PortalTables.GENERATION_MIX,
                    "Historic GB Generation Mix", "df_fuel_ckan.csv", naive(now)});
            case "current-balancing-services-use-system-bsuos-data" -> resources.add(new String[] {
                PortalTables.BSUOS_II, "Current II BSUoS Data", "current_ii_bsuos.csv", naive(now)});
            default -> {
                return ckanError(404, "Not Found Error", "Not found");
            }
        }
        StringBuilder b = new StringBuilder("{\"help\":\"/api/3/action/help_show?name=package_show\",\"success\":true,"
                + "\"result\":{\"id\":\"sim-").append(id).append("\",\"name\":");
        JsonText.value(b, id).append(",\"resources\":[");
        for (int i = 0; i < resources.size(); i++) {
            String[] r = resources.get(i);
            b.append(i > 0 ? "," : "").append("{\"id\":\"").append(r[0]).append("\",\"name\":");
            JsonText.value(b, r[1]).append(",\"format\":\"CSV\",\"url_type\":\"upload\",\"url\":\"https://api.neso.energy/"
                    + "dataset/sim/resource/").append(r[0]).append("/download/").append(r[2])
                    .append("\",\"last_modified\":\"").append(r[3]).append("\",\"datastore_active\":true}");
        }
        return SimResponse.ok(JSON, b.append("]}}").toString());
    }

    private static SimResponse datastoreSearch(SimRequest request) {
        String resource = request.query().getOrDefault("resource_id", "");
        Instant now = request.now();
        LocalDate today = LocalDate.ofInstant(now, PortalTables.LONDON);
        List<Map<String, Object>> rows;
        int year = PortalTables.demandYear(resource, now);
        if (year > 0) {
            LocalDate end = LocalDate.of(year + 1, 1, 1);
            rows = PortalTables.demandRows(LocalDate.of(year, 1, 1), end.isBefore(today) ? end : today, null, request);
        } else if (resource.equals(PortalTables.DEMAND_UPDATE)) {
            rows = PortalTables.demandRows(today.withDayOfMonth(1).minusMonths(1), today.plusDays(7), today, request);
        } else if (resource.equals(PortalTables.BSUOS_II)) {
            LocalDate april = LocalDate.of(today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1, 4, 1);
            rows = PortalTables.bsuosRows(april, today, request);
        } else {
            return ckanError(404, "Not Found Error", "Resource \"" + resource + "\" was not found.");
        }
        int limit;
        int offset;
        try {
            limit = Integer.parseInt(request.query().getOrDefault("limit", "100"));
            offset = Integer.parseInt(request.query().getOrDefault("offset", "0"));
        } catch (NumberFormatException e) {
            return ckanError(409, "Validation Error", "limit and offset must be whole numbers");
        }
        int size = Math.min(limit, ROWS_MAX);
        List<Map<String, Object>> page = variant(rows.subList(Math.min(offset, rows.size()),
                Math.min(offset + size, rows.size())), request);
        String next = ACTION + "datastore_search?resource_id=" + resource + "&limit=" + limit
                + (request.query().containsKey("sort") ? "&sort=" + request.query().get("sort") : "")
                + "&offset=" + (offset + size);
        StringBuilder b = new StringBuilder("{\"help\":\"/api/3/action/help_show?name=datastore_search\",\"success\":true,"
                + "\"result\":{\"include_total\":true,\"resource_id\":\"").append(resource).append("\",");
        fields(b, rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).keySet()));
        records(b, page, offset);
        b.append(",\"limit\":").append(limit).append(",\"offset\":").append(offset)
                .append(",\"_links\":{\"start\":\"").append(ACTION).append("datastore_search?resource_id=").append(resource)
                .append("\",\"next\":");
        JsonText.value(b, next).append("},\"total\":").append(request.variant() == SimRequest.Variant.EMPTY_DATA ? 0 : rows.size());
        return SimResponse.ok(JSON, b.append("}}").toString());
    }

    private static SimResponse datastoreSql(SimRequest request) {
        String sql = request.query().getOrDefault("sql", "").strip();
        Matcher m = SELECT.matcher(sql);
        if (!m.matches()) {
            return ckanError(409, "Validation Error", "cannot read the statement");
        }
        List<String> columns = new ArrayList<>();
        Map<String, String> constants = new LinkedHashMap<>();
        Matcher item = ITEM.matcher(m.group(1));
        int at = 0;
        while (at < m.group(1).length()) {
            if (!item.find(at) || item.start() != at) {
                return ckanError(409, "Validation Error", "only quoted columns and constants may be selected (no *): "
                        + m.group(1));
            }
            if (item.group(2) != null) {
                constants.put(item.group(2), item.group(1));
                columns.add(item.group(2));
            } else {
                columns.add(item.group(3));
            }
            at = item.end();
        }
        Matcher page = PAGE.matcher(m.group(3));
        if (!page.find()) {
            return ckanError(409, "Validation Error", "the simulator answers paged statements only (LIMIT n OFFSET m)");
        }
        int limit = Integer.parseInt(page.group(1));
        int offset = Integer.parseInt(page.group(2));
        Instant now = request.now();
        List<Map<String, Object>> rows;
        if (m.group(2).equals(PortalTables.GENERATION_MIX)) {
            Matcher range = RANGE.matcher(m.group(3));
            if (!range.find()) {
                return ckanError(409, "Validation Error", "the simulator wants a DATETIME range");
            }
            Instant from;
            Instant to;
            try {
                from = LocalDateTime.parse(range.group(1).replace(' ', 'T')).toInstant(ZoneOffset.UTC);
                to = LocalDateTime.parse(range.group(2).replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return ckanError(409, "Validation Error", "invalid timestamp: " + e.getParsedString());
            }
            Instant published = halfHour(now.minus(Duration.ofHours(1)));
            rows = PortalTables.mixRows(from, to.isBefore(published) ? to : published, columns, request);
        } else if (m.group(2).equals(PortalTables.EMBEDDED_LIVE)) {
            rows = PortalTables.embeddedRows(now, columns, constants.getOrDefault("PMP_VINTAGE", ""), request);
        } else {
            return ckanError(409, "Validation Error", "relation \"" + m.group(2) + "\" does not exist");
        }
        for (String c : columns) {
            if (!constants.containsKey(c) && !rows.isEmpty() && !rows.get(0).containsKey(c)) {
                return ckanError(409, "Validation Error", "column \"" + c + "\" does not exist");
            }
        }
        List<Map<String, Object>> slice = variant(rows.subList(Math.min(offset, rows.size()),
                Math.min(offset + limit, rows.size())), request);
        StringBuilder b = new StringBuilder("{\"help\":\"/api/3/action/help_show?name=datastore_search_sql\","
                + "\"success\":true,\"result\":{");
        fields(b, columns);
        records(b, slice, -1);
        b.append(",\"sql\":");
        JsonText.value(b, sql);
        return SimResponse.ok(JSON, b.append("}}").toString());
    }

    private static SimResponse carbonIntensity(SimRequest request, String route) {
        boolean regional = route.startsWith("/regional/intensity/");
        String rest = regional ? route.substring("/regional/intensity/".length())
                : route.startsWith("/intensity/") ? route.substring("/intensity/".length()) : null;
        String[] parts = rest == null ? new String[0] : rest.split("/");
        if (parts.length != 2) {
            return SimResponse.status(404, "{\"error\":{\"code\":\"404 Not Found\",\"message\":\"no such route\"}}");
        }
        Instant from;
        Instant to;
        try {
            from = OffsetDateTime.parse(parts[0]).toInstant();
            to = OffsetDateTime.parse(parts[1]).toInstant();
        } catch (DateTimeParseException e) {
            return new SimResponse(400, JSON, ("{\"error\":{\"code\":\"400 Bad Request\",\"message\":\"Please enter a "
                    + "valid ISO datetime\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
        }
        Instant horizon = halfHour(request.now()).plus(Duration.ofHours(24));
        boolean empty = request.variant() == SimRequest.Variant.EMPTY_DATA;
        boolean spoil = request.variant() == SimRequest.Variant.NOT_A_NUMBER;
        StringBuilder b = new StringBuilder("{\"data\":[");
        boolean first = true;
        // Like the real API, the half-hour ending at {from} comes first.
        for (Instant t = halfHour(from.minusSeconds(1)); !empty && t.isBefore(to) && t.isBefore(horizon);
                t = t.plus(PortalTables.PERIOD)) {
            if (request.isWithheld(t)) {
                continue;
            }
            long k = Math.floorMod(t.getEpochSecond() / 1800, 48);
            b.append(first ? "" : ",").append("{\"from\":\"").append(minute(t)).append("\",\"to\":\"")
                    .append(minute(t.plus(PortalTables.PERIOD))).append('"');
            if (regional) {
                b.append(",\"regions\":[");
                for (int r = 1; r <= REGIONS.size(); r++) {
                    b.append(r > 1 ? "," : "").append("{\"regionid\":").append(r).append(",\"dnoregion\":");
                    JsonText.value(b, REGIONS.get(r - 1)).append(",\"shortname\":");
                    JsonText.value(b, REGIONS.get(r - 1)).append(",\"intensity\":{\"forecast\":")
                            .append(spoil && first && r == 1 ? "\"abc\"" : String.valueOf(regionalForecast(r, t)))
                            .append(",\"index\":\"moderate\"},\"generationmix\":[");
                    for (int f = 0; f < FUELS.size(); f++) {
                        b.append(f > 0 ? "," : "").append("{\"fuel\":\"").append(FUELS.get(f)).append("\",\"perc\":")
                                .append(PERCENTS.get(f)).append('}');
                    }
                    b.append("]}");
                }
                b.append("]}");
            } else {
                boolean past = !t.plus(PortalTables.PERIOD).isAfter(request.now());
                b.append(",\"intensity\":{\"forecast\":").append(spoil && first ? "\"abc\"" : String.valueOf(150 + k))
                        .append(",\"actual\":").append(past ? String.valueOf(148 + k) : "null")
                        .append(",\"index\":\"moderate\"}}");
            }
            first = false;
        }
        return SimResponse.ok(JSON, b.append("]}").toString());
    }

    /** The simulated regional forecast of region {@code region} for the half-hour starting at {@code t}. */
    public static long regionalForecast(int region, Instant t) {
        return 100 + region + Math.floorMod(t.getEpochSecond() / 1800, 48);
    }

    private static List<Map<String, Object>> variant(List<Map<String, Object>> rows, SimRequest request) {
        return switch (request.variant()) {
            case NORMAL -> rows;
            case EMPTY_DATA -> List.of();
            case NOT_A_NUMBER -> {
                List<Map<String, Object>> out = new ArrayList<>(rows);
                if (!out.isEmpty()) {
                    Map<String, Object> spoilt = new LinkedHashMap<>(out.get(0));
                    spoilt.entrySet().stream().filter(e -> e.getValue() instanceof Number).findFirst()
                            .ifPresent(e -> e.setValue("abc"));
                    out.set(0, spoilt);
                }
                yield out;
            }
        };
    }

    private static void fields(StringBuilder b, List<String> columns) {
        b.append("\"fields\":[{\"id\":\"_id\",\"type\":\"int\"}");
        for (String c : columns) {
            b.append(",{\"id\":");
            JsonText.value(b, c).append(",\"type\":\"text\"}");
        }
        b.append(']');
    }

    /** Appends {@code "records":[...]}; with {@code offset >= 0} each record gets its 1-based {@code _id}. */
    private static void records(StringBuilder b, List<Map<String, Object>> rows, int offset) {
        b.append(",\"records_format\":\"objects\",\"records\":[");
        for (int i = 0; i < rows.size(); i++) {
            b.append(i > 0 ? "," : "").append('{');
            boolean firstCell = true;
            if (offset >= 0) {
                b.append("\"_id\":").append(offset + i + 1);
                firstCell = false;
            }
            for (Map.Entry<String, Object> e : rows.get(i).entrySet()) {
                b.append(firstCell ? "" : ",");
                JsonText.value(b, e.getKey()).append(':');
                JsonText.value(b, e.getValue());
                firstCell = false;
            }
            b.append('}');
        }
        b.append(']');
    }

    private static SimResponse ckanError(int status, String type, String message) {
        StringBuilder b = new StringBuilder("{\"help\":\"/api/3/action/help_show\",\"success\":false,\"error\":{\"__type\":");
        JsonText.value(b, type).append(",\"message\":");
        JsonText.value(b, message).append("}}");
        return new SimResponse(status, JSON, b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
    }

    private static Instant halfHour(Instant t) {
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), 1800) * 1800);
    }

    private static String naive(Instant t) {
        return NAIVE.format(t.atOffset(ZoneOffset.UTC));
    }

    private static String minute(Instant t) {
        return t.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'", Locale.ROOT));
    }
}
