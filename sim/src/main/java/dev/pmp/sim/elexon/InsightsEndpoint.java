package dev.pmp.sim.elexon;

import dev.pmp.sim.SimEndpoint;
import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Elexon's Insights API ({@code https://data.elexon.co.uk/bmrs/api/v1}) under {@value #PREFIX}, so
 * {@code PMP_ELEXON_API_URL=<simulator>/elexon/bmrs/api/v1} points the source at it. Serves six datasets
 * in the documented shapes (spec §2.2, §3.2) with <b>generated</b> values: the {@code /stream} bare
 * arrays of FUELINST, FUELHH (settlement-date filters), FREQ (measurement time), MID (settlement-period
 * filters that turn {@code from}/{@code to} into dates) and REMIT (publish time), and the
 * {@code {"data": [...]}} envelope of INDO (publish time, {@code format=json}). Only what is published
 * by {@code now − publicationLag} is served; withheld samples are left out. A missing or malformed filter
 * is a 400 with a JSON problem document; an unknown path a 404. Note: the simulator's query map keeps the
 * last value of a repeated parameter, so the FUELINST/FUELHH {@code settlementPeriod} list is not applied
 * (whole settlement days are served). Stateless and thread-safe.
 */
public final class InsightsEndpoint implements SimEndpoint {

    /** The path prefix served. */
    public static final String PREFIX = "/elexon/";

    /** Where the API root sits under the simulator: the value for {@code PMP_ELEXON_API_URL} after the base URI. */
    public static final String API_ROOT = "/elexon/bmrs/api/v1";

    /** The fuels of the generated FUELINST and FUELHH rows. */
    public static final List<String> FUELS = List.of("BIOMASS", "CCGT", "NUCLEAR", "WIND", "PS");

    /** The data providers of the generated MID rows. */
    public static final List<String> PROVIDERS = List.of("APXMIDP", "N2EXMIDP");

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration FIVE = Duration.ofMinutes(5);
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);
    private static final Duration FREQ_STEP = Duration.ofSeconds(15);
    /** One REMIT revision is published every this often. */
    static final Duration REMIT_EVERY = Duration.ofMinutes(20);

    private final Duration publicationLag;

    /** @param publicationLag how long after its interval ends (or its publish time) a row first appears */
    public InsightsEndpoint(Duration publicationLag) {
        this.publicationLag = Objects.requireNonNull(publicationLag, "publicationLag");
        if (publicationLag.isNegative()) {
            throw new IllegalArgumentException("publicationLag must not be negative: " + publicationLag);
        }
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public SimResponse answer(SimRequest request) {
        String path = request.path();
        if (!path.startsWith(API_ROOT + "/datasets/")) {
            return notFound(path);
        }
        String rest = path.substring((API_ROOT + "/datasets/").length());
        Instant cutoff = request.now().minus(publicationLag);
        try {
            return switch (rest) {
                case "FUELINST/stream" -> array(request, fuel(request, cutoff, FIVE, "FUELINST"));
                case "FUELHH/stream" -> array(request, fuel(request, cutoff, HALF_HOUR, "FUELHH"));
                case "FREQ/stream" -> array(request, freq(request, cutoff));
                case "MID/stream" -> array(request, mid(request, cutoff));
                case "REMIT/stream" -> array(request, remit(request, cutoff));
                case "INDO" -> envelope(request, indo(request, cutoff));
                default -> notFound(path);
            };
        } catch (BadQuery e) {
            String body = "{\"type\":\"https://tools.ietf.org/html/rfc7231#section-6.5.1\",\"title\":\"One or more validation errors occurred.\","
                    + "\"status\":400,\"errors\":{\"" + e.parameter + "\":[\"" + e.getMessage() + "\"]}}";
            return new SimResponse(400, "application/problem+json; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    private static SimResponse notFound(String path) {
        return SimResponse.status(404, "No Elexon dataset at " + path);
    }

    private static SimResponse array(SimRequest request, Rows rows) {
        return SimResponse.ok("application/json; charset=utf-8", rows.json(request.variant()));
    }

    private static SimResponse envelope(SimRequest request, Rows rows) {
        return SimResponse.ok("application/json; charset=utf-8", "{\"data\":" + rows.json(request.variant()) + "}");
    }

    /** FUELINST (5-minute) or FUELHH (half-hourly) rows of the asked settlement days published by {@code cutoff}. */
    private static Rows fuel(SimRequest r, Instant cutoff, Duration step, String code) throws BadQuery {
        if (r.query().containsKey("publishDateTimeFrom") && r.query().containsKey("settlementDateFrom")) {
            throw new BadQuery("settlementDateFrom", "The Settlement Date fields cannot be set when a Publish Date field is set.");
        }
        LocalDate from = date(r, "settlementDateFrom");
        LocalDate to = date(r, "settlementDateTo");
        Rows rows = new Rows("generation");
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Instant dayStart = day.atStartOfDay(LONDON).toInstant();
            Instant dayEnd = day.plusDays(1).atStartOfDay(LONDON).toInstant();
            for (Instant t = dayStart; t.isBefore(dayEnd); t = t.plus(step)) {
                Instant published = t.plus(step);
                if (published.isAfter(cutoff) || r.isWithheld(t)) {
                    continue;
                }
                int sp = (int) (Duration.between(dayStart, t).toMinutes() / 30) + 1;
                for (String fuel : FUELS) {
                    rows.add("{\"dataset\":\"" + code + "\",\"publishTime\":\"" + published + "\",\"startTime\":\"" + t
                            + "\",\"settlementDate\":\"" + day + "\",\"settlementPeriod\":" + sp + ",\"fuelType\":\"" + fuel
                            + "\",\"generation\":", Long.toString(generation(fuel, t)), "}");
                }
            }
        }
        return rows;
    }

    /** The generated output of a fuel at an instant, MW: a daily curve per fuel. */
    public static long generation(String fuel, Instant t) {
        double hour = (t.getEpochSecond() % 86_400) / 3600.0;
        double wave = Math.sin(hour / 24 * 2 * Math.PI);
        return switch (fuel) {
            case "BIOMASS" -> 1800 + Math.round(200 * wave);
            case "CCGT" -> 9000 + Math.round(4000 * wave);
            case "NUCLEAR" -> 4100;
            case "WIND" -> 7000 + (t.getEpochSecond() / 300 % 97) * 10;
            default -> Math.round(-300 + 600 * wave);
        };
    }

    private static Rows freq(SimRequest r, Instant cutoff) throws BadQuery {
        Instant from = instant(r, "measurementDateTimeFrom");
        Instant to = instant(r, "measurementDateTimeTo");
        Rows rows = new Rows("frequency");
        Instant first = Instant.ofEpochSecond(-Math.floorDiv(-from.getEpochSecond(), 15) * 15);
        for (Instant t = first; !t.isAfter(to) && !t.isAfter(cutoff); t = t.plus(FREQ_STEP)) {
            if (!r.isWithheld(t)) {
                rows.add("{\"dataset\":\"FREQ\",\"measurementTime\":\"" + t + "\",\"frequency\":", frequency(t), "}");
            }
        }
        return rows;
    }

    /** The generated frequency at an instant, Hz, with three decimals. */
    public static String frequency(Instant t) {
        long s = t.getEpochSecond() / 15;
        return String.format(java.util.Locale.ROOT, "%.3f", 50 + ((s * 7919) % 201 - 100) / 1000.0);
    }

    /** MID rows per provider and settlement period, available once the period has ended. */
    private static Rows mid(SimRequest r, Instant cutoff) throws BadQuery {
        Instant first;
        Instant last;
        if (r.query().containsKey("settlementPeriodFrom") || r.query().containsKey("settlementPeriodTo")) {
            // With period filters, from and to are settlement dates (their time part is ignored).
            LocalDate fromDay = instant(r, "from").atZone(LONDON).toLocalDate();
            LocalDate toDay = instant(r, "to").atZone(LONDON).toLocalDate();
            first = periodStart(fromDay, integer(r, "settlementPeriodFrom", 1));
            last = periodStart(toDay, integer(r, "settlementPeriodTo", periods(toDay)));
        } else {
            first = instant(r, "from");
            last = instant(r, "to");
        }
        Rows rows = new Rows("price");
        for (Instant t = first; !t.isAfter(last); t = t.plus(HALF_HOUR)) {
            if (t.plus(HALF_HOUR).isAfter(cutoff) || r.isWithheld(t)) {
                continue;
            }
            LocalDate day = t.atZone(LONDON).toLocalDate();
            int sp = (int) (Duration.between(day.atStartOfDay(LONDON).toInstant(), t).toMinutes() / 30) + 1;
            for (String provider : PROVIDERS) {
                boolean n2ex = provider.equals("N2EXMIDP");
                rows.add("{\"dataset\":\"MID\",\"startTime\":\"" + t + "\",\"dataProvider\":\"" + provider + "\",\"settlementDate\":\""
                        + day + "\",\"settlementPeriod\":" + sp + ",\"price\":", n2ex ? "0" : price(t),
                        ",\"volume\":" + (n2ex ? "0" : Long.toString(500 + t.getEpochSecond() / 1800 % 700)) + "}");
            }
        }
        return rows;
    }

    /** The generated APX market index price of a period, GBP/MWh, two decimals. */
    public static String price(Instant periodStart) {
        return String.format(java.util.Locale.ROOT, "%.2f", 40 + (periodStart.getEpochSecond() / 1800 % 60) * 1.25);
    }

    /** INDO: each settlement period's demand, published 3 minutes after the period ends. */
    private static Rows indo(SimRequest r, Instant cutoff) throws BadQuery {
        Instant from = instant(r, "publishDateTimeFrom");
        Instant to = instant(r, "publishDateTimeTo");
        Rows rows = new Rows("demand");
        Instant start = Instant.ofEpochSecond(Math.floorDiv(from.minus(Duration.ofMinutes(33)).getEpochSecond(), 1800) * 1800);
        for (Instant t = start; !t.isAfter(to); t = t.plus(HALF_HOUR)) {
            Instant published = t.plus(Duration.ofMinutes(33));
            if (published.isBefore(from) || published.isAfter(to) || published.isAfter(cutoff) || r.isWithheld(published)) {
                continue;
            }
            LocalDate day = t.atZone(LONDON).toLocalDate();
            int sp = (int) (Duration.between(day.atStartOfDay(LONDON).toInstant(), t).toMinutes() / 30) + 1;
            rows.add("{\"dataset\":\"INDO\",\"publishTime\":\"" + published + "\",\"startTime\":\"" + t + "\",\"settlementDate\":\""
                    + day + "\",\"settlementPeriod\":" + sp + ",\"demand\":", Long.toString(25_000 + t.getEpochSecond() / 1800 % 9000), "}");
        }
        return rows;
    }

    /** REMIT: one revision every 20 minutes; revisions 1-3 of a message fall in the same hour. */
    private static Rows remit(SimRequest r, Instant cutoff) throws BadQuery {
        Instant from = instant(r, "publishDateTimeFrom");
        Instant to = instant(r, "publishDateTimeTo");
        long step = REMIT_EVERY.toSeconds();
        Rows rows = new Rows("availableCapacity");
        for (long s = -Math.floorDiv(-from.getEpochSecond(), step) * step; s <= to.getEpochSecond(); s += step) {
            Instant published = Instant.ofEpochSecond(s);
            if (published.isAfter(cutoff) || r.isWithheld(published)) {
                continue;
            }
            long hour = s / 3600;
            int revision = (int) (s % 3600 / step) + 1;
            rows.add("{\"dataset\":\"REMIT\",\"mrid\":\"48X000000000277E-NGET-RMT-" + String.format("%08d", hour % 100_000_000)
                    + "\",\"revisionNumber\":" + revision + ",\"publishTime\":\"" + published + "\",\"createdTime\":\"" + published
                    + "\",\"messageType\":\"UnavailabilitiesOfElectricityFacilities\",\"eventType\":\"Production unavailability\","
                    + "\"unavailabilityType\":\"Planned\",\"assetId\":\"T_DIDCB5\",\"fuelType\":\"Fossil Gas\",\"normalCapacity\":780,"
                    + "\"availableCapacity\":", Integer.toString(780 - 100 * revision), ",\"unavailableCapacity\":" + 100 * revision
                    + ",\"eventStatus\":\"Active\",\"eventStartTime\":\"" + published.plus(Duration.ofDays(1)) + "\",\"eventEndTime\":\""
                    + published.plus(Duration.ofDays(2)) + "\",\"outageProfile\":[{\"startTime\":\"" + published.plus(Duration.ofDays(1))
                    + "\",\"endTime\":\"" + published.plus(Duration.ofDays(2)) + "\",\"capacity\":" + (780 - 100 * revision) + "}]}");
        }
        return rows;
    }

    private static Instant periodStart(LocalDate day, int sp) throws BadQuery {
        if (sp < 1 || sp > periods(day)) {
            throw new BadQuery("settlementPeriodFrom", "Settlement period must be between 1 and " + periods(day) + ".");
        }
        return day.atStartOfDay(LONDON).toInstant().plus(HALF_HOUR.multipliedBy(sp - 1L));
    }

    private static int periods(LocalDate day) {
        return (int) (Duration.between(day.atStartOfDay(LONDON), day.plusDays(1).atStartOfDay(LONDON)).toMinutes() / 30);
    }

    private static Instant instant(SimRequest r, String name) throws BadQuery {
        String v = r.query().get(name);
        if (v == null) {
            throw new BadQuery(name, "The " + name + " field is required.");
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadQuery(name, "The value '" + v + "' is not valid.");
        }
    }

    private static LocalDate date(SimRequest r, String name) throws BadQuery {
        String v = r.query().get(name);
        if (v == null || !v.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new BadQuery(name, "Settlement date parameters must be provided in the exact format yyyy-MM-dd.");
        }
        return LocalDate.parse(v);
    }

    private static int integer(SimRequest r, String name, int fallback) throws BadQuery {
        String v = r.query().get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadQuery(name, "The value '" + v + "' is not valid.");
        }
    }

    /** A 400: the parameter and Elexon-like text. */
    private static final class BadQuery extends Exception {
        private static final long serialVersionUID = 1L;
        private final String parameter;

        BadQuery(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }

    /** Rows as JSON objects, each split around one number so {@code NOT_A_NUMBER} can spoil the first. */
    private static final class Rows {
        private final List<String[]> rows = new java.util.ArrayList<>();
        private final String numberField;

        /** @param numberField the field whose number the REMIT rows (built whole) are split around */
        Rows(String numberField) {
            this.numberField = numberField;
        }

        void add(String head, String number, String tail) {
            rows.add(new String[] {head, number, tail});
        }

        void add(String whole) {
            String name = "\"" + numberField + "\":";
            int at = whole.indexOf(name) + name.length();
            int end = whole.indexOf(',', at);
            add(whole.substring(0, at), whole.substring(at, end), whole.substring(end));
        }

        String json(SimRequest.Variant variant) {
            if (variant == SimRequest.Variant.EMPTY_DATA) {
                return "[]";
            }
            StringBuilder sb = new StringBuilder(rows.size() * 160 + 2).append('[');
            for (int i = 0; i < rows.size(); i++) {
                String[] r = rows.get(i);
                boolean spoil = i == 0 && variant == SimRequest.Variant.NOT_A_NUMBER;
                sb.append(i == 0 ? "" : ",").append(r[0]).append(spoil ? "\"abc\"" : r[1]).append(r[2]);
            }
            return sb.append(']').toString();
        }
    }
}
