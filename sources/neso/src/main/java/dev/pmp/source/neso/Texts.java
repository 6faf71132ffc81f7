package dev.pmp.source.neso;

import java.nio.charset.StandardCharsets;

/** Short excerpts of payloads for error messages. */
final class Texts {
    private static final int EXCERPT = 120;

    private Texts() {
    }

    /** The first characters of {@code body} on one line, for a message. */
    static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, EXCERPT * 2), StandardCharsets.UTF_8).strip()
                .replaceAll("\\s+", " ");
        return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "..." : text;
    }
}
