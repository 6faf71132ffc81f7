package dev.pmp.sim.isone;

import dev.pmp.sim.SimEndpoint;
import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO-NE under {@code /isone/}: the Web Services API under {@value #API} and ISO Express under
 * {@value #EXPRESS}, in the documented formats (shared/sources/isone/README.md §2-§3) with values from
 * {@link IsoneSeries}. Serves
 *
 * <ul>
 *   <li>{@code api/hourlysysload/day/{d}}, {@code api/hourlylmp/da/final/day/{d}} and
 *       {@code api/hourlylmp/rt/{final|prelim}/day/{d}} as JSON with offsets, only with the configured HTTP
 *       Basic credentials (401 otherwise);
 *   <li>the ISO Express landing page {@value #LANDING}, which sets a {@code JSESSIONID} cookie, and the
 *       day-ahead LMP CSV {@code static-transform/csv/histRpts/da-lmp/WW_DALMP_ISO_{d}.csv} (hour-ending with
 *       {@code 02X}), only with a cookie from that page and a {@code Referer} (403 otherwise).
 * </ul>
 *
 * <p>An hour appears once it has ended (day-ahead prices: the whole day from 13:00 of the day before; final
 * real-time prices: two days after the day); an empty day is an empty envelope or a CSV without data lines.
 * Thread-safe.
 */
public final class IsoneEndpoint implements SimEndpoint {

    /** The API base under the simulator. */
    public static final String API = "/isone/api";
    /** The ISO Express base under the simulator. */
    public static final String EXPRESS = "/isone/express";
    /** The session page, under {@link #EXPRESS}. */
    public static final String LANDING = "/isoexpress/web/reports/operations/-/tree/gen-fuel-mix";

    private static final Pattern SYSLOAD = Pattern.compile(API + "/hourlysysload/day/(\\d{8})");
    private static final Pattern HOURLY_LMP = Pattern.compile(API + "/hourlylmp/(da|rt)/(final|prelim)/day/(\\d{8})");
    private static final Pattern DA_CSV = Pattern.compile(EXPRESS
            + "/static-transform/csv/histRpts/da-lmp/WW_DALMP_ISO_(\\d{8})\\.csv");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu");

    private final String authorization;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong sessionCounter = new AtomicLong();

    /** Accepts the account {@code pmp-demo} / {@code pmp-demo}. */
    public IsoneEndpoint() {
        this("pmp-demo", "pmp-demo");
    }

    /** Accepts only the given API account. */
    public IsoneEndpoint(String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String prefix() {
        return "/isone/";
    }

    @Override
    public SimResponse answer(SimRequest request) {
        String path = request.path();
        if (path.startsWith(API + "/")) {
            if (!authorization.equals(request.headers().get("authorization"))) {
                return new SimResponse(401, "text/html; charset=utf-8",
                        "<html><body>401 Unauthorized</body></html>".getBytes(StandardCharsets.UTF_8),
                        Map.of("WWW-Authenticate", "Basic realm=\"webservices\""));
            }
            return api(request, path);
        }
        if (path.equals(EXPRESS + LANDING)) {
            String id = "sim-" + sessionCounter.incrementAndGet();
            sessions.add(id);
            return new SimResponse(200, "text/html; charset=utf-8",
                    "<html><body>ISO Express</body></html>".getBytes(StandardCharsets.UTF_8),
                    Map.of("Set-Cookie", "JSESSIONID=" + id + "; Path=/; HttpOnly"));
        }
        if (path.startsWith(EXPRESS + "/")) {
            if (!hasSession(request) || !request.headers().containsKey("referer")) {
                return new SimResponse(403, "text/html; charset=utf-8",
                        "<html><body>403 Forbidden</body></html>".getBytes(StandardCharsets.UTF_8), Map.of());
            }
            Matcher m = DA_CSV.matcher(path);
            LocalDate day = m.matches() ? day(m.group(1)) : null;
            if (day != null) {
                return SimResponse.ok("text/csv", dayAheadCsv(request, day));
            }
        }
        return SimResponse.status(404, "not found: " + path + "\n");
    }

    private boolean hasSession(SimRequest request) {
        String cookie = request.headers().getOrDefault("cookie", "");
        for (String part : cookie.split(";")) {
            String p = part.strip();
            if (p.startsWith("JSESSIONID=") && sessions.contains(p.substring("JSESSIONID=".length()))) {
                return true;
            }
        }
        return false;
    }

    private SimResponse api(SimRequest request, String path) {
        Matcher load = SYSLOAD.matcher(path);
        if (load.matches() && day(load.group(1)) != null) {
            List<String> records = new ArrayList<>();
            for (Instant h : published(request, day(load.group(1)), false)) {
                records.add("{\"BeginDate\":\"" + stamp(h) + "\",\"Location\":{\"@LocId\":\"32\",\"$\":\"NEPOOL AREA\"},"
                        + "\"Load\":" + number(request, records.isEmpty(), IsoneSeries.load(h)) + ",\"NativeLoad\":"
                        + IsoneSeries.nativeLoad(h) + ",\"ArdDemand\":" + IsoneSeries.ardDemand() + "}");
            }
            return json(envelope("HourlySystemLoads", "HourlySystemLoad", records));
        }
        Matcher lmp = HOURLY_LMP.matcher(path);
        if (lmp.matches() && day(lmp.group(3)) != null) {
            LocalDate day = day(lmp.group(3));
            boolean dayAhead = lmp.group(1).equals("da");
            boolean fin = lmp.group(2).equals("final");
            if (dayAhead && !fin) {
                return SimResponse.status(404, "not found: " + path + "\n");
            }
            List<Instant> hours = dayAhead || !fin ? published(request, day, dayAhead)
                    : request.now().isBefore(IsoneSeries.dayStart(day.plusDays(3))) ? List.of()
                    : published(request, day, false);
            List<String> records = new ArrayList<>();
            for (Instant h : hours) {
                for (int i = 0; i < IsoneSeries.LOCATIONS.size(); i++) {
                    List<String> loc = IsoneSeries.LOCATIONS.get(i);
                    records.add("{\"BeginDate\":\"" + stamp(h) + "\",\"Location\":{\"@LocId\":\"" + loc.get(0)
                            + "\",\"@LocType\":\"" + loc.get(2) + "\",\"$\":\"" + loc.get(1) + "\"},\"LmpTotal\":"
                            + number(request, records.isEmpty(), IsoneSeries.lmp(h, i)) + ",\"EnergyComponent\":"
                            + IsoneSeries.energy(h) + ",\"CongestionComponent\":" + IsoneSeries.congestion(i)
                            + ",\"LossComponent\":" + IsoneSeries.loss(i) + "}");
                }
            }
            return json(envelope("HourlyLmps", "HourlyLmp", records));
        }
        return SimResponse.status(404, "not found: " + path + "\n");
    }

    /**
     * The hour starts of {@code day} published by now and not withheld: every hour once it has ended, or for
     * day-ahead data the whole day from 13:00 local of the day before. None for {@code EMPTY_DATA}.
     */
    private static List<Instant> published(SimRequest request, LocalDate day, boolean dayAhead) {
        List<Instant> out = new ArrayList<>();
        if (request.variant() == SimRequest.Variant.EMPTY_DATA) {
            return out;
        }
        Instant end = IsoneSeries.dayStart(day.plusDays(1));
        boolean dayOut = !request.now().isBefore(IsoneSeries.dayStart(day).minus(Duration.ofHours(11)));
        for (Instant h = IsoneSeries.dayStart(day); h.isBefore(end); h = h.plus(Duration.ofHours(1))) {
            boolean out1 = dayAhead ? dayOut : !request.now().isBefore(h.plus(Duration.ofHours(1)));
            if (out1 && !request.isWithheld(h)) {
                out.add(h);
            }
        }
        return out;
    }

    private static String dayAheadCsv(SimRequest request, LocalDate day) {
        StringBuilder sb = new StringBuilder();
        String d = US_DATE.format(day);
        sb.append("\"C\",\"Day-Ahead Energy Market Hourly LMP Report\"\r\n");
        sb.append("\"C\",\"Filename: WW_DALMP_ISO_").append(DateTimeFormatter.BASIC_ISO_DATE.format(day)).append(".csv\"\r\n");
        sb.append("\"C\",\"Report for: ").append(d).append(" - ").append(d).append("\"\r\n");
        sb.append("\"C\",\"Report generated: simulated\"\r\n");
        sb.append("\"H\",\"Date\",\"Hour Ending\",\"Location ID\",\"Location Name\",\"Location Type\","
                + "\"Locational Marginal Price\",\"Energy Component\",\"Congestion Component\",\"Marginal Loss Component\"\r\n");
        sb.append("\"H\",\"Date\",\"HE\",\"String\",\"String\",\"String\",\"Number\",\"Number\",\"Number\",\"Number\"\r\n");
        int lines = 0;
        Instant previous = null;
        for (Instant h : published(request, day, true)) {
            int he = h.atZone(IsoneSeries.ZONE).getHour() + 1;
            // The second 01:00 of the fall-back day is hour ending 02X.
            boolean repeated = previous != null && previous.atZone(IsoneSeries.ZONE).getHour() + 1 == he;
            String label = String.format(Locale.ROOT, "%02d", he) + (repeated ? "X" : "");
            previous = h;
            for (int i = 0; i < IsoneSeries.LOCATIONS.size(); i++) {
                List<String> loc = IsoneSeries.LOCATIONS.get(i);
                sb.append("\"D\",\"").append(d).append("\",\"").append(label).append("\",\"").append(loc.get(0))
                        .append("\",\"").append(loc.get(1)).append("\",\"").append(loc.get(2)).append("\",")
                        .append(number(request, lines == 0, IsoneSeries.lmp(h, i))).append(',')
                        .append(IsoneSeries.energy(h)).append(',').append(IsoneSeries.congestion(i)).append(',')
                        .append(IsoneSeries.loss(i)).append("\r\n");
                lines++;
            }
        }
        sb.append("\"T\",\"").append(lines + 7).append("\"\r\n");
        return sb.toString();
    }

    /** The value, or a quoted {@code "N/A"} in place of the first one for {@code NOT_A_NUMBER}. */
    private static String number(SimRequest request, boolean first, String value) {
        return first && request.variant() == SimRequest.Variant.NOT_A_NUMBER ? "\"N/A\"" : value;
    }

    private static String envelope(String plural, String singular, List<String> records) {
        if (records.isEmpty()) {
            return "{\"" + plural + "\":\"\"}";
        }
        return "{\"" + plural + "\":{\"" + singular + "\":[" + String.join(",", records) + "]}}";
    }

    private static SimResponse json(String body) {
        return SimResponse.ok("application/json", body);
    }

    private static String stamp(Instant t) {
        return STAMP.format(t.atZone(IsoneSeries.ZONE));
    }

    private static LocalDate day(String yyyymmdd) {
        try {
            return LocalDate.parse(yyyymmdd, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
