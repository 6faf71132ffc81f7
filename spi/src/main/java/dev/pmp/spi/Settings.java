package dev.pmp.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Read access to the operator's configuration (environment {@code PMP_...} variables, config file,
 * flags), already merged by the application. A source reads what it needs once, into its own record.
 */
@FunctionalInterface
public interface Settings {

    /** The value of a key such as {@code PMP_ERCOT_DASHBOARD_URL}, if set and not blank. */
    Optional<String> value(String key);

    /**
     * An operator's base URL from setting {@code key} (so a proxy or the simulator can stand in), or
     * {@code fallback} when it is not set: an absolute http(s) URL with a host, no credentials (the value is
     * then never echoed), no query or fragment, trailing slashes removed.
     *
     * @throws SourceException {@link Failure#CONFIG} naming the key and what is wrong
     */
    default URI baseUrl(String key, URI fallback) throws SourceException {
        Optional<String> value = value(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String text = value.get().strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new SourceException(Failure.CONFIG, key + " is not a URL (" + e.getReason() + ")");
        }
        if (uri.getRawUserInfo() != null) {
            // Never echo the value: it would carry the credentials into the log.
            throw new SourceException(Failure.CONFIG, key + " must not contain credentials");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new SourceException(Failure.CONFIG, key + " is \"" + text
                    + "\", expected an http or https URL such as " + fallback);
        }
        if (uri.getHost() == null) {
            throw new SourceException(Failure.CONFIG, key + " is \"" + text + "\", which names no host;"
                    + " expected an http or https URL such as " + fallback);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new SourceException(Failure.CONFIG, key + " is \"" + text + "\"; it must not carry a query or fragment");
        }
        String base = uri.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base);
    }
}
