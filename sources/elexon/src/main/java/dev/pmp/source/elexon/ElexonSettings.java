package dev.pmp.source.elexon;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

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
        Optional<String> value = settings.value(API_URL);
        return new ElexonSettings(value.isPresent() ? apiBase(value.get().strip()) : DEFAULT_API_BASE);
    }

    private static URI apiBase(String text) throws SourceException {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("is not a URL (" + e.getReason() + ")");
        }
        if (uri.getRawUserInfo() != null) {
            // Never echo the value: it would carry the credentials into the log.
            throw new SourceException(Failure.CONFIG, API_URL + " must not contain credentials");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw invalid("is \"" + text + "\", expected an http or https URL such as " + DEFAULT_API_BASE);
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
        return new SourceException(Failure.CONFIG, API_URL + " " + problem);
    }
}
