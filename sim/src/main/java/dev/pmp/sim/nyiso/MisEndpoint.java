package dev.pmp.sim.nyiso;

import dev.pmp.sim.SimEndpoint;
import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * NYISO's MIS server under {@value #PREFIX}: {@code /nyiso/public/csv/<folder>/<YYYYMMDD><file>.csv} for the
 * last 7 days (day-ahead files and the load forecast from the day they cover, the others growing as the
 * day goes, {@code realtime} ending with RTC advisory rows) and
 * {@code /nyiso/public/csv/<folder>/<YYYYMM01><file>_csv.zip} with one member per finished day of the
 * month. Anything else is a 404 HTML page, as NYISO's Apache answers. Point {@code PMP_NYISO_MIS_URL} at
 * {@code <simulator>/nyiso/public/csv}. Stateless and thread-safe.
 */
public final class MisEndpoint implements SimEndpoint {

    /** The path prefix served. */
    public static final String PREFIX = "/nyiso/";

    /** Where the CSV folders hang, under the simulator's base URI. */
    public static final String CSV_ROOT = "/nyiso/public/csv";

    /** How long NYISO keeps the daily files (spec §1: gridstatus reads the last 7 days from them). */
    public static final int DAILY_DAYS = 7;

    private static final Pattern PATH = Pattern.compile(
            Pattern.quote(CSV_ROOT) + "/([A-Za-z]+)/(\\d{8})([A-Za-z_]+?)(\\.csv|_csv\\.zip)");
    private static final Duration DEFAULT_LAG = Duration.ofMinutes(2);

    private final Duration publicationLag;

    /** An endpoint publishing each interval 2 minutes after it ends. */
    public MisEndpoint() {
        this(DEFAULT_LAG);
    }

    /** @param publicationLag how long after its end (or reading) an interval appears; not negative */
    public MisEndpoint(Duration publicationLag) {
        this.publicationLag = Objects.requireNonNull(publicationLag, "publicationLag");
        if (publicationLag.isNegative()) {
            throw new IllegalArgumentException("publicationLag must not be negative: " + publicationLag);
        }
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public SimResponse answer(SimRequest request) throws IOException {
        Matcher m = PATH.matcher(request.path());
        if (!m.matches()) {
            return notFound(request.path());
        }
        MisFileKind kind = MisFileKind.of(m.group(1), m.group(3));
        LocalDate date;
        try {
            date = LocalDate.parse(m.group(2), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return notFound(request.path());
        }
        if (kind == null) {
            return notFound(request.path());
        }
        Instant cutoff = request.now().minus(publicationLag);
        LocalDate today = LocalDate.ofInstant(cutoff, MisFileWriter.ZONE);
        if (m.group(4).equals(".csv")) {
            LocalDate newest = kind.ahead ? today.plusDays(1) : today;
            if (date.isBefore(today.minusDays(DAILY_DAYS)) || date.isAfter(newest)) {
                return notFound(request.path());
            }
            return SimResponse.ok("text/csv", MisFileWriter.write(kind, date, cutoff, request));
        }
        if (date.getDayOfMonth() != 1 || !date.isBefore(today)) {
            return notFound(request.path());
        }
        return SimResponse.ok("application/zip", archive(kind, YearMonth.from(date), today, cutoff, request));
    }

    /** The month's archive: one member per day before {@code today}. */
    static byte[] archive(MisFileKind kind, YearMonth month, LocalDate today, Instant cutoff, SimRequest request)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()) && d.isBefore(today); d = d.plusDays(1)) {
                zip.putNextEntry(new ZipEntry(DateTimeFormatter.BASIC_ISO_DATE.format(d) + kind.fileName + ".csv"));
                zip.write(MisFileWriter.write(kind, d, cutoff, request));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static SimResponse notFound(String path) {
        String html = "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head><title>404 Not Found</title>"
                + "</head><body><h1>Not Found</h1><p>The requested URL " + path
                + " was not found on this server.</p></body></html>\n";
        return new SimResponse(404, "text/html; charset=iso-8859-1",
                html.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), Map.of());
    }
}
