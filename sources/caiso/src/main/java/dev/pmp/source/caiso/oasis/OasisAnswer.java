package dev.pmp.source.caiso.oasis;

import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one OASIS {@code SingleZip} answer holds: CSV reports, or the error document OASIS sends with
 * HTTP 200 instead of data.
 *
 * @param reports the CSV members, in zip order; empty when {@code error} is present
 * @param error the {@code ERR_CODE} document, if the zip held one
 */
public record OasisAnswer(List<ZipMember> reports, Optional<OasisError> error) {

    public OasisAnswer {
        reports = List.copyOf(reports);
        Objects.requireNonNull(error, "error");
    }

    /**
     * Opens an answer body: a zip of CSV members or of one {@code OASISReport} XML member (a bare
     * {@code OASISReport} document is read too).
     *
     * @throws SourceException {@link Failure#TRANSIENT} for an HTML page instead of the zip (OASIS'
     *     throttle page, a proxy's error page); {@link Failure#BAD_DATA} for anything else that is not a
     *     complete zip of CSV or error members
     */
    public static OasisAnswer read(byte[] body) throws SourceException {
        if (!OasisZip.isZip(body)) {
            String head = head(body);
            if (head.startsWith("<?xml") || head.startsWith("<m:oasisreport") || head.startsWith("<oasisreport")) {
                return new OasisAnswer(List.of(), Optional.of(OasisError.read(body, "body")));
            }
            if (head.startsWith("<")) {
                throw new SourceException(Failure.TRANSIENT, "OASIS answered with an HTML page instead of a zip "
                        + "(throttled or down?): " + excerpt(body));
            }
            throw new SourceException(Failure.BAD_DATA, body.length == 0 ? "OASIS answered with an empty body"
                    : "OASIS answer is not a zip (it starts with \"" + excerpt(body) + "\")");
        }
        List<ZipMember> members = OasisZip.read(body);
        List<ZipMember> reports = new ArrayList<>();
        for (ZipMember m : members) {
            if (m.isXml()) {
                return new OasisAnswer(List.of(), Optional.of(OasisError.read(m.bytes(), m.name())));
            }
            reports.add(m);
        }
        if (reports.isEmpty()) {
            throw new SourceException(Failure.BAD_DATA, "OASIS zip holds no file");
        }
        return new OasisAnswer(reports, Optional.empty());
    }

    private static String head(byte[] body) {
        int p = 0;
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            p = 3;
        }
        while (p < body.length && (body[p] == ' ' || body[p] == '\t' || body[p] == '\r' || body[p] == '\n')) {
            p++;
        }
        return new String(body, p, Math.min(body.length - p, 32), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 80), StandardCharsets.ISO_8859_1);
        return text.replaceAll("\\s+", " ").strip();
    }
}
