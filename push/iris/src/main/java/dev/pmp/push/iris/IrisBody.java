package dev.pmp.push.iris;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The JSON a message body carries. IRIS bodies are JSON text of an array of rows, but Elexon's own .NET and
 * Python samples also accept a JSON <em>string</em> whose content is that array (they parse twice); this
 * unwraps such a string once. Anything else is passed on unchanged for the feed to judge.
 */
final class IrisBody {
    private static final JsonFactory JSON = new JsonFactory();

    private IrisBody() {
    }

    /**
     * The array text inside a body that is one JSON string, or empty when the body is not a JSON string (a
     * plain array, an object, or something that is not JSON at all).
     */
    static Optional<byte[]> unwrapString(byte[] body) {
        int i = 0;
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < body.length && isWhitespace(body[i])) {
            i++;
        }
        if (i >= body.length || body[i] != '"') {
            return Optional.empty();
        }
        try (JsonParser p = JSON.createParser(body, i, body.length - i)) {
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                return Optional.empty();
            }
            String inner = p.getText();
            if (p.nextToken() != null) {
                return Optional.empty();
            }
            return Optional.of(inner.strip().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Not a well-formed JSON string: the feed gets the body as it came and reports what is wrong with it.
            return Optional.empty();
        }
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
