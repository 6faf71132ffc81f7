package dev.pmp.source.neso;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import java.net.URI;
import java.util.Objects;

/**
 * The settings of the NESO source, read once from {@link Settings}.
 *
 * @param apiBase the CKAN data portal root the {@code /api/3/action/...} paths are appended to; absolute
 *     {@code http(s)}, no query, fragment, credentials or trailing slash
 * @param carbonIntensityBase the Carbon Intensity API root the {@code /intensity/...} and
 *     {@code /regional/...} paths are appended to; same rules
 */
public record NesoSettings(URI apiBase, URI carbonIntensityBase) {

    /** Overrides the data portal root (a proxy, the simulator); default {@link #DEFAULT_API_BASE}. */
    public static final String API_URL = "PMP_NESO_API_URL";

    /** Overrides the Carbon Intensity API root; default {@link #DEFAULT_CARBON_INTENSITY_BASE}. */
    public static final String CARBON_INTENSITY_URL = "PMP_CARBON_INTENSITY_URL";

    /** NESO's CKAN data portal. */
    public static final URI DEFAULT_API_BASE = URI.create("https://api.neso.energy");

    /** The Carbon Intensity API (NESO with Oxford and EDF). */
    public static final URI DEFAULT_CARBON_INTENSITY_BASE = URI.create("https://api.carbonintensity.org.uk");

    public NesoSettings {
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(carbonIntensityBase, "carbonIntensityBase");
    }

    /** The defaults: NESO's own hosts. */
    public static NesoSettings defaults() {
        return new NesoSettings(DEFAULT_API_BASE, DEFAULT_CARBON_INTENSITY_BASE);
    }

    /**
     * Reads and checks the settings.
     *
     * @throws SourceException {@link Failure#CONFIG} when a URL setting is not a usable base URL
     */
    public static NesoSettings from(Settings settings) throws SourceException {
        return new NesoSettings(settings.baseUrl(API_URL, DEFAULT_API_BASE),
                settings.baseUrl(CARBON_INTENSITY_URL, DEFAULT_CARBON_INTENSITY_BASE));
    }

    /** The data portal action {@code action} with an already encoded query ({@code id=x}). */
    URI action(String action, String encodedQuery) {
        return URI.create(apiBase + "/api/3/action/" + action + "?" + encodedQuery);
    }

    /** The Carbon Intensity URI of {@code path} (starting with {@code /}). */
    URI carbonIntensity(String path) {
        return URI.create(carbonIntensityBase + path);
    }

}
