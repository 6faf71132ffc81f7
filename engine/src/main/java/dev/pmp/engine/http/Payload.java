package dev.pmp.engine.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Checks on response bodies: gzip, HTML where data was expected, short printable excerpts. */
public final class Payload {
    /** Nested gzip layers removed at most (a {@code .gz} file served with {@code Content-Encoding: gzip}). */
    private static final int MAX_GZIP_LAYERS = 3;
    /** Bytes read for an excerpt: enough to hold a secret that straddles the cut. */
    private static final int EXCERPT_SCAN = 4096;

    private Payload() {
    }

    static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    /**
     * Removes gzip: required when {@code declaredGzip}, and sniffed from the magic bytes {@code 1f 8b}
     * otherwise (proxies drop the header). The pipeline decodes an archived document the same way, so it gets the
     * body the network gave.
     *
     * @throws IOException when the body is not valid gzip
     */
    public static byte[] decode(byte[] raw, boolean declaredGzip) throws IOException {
        byte[] body = raw;
        if (declaredGzip) {
            body = gunzip(body);
        }
        for (int layer = 0; layer < MAX_GZIP_LAYERS && isGzip(body); layer++) {
            body = gunzip(body);
        }
        return body;
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    /** The index of the first byte after a UTF-8 byte order mark and ASCII whitespace. */
    static int start(byte[] body) {
        int index = 0;
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            index = 3;
        }
        while (index < body.length && isBlank(body[index])) {
            index++;
        }
        return index;
    }

    static boolean isBlank(byte[] body) {
        return start(body) == body.length;
    }

    /**
     * Whether a 2xx body is an HTML page rather than the data asked for: a bot wall, a maintenance or
     * error page. True when the caller did not ask for HTML and the body starts with {@code <} while
     * JSON or CSV was asked for or the content type says HTML, or the body starts like an HTML
     * document whatever was asked for. A body not starting with {@code <} is never HTML: some
     * servers label CSV {@code text/html}.
     */
    static boolean isHtmlInsteadOfData(byte[] body, String contentType, String accept) {
        String wanted = accept.toLowerCase(Locale.ROOT);
        if (wanted.contains("html")) {
            return false;
        }
        int index = start(body);
        if (index >= body.length || body[index] != '<') {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        boolean wantsData = wanted.contains("json") || wanted.contains("csv");
        boolean labelledHtml = type.startsWith("text/html") || type.contains("xhtml");
        String head = new String(body, index, Math.min(body.length - index, 64), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        boolean startsLikeHtml = head.startsWith("<!doctype html") || head.startsWith("<html");
        return wantsData || labelledHtml || startsLikeHtml;
    }

    /**
     * The first {@code limit} characters after any BOM and leading blanks, on one line, for messages;
     * secrets are masked before cutting, so a cut never leaves part of one.
     */
    static String excerpt(byte[] body, int limit, Redaction redaction) {
        int index = start(body);
        int length = Math.min(body.length - index, EXCERPT_SCAN);
        String text = redaction.apply(new String(body, index, length, StandardCharsets.UTF_8))
                .replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return text.length() <= limit ? text : text.substring(0, limit) + "…";
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f';
    }
}
