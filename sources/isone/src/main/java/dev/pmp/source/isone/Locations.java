package dev.pmp.source.isone;

import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Web Services API {@code /locations} list (hub, load zones, external interfaces) as a daily
 * snapshot, and the mapping of ISO-NE location types to the standard ones. Immutable and thread-safe.
 */
final class Locations implements Feed {

    static final Dataset DATASET = new Dataset(
            "isone.locations",
            "ISO-NE pricing locations (hub, load zones, external interfaces), daily snapshot",
            IsoneSettings.DEFAULT_API_BASE + "/locations",
            Schema.builder(TimeShape.POINT)
                    .key("location_id", ColumnType.VARCHAR, "LocationID: ISO-NE's numeric location id")
                    .value("location_name", ColumnType.VARCHAR, "", "LocationName (e.g. .H.INTERNAL_HUB)")
                    .value("iso_location_type", ColumnType.VARCHAR, "", "LocationType as published (HUB, LOAD ZONE, ...)")
                    .value("location_type", ColumnType.VARCHAR, "", "standard location type: hub, load_zone, interface, node, system; empty for a reserve zone")
                    .value("area_type", ColumnType.VARCHAR, "", "AreaType (INTERNAL, EXTERNAL)")
                    .build(),
            TimeShape.POINT,
            Access.SNAPSHOT,
            Duration.ofDays(1),
            IsoneTime.ZONE,
            Duration.ZERO,
            Duration.ofDays(1),
            LocalDate.of(2024, 1, 1),
            Optional.of(Duration.ofDays(1)),
            false,
            Duration.ofDays(1));

    /**
     * The hub, load zones and external interfaces (README §5), for reports that give only the id (the
     * 5-minute LMP CSVs): id to name and standard type.
     */
    static final Map<String, Known> DEFAULTS = Map.ofEntries(
            Map.entry("4000", new Known(".H.INTERNAL_HUB", "hub")),
            Map.entry("4001", new Known(".Z.MAINE", "load_zone")),
            Map.entry("4002", new Known(".Z.NEWHAMPSHIRE", "load_zone")),
            Map.entry("4003", new Known(".Z.VERMONT", "load_zone")),
            Map.entry("4004", new Known(".Z.CONNECTICUT", "load_zone")),
            Map.entry("4005", new Known(".Z.RHODEISLAND", "load_zone")),
            Map.entry("4006", new Known(".Z.SEMASS", "load_zone")),
            Map.entry("4007", new Known(".Z.WCMASS", "load_zone")),
            Map.entry("4008", new Known(".Z.NEMASSBOST", "load_zone")),
            Map.entry("4010", new Known(".I.SALBRYNB345", "interface")),
            Map.entry("4011", new Known(".I.ROSETON 345", "interface")),
            Map.entry("4012", new Known(".I.HQ_P1_P2345", "interface")),
            Map.entry("4013", new Known(".I.HQHIGATE120", "interface")),
            Map.entry("4014", new Known(".I.SHOREHAM138", "interface")),
            Map.entry("4017", new Known(".I.NRTHPORT138", "interface")));

    /**
     * A location of the default list.
     *
     * @param name ISO-NE's name
     * @param type the standard location type
     */
    record Known(String name, String type) {
    }

    private final IsoneSettings settings;

    Locations(IsoneSettings settings) {
        this.settings = settings;
    }

    /**
     * The standard location type of an ISO-NE type: {@code HUB} → hub, {@code LOAD ZONE} → load_zone,
     * {@code NETWORK NODE} → node, an external node or interface → interface; null when unknown.
     */
    static String standardType(String isoType) {
        if (isoType == null) {
            return null;
        }
        String t = isoType.strip().toUpperCase(Locale.ROOT);
        if (t.equals("HUB")) {
            return "hub";
        }
        if (t.equals("LOAD ZONE")) {
            return "load_zone";
        }
        if (t.equals("SYSTEM")) {
            return "system";
        }
        if (t.equals("NETWORK NODE")) {
            return "node";
        }
        if (t.startsWith("EXT") || t.contains("INTERFACE")) {
            return "interface";
        }
        return null;
    }

    @Override
    public Dataset dataset() {
        return DATASET;
    }

    @Override
    public FetchRequest request(Window window) {
        return FetchRequest.get(settings.api("/locations")).withHeader("Accept", "application/json")
                .withAuthentication();
    }

    /**
     * One row per location, stamped with the local midnight of the day the answer arrived; covers that
     * day.
     *
     * @throws SourceException BAD_DATA for another envelope or a location without id; NOT_PUBLISHED for
     *     an empty list
     */
    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        String what = response.uri().toString();
        ApiAnswer answer = ApiAnswer.read(response.body(), "Locations", "Location", what);
        if (answer.records().isEmpty()) {
            throw new SourceException(Failure.NOT_PUBLISHED, what + ": the location list is empty");
        }
        LocalDate day = IsoneTime.localDay(response.fetchedAt());
        Instant stamp = IsoneTime.dayStart(day);
        Sheet sheet = new Sheet(DATASET, what);
        List<String> unknownTypes = new ArrayList<>();
        for (ApiRecord r : answer.records()) {
            String id = r.text("LocationID");
            if (id == null || id.isBlank()) {
                throw IsoneTime.badData(what + ": location " + r.index() + " has no LocationID");
            }
            String type = r.text("LocationType");
            String standard = standardType(type);
            if (standard == null && type != null) {
                unknownTypes.add(type);
            }
            sheet.add(Row.of(stamp, id.strip(), r.text("LocationName"), type, standard, r.text("AreaType")),
                    IsoneTime.dayStart(day.plusDays(1)));
        }
        if (!unknownTypes.isEmpty()) {
            sheet.note("location types without a standard type: " + unknownTypes);
        }
        Window today = new Window(stamp, IsoneTime.dayStart(day.plusDays(1)));
        return Parsed.of(sheet.rows(), sheet.covered(today), sheet.quarantined(), sheet.notes());
    }
}
