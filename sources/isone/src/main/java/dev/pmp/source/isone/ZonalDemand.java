package dev.pmp.source.isone;

import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Schema;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hourly demand of the eight load zones, real-time ({@code /realtimehourlydemand/day/{d}/location/{id}}) or
 * day-ahead cleared ({@code /dayaheadhourlydemand/day/{d}/location/{id}}), API only. One request per zone and day;
 * a day is read zone by zone ({@code Parsed.next}) and only the answer of the last zone claims the day as covered,
 * so a day whose chain broke off is fetched again. Immutable and thread-safe.
 */
final class ZonalDemand implements Feed {

    /** The load zones, in request order (README §5). */
    static final List<String> ZONES = List.of("4001", "4002", "4003", "4004", "4005", "4006", "4007", "4008");

    static final Dataset REAL_TIME = dataset("isone.load_zonal_hourly",
            "ISO-NE hourly real-time demand by load zone", "/realtimehourlydemand/day/{YYYYMMDD}/location/{id}",
            Duration.ofMinutes(30), true);

    static final Dataset DAY_AHEAD = dataset("isone.load_zonal_day_ahead_hourly",
            "ISO-NE hourly day-ahead cleared demand by load zone", "/dayaheadhourlydemand/day/{YYYYMMDD}/location/{id}",
            Duration.ZERO, false);

    private final Dataset dataset;
    private final List<ZoneReport> reports;

    ZonalDemand(Dataset dataset, IsoneSettings settings) {
        this.dataset = dataset;
        boolean realTime = dataset == REAL_TIME;
        List<ZoneReport> r = new ArrayList<>();
        for (String zone : ZONES) {
            r.add(new ZoneReport(settings, realTime, zone));
        }
        this.reports = List.copyOf(r);
    }

    private static Dataset dataset(String id, String title, String path, Duration delay, boolean revisable) {
        return new Dataset(id, title, IsoneSettings.DEFAULT_API_BASE + path,
                Schema.builder(TimeShape.INTERVAL)
                        .key("location_id", ColumnType.VARCHAR, "Location @LocId: the load zone (4001-4008)")
                        .value("location_name", ColumnType.VARCHAR, "", "Location $ (.Z.MAINE, ...)")
                        .value("load_mw", ColumnType.DOUBLE, "MW", "Load")
                        .build(),
                TimeShape.INTERVAL, Access.WINDOWED, Duration.ofHours(1), IsoneTime.ZONE, delay, Duration.ofHours(2),
                LocalDate.of(2019, 1, 1), Optional.empty(), revisable, Duration.ofDays(1));
    }

    @Override
    public Dataset dataset() {
        return dataset;
    }

    /** The first zone of the day holding the window's start. */
    @Override
    public FetchRequest request(Window window) {
        return reports.get(0).request(Period.containing(window.start(), 24), Version.SOLE);
    }

    /**
     * Reads one zone's day; the next request is the next zone, then the first zone of the next day while the
     * window goes on.
     *
     * @throws SourceException {@code NOT_PUBLISHED} when the first zone of the window's first day has no data;
     *     {@code BAD_DATA} for an answer this feed did not ask for or cannot trust
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        Period period = Period.containing(window.start(), 24);
        boolean first = true;
        while (period.start().isBefore(window.end())) {
            for (int z = 0; z < reports.size(); z++) {
                if (reports.get(z).request(period, Version.SOLE).uri().equals(response.uri())) {
                    return parse(window, response, period, z, first);
                }
            }
            period = period.next();
            first = false;
        }
        throw new SourceException(Failure.BAD_DATA, response.uri() + " is not a request of " + dataset.id() + " for "
                + window);
    }

    private Parsed parse(Window window, FetchResponse response, Period period, int zone, boolean first)
            throws SourceException {
        Sheet sheet = new Sheet(dataset, response.uri().toString());
        reports.get(zone).read(period, Version.SOLE, response, sheet);
        if (sheet.isEmpty()) {
            if (first && zone == 0) {
                throw new SourceException(Failure.NOT_PUBLISHED, response.uri() + ": no data for " + period + " yet");
            }
            sheet.note("no data for zone " + ZONES.get(zone) + " on " + period + "; the day stays missing");
            return Parsed.of(List.of(), List.of(), List.of(), sheet.notes());
        }
        boolean last = zone + 1 == reports.size();
        Window span = period.window();
        Optional<FetchRequest> next = Optional.empty();
        if (!last) {
            next = Optional.of(reports.get(zone + 1).request(period, Version.SOLE));
        } else if (!sheet.lastEnd().isBefore(span.end()) && period.next().start().isBefore(window.end())) {
            next = Optional.of(reports.get(0).request(period.next(), Version.SOLE));
        }
        return new Parsed(sheet.rows(), last ? sheet.covered(span) : List.of(), sheet.quarantined(), sheet.notes(), next);
    }

    /** {@code HourlyRtDemands.HourlyRtDemand} or {@code HourlyDaDemands.HourlyDaDemand} of one zone. */
    private static final class ZoneReport extends ApiReport {
        private final boolean realTime;
        private final String zone;

        ZoneReport(IsoneSettings settings, boolean realTime, String zone) {
            super(settings, realTime ? "HourlyRtDemands" : "HourlyDaDemands", realTime ? "HourlyRtDemand" : "HourlyDaDemand",
                    Set.of("BeginDate", "Location.@LocId", "Location.$", "Load"));
            this.realTime = realTime;
            this.zone = zone;
        }

        @Override
        String path(Period period, Version version) {
            return (realTime ? "/realtimehourlydemand" : "/dayaheadhourlydemand") + "/day/" + period.compactDay()
                    + "/location/" + zone;
        }

        @Override
        Duration span() {
            return Duration.ofHours(1);
        }

        @Override
        void record(ApiRecord r, Instant begin, Version version, Sheet sheet) throws Refused {
            String id = r.text("Location.@LocId");
            if (!zone.equals(id)) {
                throw new Refused("Location @LocId is " + id + ", not the zone asked for (" + zone + ")");
            }
            addInterval(sheet, begin, zone, r.text("Location.$"), Refused.number(r.text("Load"), "Load"));
        }
    }
}
