package dev.pmp.source.ercot;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import java.net.URI;
import java.util.Objects;

/**
 * The settings of the ERCOT source, read once from {@link Settings}.
 *
 * @param dashboardBase scheme, host, port and optional path prefix the dashboard paths are appended to;
 *     absolute {@code http} or {@code https}, no query, no fragment, no credentials, no trailing slash
 */
public record ErcotSettings(URI dashboardBase) {

    /** Overrides where the dashboards are read from (a proxy, the simulator); default {@link #DEFAULT_DASHBOARD_BASE}. */
    public static final String DASHBOARD_URL = "PMP_ERCOT_DASHBOARD_URL";

    /** ERCOT's own public web site. */
    public static final URI DEFAULT_DASHBOARD_BASE = URI.create("https://www.ercot.com");

    public ErcotSettings {
        Objects.requireNonNull(dashboardBase, "dashboardBase");
    }

    /**
     * Reads and checks the settings.
     *
     * @throws SourceException {@link Failure#CONFIG} when {@value #DASHBOARD_URL} is not a usable URL
     */
    public static ErcotSettings from(Settings settings) throws SourceException {
        return new ErcotSettings(settings.baseUrl(DASHBOARD_URL, DEFAULT_DASHBOARD_BASE));
    }

    /** The absolute URI of {@code path} (starting with {@code /}) under the dashboard base. */
    public URI dashboard(String path) {
        return URI.create(dashboardBase + path);
    }

}
