package dev.pmp.source.nyiso;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test payloads: recorded fixtures from the classpath, synthetic archives, and responses naming their file. */
final class Payloads {

    static final Settings DEFAULTS = key -> Optional.empty();
    static final Settings GENERATORS = key -> key.equals(NyisoSettings.GENERATORS) ? Optional.of("true") : Optional.empty();
    static final URI BASE = NyisoSettings.DEFAULT_MIS_BASE;

    private Payloads() {
    }

    static byte[] fixture(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/nyiso/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Feed feed(Dataset dataset) {
        return feed(dataset, DEFAULTS);
    }

    static Feed feed(Dataset dataset, Settings settings) {
        try {
            return new NyisoSource().feed(dataset, settings);
        } catch (SourceException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The market day {@code day} as a window. */
    static Window day(LocalDate day) {
        return new Window(day.atStartOfDay(NyisoDatasets.LMP_DAY_AHEAD_HOURLY.marketZone()).toInstant(),
                day.plusDays(1).atStartOfDay(NyisoDatasets.LMP_DAY_AHEAD_HOURLY.marketZone()).toInstant());
    }

    /** The calendar month as a window. */
    static Window month(YearMonth month) {
        return new Window(day(month.atDay(1)).start(), day(month.atEndOfMonth()).end());
    }

    /** The answer to the daily file of {@code file} for {@code day}, fetched long after the day. */
    static FetchResponse daily(MisFile file, LocalDate day, byte[] body) {
        return response(file.uri(BASE, file.dailyName(day)), body, Instant.parse("2030-01-01T00:00:00Z"));
    }

    static FetchResponse daily(MisFile file, LocalDate day, String body) {
        return daily(file, day, body.getBytes(StandardCharsets.UTF_8));
    }

    static FetchResponse response(URI uri, byte[] body, Instant fetchedAt) {
        return new FetchResponse(uri, 200, "text/csv", body, fetchedAt);
    }

    /** The answer to the monthly archive of {@code file} for {@code month}, fetched at {@code fetchedAt}. */
    static FetchResponse monthly(MisFile file, YearMonth month, byte[] zip, Instant fetchedAt) {
        return response(file.uri(BASE, file.monthlyName(month.atDay(1))), zip, fetchedAt);
    }

    /** A zip of the given members, in the given order. */
    static byte[] zip(Map<String, byte[]> members) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                out.putNextEntry(new ZipEntry(m.getKey()));
                out.write(m.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
