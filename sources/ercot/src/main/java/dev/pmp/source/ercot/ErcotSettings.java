package dev.pmp.source.ercot;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

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
        Optional<String> value = settings.value(DASHBOARD_URL);
        return new ErcotSettings(value.isPresent() ? dashboardBase(value.get().strip()) : DEFAULT_DASHBOARD_BASE);
    }

    /** The absolute URI of {@code path} (starting with {@code /}) under the dashboard base. */
    public URI dashboard(String path) {
        return URI.create(dashboardBase + path);
    }

    private static URI dashboardBase(String text) throws SourceException {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("is not a URL (" + e.getReason() + ")");
        }
        if (uri.getRawUserInfo() != null) {
            // Never echo the value: it would carry the credentials into the log.
            throw new SourceException(Failure.CONFIG, DASHBOARD_URL + " must not contain credentials");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw invalid("is \"" + text + "\", expected an http or https URL such as " + DEFAULT_DASHBOARD_BASE);
        }
        if (uri.getHost() == null) {
            throw invalid("is \"" + text + "\", which names no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("is \"" + text + "\"; it must not carry a query or fragment");
        }
        String base = uri.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base);
    }

    private static SourceException invalid(String problem) {
        return new SourceException(Failure.CONFIG, DASHBOARD_URL + " " + problem);
    }
}
