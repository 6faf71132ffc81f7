package dev.pmp.source.ercot.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.io.IOException;

/**
 * ERCOT's error documents when they arrive behind a 200 (README section 3.6): the application envelope
 * {@code {timestamp, code, status, message, data}} and the gateway's {@code {error_key, error_message}}.
 * The engine classifies the same errors by HTTP status; this is the same classification by content.
 */
final class ApiErrors {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ApiErrors() {
    }

    /**
     * Throws when {@code body} is one of ERCOT's error documents: a 400 or 404 ("listed but not downloadable
     * yet", README 3.5) is {@link Failure#NOT_PUBLISHED}, 401/403 {@link Failure#CONFIG}, a throttle or 5xx
     * {@link Failure#TRANSIENT}. Anything else passes (including bodies that are not JSON objects).
     */
    static void check(String what, byte[] body) throws SourceException {
        int i = 0;
        while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
            i++;
        }
        if (i >= body.length || body[i] != '{') {
            return;
        }
        String errorKey = null;
        String message = null;
        Integer code = null;
        boolean data = false;
        try (JsonParser p = JSON.createParser(body)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                switch (key) {
                    case "error_key" -> errorKey = p.getValueAsString();
                    case "error_message", "message" -> message = p.getValueAsString();
                    case "code" -> code = t.isNumeric() ? p.getIntValue() : parse(p.getValueAsString());
                    case "fields", "archives", "bundles", "_meta" -> {
                        data = true;
                        p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            return; // not JSON after all: the caller's parser reports it
        }
        if (data) {
            return;
        }
        if (errorKey != null) {
            Failure f = errorKey.equals("throttled") ? Failure.TRANSIENT : Failure.CONFIG;
            throw new SourceException(f, what + ": ERCOT API gateway error " + errorKey + ": " + message);
        }
        if (code != null && message != null) {
            Failure f = code == 400 || code == 404 ? Failure.NOT_PUBLISHED
                    : code == 401 || code == 403 ? Failure.CONFIG
                    : code == 429 || code >= 500 ? Failure.TRANSIENT : Failure.BAD_DATA;
            throw new SourceException(f, what + ": ERCOT API error " + code + ": " + message);
        }
    }

    private static Integer parse(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
