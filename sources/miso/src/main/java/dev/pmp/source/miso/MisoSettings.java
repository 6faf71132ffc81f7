package dev.pmp.source.miso;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of the MISO source, read once from {@link Settings}.
 *
 * @param apiBase base of the public real-time API, without a trailing slash
 * @param reportsBase base of the market-report files, without a trailing slash
 * @param region the CSAT reserve-requirement region kept ({@value #REGION}), empty for every region
 * @param locations which LMP locations are kept ({@value #LMP_LOCATIONS})
 */
public record MisoSettings(URI apiBase, URI reportsBase, Optional<String> region,
        LmpLocations locations) {

    /** Overrides the public API base (a proxy, the simulator); default {@link #DEFAULT_API_BASE}. */
    public static final String API_URL = "PMP_MISO_API_URL";
    /** Overrides the market-report base; default {@link #DEFAULT_REPORTS_BASE}. */
    public static final String REPORTS_URL = "PMP_MISO_REPORTS_URL";
    /** Keeps one CSAT region of {@link #REGIONS}; default every region. */
    public static final String REGION = "PMP_MISO_REGION";
    /** {@code hubs} (default) or {@code all}: which pricing locations the LMP datasets keep. */
    public static final String LMP_LOCATIONS = "PMP_MISO_LMP_LOCATIONS";

    /** MISO's public real-time API. */
    public static final URI DEFAULT_API_BASE = URI.create("https://public-api.misoenergy.org/api");
    /** MISO's market-report folder. */
    public static final URI DEFAULT_REPORTS_BASE = URI.create("https://docs.misoenergy.org/marketreports");
    /** The regions the CSAT reserve requirement publishes. */
    public static final List<String> REGIONS = List.of("South", "North/Central", "Systemwide");

    /** Which pricing locations an LMP dataset keeps. */
    public enum LmpLocations {
        /** Trading hubs only (MISO's eight {@code *.HUB} nodes and the other {@code Hub}-typed nodes). */
        HUBS,
        /** Every published pricing node. */
        ALL
    }

    public MisoSettings {
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(reportsBase, "reportsBase");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(locations, "locations");
    }

    /** The defaults: MISO's own hosts, every region, hubs only. */
    public static MisoSettings defaults() {
        return new MisoSettings(DEFAULT_API_BASE, DEFAULT_REPORTS_BASE, Optional.empty(), LmpLocations.HUBS);
    }

    /**
     * Reads and checks the settings.
     *
     * @throws SourceException {@link Failure#CONFIG} naming the setting that is not usable
     */
    public static MisoSettings from(Settings settings) throws SourceException {
        URI api = settings.baseUrl(API_URL, DEFAULT_API_BASE);
        URI reports = settings.baseUrl(REPORTS_URL, DEFAULT_REPORTS_BASE);
        Optional<String> region = Optional.empty();
        Optional<String> r = settings.value(REGION).map(String::strip);
        if (r.isPresent()) {
            region = REGIONS.stream().filter(x -> x.equalsIgnoreCase(r.get())).findFirst();
            if (region.isEmpty()) {
                throw new SourceException(Failure.CONFIG, REGION + " is \"" + r.get() + "\", expected one of " + REGIONS);
            }
        }
        LmpLocations locations = LmpLocations.HUBS;
        Optional<String> l = settings.value(LMP_LOCATIONS).map(String::strip);
        if (l.isPresent()) {
            switch (l.get().toLowerCase(Locale.ROOT)) {
                case "hubs" -> locations = LmpLocations.HUBS;
                case "all" -> locations = LmpLocations.ALL;
                default -> throw new SourceException(Failure.CONFIG, LMP_LOCATIONS + " is \"" + l.get()
                        + "\", expected hubs or all");
            }
        }
        return new MisoSettings(api, reports, region, locations);
    }

    /** The absolute URI of {@code path} (no leading slash) under the API base. */
    public URI api(String path) {
        return URI.create(apiBase + "/" + path);
    }

    /** The absolute URI of the report file {@code name} under the reports base. */
    public URI report(String name) {
        return URI.create(reportsBase + "/" + name);
    }

}
