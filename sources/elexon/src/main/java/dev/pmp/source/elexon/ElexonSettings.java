package dev.pmp.source.elexon;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import java.net.URI;
import java.util.Objects;

/**
 * The settings of the Elexon source, read once from {@link Settings}.
 *
 * @param apiBase the Insights API root the {@code /datasets/...} paths are appended to; absolute http(s),
 *     no query, no fragment, no credentials, no trailing slash
 */
public record ElexonSettings(URI apiBase) {

    /** Overrides where the Insights API is read from (a proxy, the simulator); default {@link #DEFAULT_API_BASE}. */
    public static final String API_URL = "PMP_ELEXON_API_URL";

    /** Elexon's public Insights API (no key, no authentication). */
    public static final URI DEFAULT_API_BASE = URI.create("https://data.elexon.co.uk/bmrs/api/v1");

    public ElexonSettings {
        Objects.requireNonNull(apiBase, "apiBase");
    }

    /**
     * Reads and checks the settings.
     *
     * @throws SourceException {@link Failure#CONFIG} when {@value #API_URL} is not a usable URL
     */
    public static ElexonSettings from(Settings settings) throws SourceException {
        return new ElexonSettings(settings.baseUrl(API_URL, DEFAULT_API_BASE));
    }

}
