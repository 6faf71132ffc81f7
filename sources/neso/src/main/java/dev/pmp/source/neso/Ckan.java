package dev.pmp.source.neso;

import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.util.Map;

/** The CKAN action envelope {@code {"success": true, "result": ...}} shared by every portal answer. */
final class Ckan {

    private Ckan() {
    }

    /**
     * The {@code result} object of an action's answer.
     *
     * @param action the action name, for messages
     * @throws SourceException {@link Failure#BAD_DATA} when the body is not the envelope, or CKAN reports
     *     {@code success: false} (its error type and message are quoted)
     */
    static Map<String, Object> result(byte[] body, String action) throws SourceException {
        Map<String, Object> envelope = Json.object(Json.read(body, action + " answer"), action + " answer");
        Object success = envelope.get("success");
        if (Boolean.FALSE.equals(success)) {
            throw new SourceException(Failure.BAD_DATA, "the portal refused " + action + ": " + error(envelope));
        }
        if (!Boolean.TRUE.equals(success)) {
            throw new SourceException(Failure.BAD_DATA, action + " answer has no \"success\": true; starts with "
                    + Texts.excerpt(body));
        }
        return Json.object(envelope.get("result"), action + " answer's result");
    }

    private static String error(Map<String, Object> envelope) {
        if (envelope.get("error") instanceof Map<?, ?> error) {
            StringBuilder text = new StringBuilder();
            if (error.get("__type") instanceof String type) {
                text.append(type);
            }
            for (Map.Entry<?, ?> e : error.entrySet()) {
                if (!"__type".equals(e.getKey())) {
                    text.append(text.length() > 0 ? "; " : "").append(e.getKey()).append(": ").append(e.getValue());
                }
            }
            return text.toString();
        }
        return "no error details";
    }
}
