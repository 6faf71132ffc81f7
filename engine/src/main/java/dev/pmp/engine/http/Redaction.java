package dev.pmp.engine.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Removes secrets from text meant for messages and logs: the values of credential headers, of
 * request headers with secret-looking names, and of query parameters with secret-looking names.
 * Immutable; one per fetch.
 */
final class Redaction {
    static final String MASK = "***";
    private static final Pattern SECRET_NAME = Pattern.compile(
            "authorization|cookie|key|token|secret|password|passwd|pwd|signature|credential|session|auth");
    /** Shorter values are masked in URIs by name only: replacing them everywhere would garble text. */
    private static final int MIN_REPLACED_LENGTH = 4;

    private final List<String> secrets;

    private Redaction(List<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * @param uri the requested URI, whose secret-looking query parameters are secrets
     * @param requestHeaders the request's own headers, secret when their name looks secret
     * @param credentialHeaders authentication headers, all secret
     */
    static Redaction of(URI uri, Map<String, String> requestHeaders, Map<String, String> credentialHeaders) {
        List<String> values = new ArrayList<>();
        credentialHeaders.values().forEach(value -> addSecret(values, value));
        requestHeaders.forEach((name, value) -> {
            if (looksSecret(name)) {
                addSecret(values, value);
            }
        });
        String query = uri.getRawQuery();
        if (query != null) {
            for (String parameter : query.split("&")) {
                int equals = parameter.indexOf('=');
                if (equals > 0 && looksSecret(parameter.substring(0, equals))) {
                    addSecret(values, parameter.substring(equals + 1));
                }
            }
        }
        values.sort(Comparator.comparingInt(String::length).reversed());
        return new Redaction(List.copyOf(values));
    }

    /** {@code text} with every known secret replaced by {@value #MASK}. */
    String apply(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** The URI as text, with the values of secret-looking query parameters masked. */
    String uri(URI uri) {
        String query = uri.getRawQuery();
        if (query == null) {
            return apply(uri.toString());
        }
        StringBuilder masked = new StringBuilder();
        for (String parameter : query.split("&", -1)) {
            if (masked.length() > 0) {
                masked.append('&');
            }
            int equals = parameter.indexOf('=');
            if (equals > 0 && looksSecret(parameter.substring(0, equals))) {
                masked.append(parameter, 0, equals + 1).append(MASK);
            } else {
                masked.append(parameter);
            }
        }
        String text = uri.toString();
        int start = text.indexOf('?');
        int fragment = text.indexOf('#', start);
        String tail = fragment < 0 ? "" : text.substring(fragment);
        return apply(text.substring(0, start + 1) + masked + tail);
    }

    static boolean looksSecret(String name) {
        return SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).find();
    }

    private static void addSecret(List<String> values, String value) {
        String trimmed = value.strip();
        if (trimmed.length() >= MIN_REPLACED_LENGTH) {
            values.add(trimmed);
        }
        // "Bearer <token>": the token alone may be echoed back in an error body.
        for (String part : trimmed.split("\\s+")) {
            if (part.length() >= 8 && !part.equals(trimmed)) {
                values.add(part);
            }
        }
    }
}
