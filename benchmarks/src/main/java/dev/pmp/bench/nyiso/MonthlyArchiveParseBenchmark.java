package dev.pmp.bench.nyiso;

import dev.pmp.source.nyiso.NyisoSource;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parses a synthetic month of NYISO real-time 5-minute LBMP from its two monthly archives held in memory,
 * {@code 20260601realtime_gen_csv.zip} then {@code 20260601realtime_zone_csv.zip}, through the
 * {@code nyiso.lmp_real_time_5min} feed with every generator bus kept, on one thread: 30 days of 288
 * intervals × (15 zone-file locations + 110 generator buses incl. the reference bus) = 1,080,000 rows in
 * the documented LBMP layout (quoted cells, CRLF). Unzipping is included. Reported as rows per second
 * (one operation = one row). Goal: ≥ 1,000,000 rows/s on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class MonthlyArchiveParseBenchmark {

    static final YearMonth MONTH = YearMonth.of(2026, 6);
    static final int INTERVALS = 30 * 288;
    static final int ZONE_LOCATIONS = 15;
    static final List<String> ZONES = List.of("CAPITL", "CENTRL", "DUNWOD", "GENESE", "HUD VL", "LONGIL", "MHK VL",
            "MILLWD", "N.Y.C.", "NORTH", "WEST", "H Q", "NPX", "O H", "PJM");
    static final int GENERATORS = 110;
    static final int ROWS = INTERVALS * (ZONE_LOCATIONS + GENERATORS);

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);

    private Feed feed;
    private Window window;
    private FetchResponse gen;
    private FetchResponse zone;

    @Setup
    public void generate() throws SourceException {
        Settings all = key -> key.equals("PMP_NYISO_GENERATORS") ? Optional.of("true") : Optional.empty();
        NyisoSource source = new NyisoSource();
        Dataset dataset = source.datasets().stream().filter(d -> d.id().equals("nyiso.lmp_real_time_5min")).findFirst()
                .orElseThrow();
        feed = source.feed(dataset, all);
        window = new Window(MONTH.atDay(1).atStartOfDay(ZONE).toInstant(),
                MONTH.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant());
        List<String> gens = new ArrayList<>();
        gens.add("NYISO_LBMP_REFERENCE");
        String[] plants = {"ASTORIA", "BOWLINE", "RAVENSWOOD", "ROSETON", "DANSKAMMER", "NINE_MILE", "GINNA", "FITZPATRICK",
            "ATHENS", "EMPIRE", "INDIAN_POINT"};
        for (int i = 0; gens.size() < GENERATORS; i++) {
            gens.add(plants[i % plants.length] + "___" + (i % 9 == 0 ? "GT_" : "") + (i / plants.length + 1) + "_"
                    + (i % 4 + 1));
        }
        URI genUri = feed.request(window).uri();
        Instant fetched = window.end().plus(Duration.ofDays(10));
        gen = new FetchResponse(genUri, 200, "application/zip", archive("realtime_gen", gens, 61_000), fetched);
        Parsed first = feed.parse(window, gen);
        URI zoneUri = first.next().orElseThrow().uri();
        zone = new FetchResponse(zoneUri, 200, "application/zip", archive("realtime_zone", ZONES, 61_752), fetched);
        int rows = parse();
        if (rows != ROWS) {
            throw new IllegalStateException("parsed " + rows + " rows, expected " + ROWS);
        }
    }

    private static byte[] archive(String fileName, List<String> names, int firstPtid) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long seed = 42;
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (LocalDate d = MONTH.atDay(1); !d.isAfter(MONTH.atEndOfMonth()); d = d.plusDays(1)) {
                zip.putNextEntry(new ZipEntry(DateTimeFormatter.BASIC_ISO_DATE.format(d) + fileName + ".csv"));
                StringBuilder b = new StringBuilder("\"Time Stamp\",\"Name\",\"PTID\",\"LBMP ($/MWHr)\","
                        + "\"Marginal Cost Losses ($/MWHr)\",\"Marginal Cost Congestion ($/MWHr)\"\r\n");
                Instant start = d.atStartOfDay(ZONE).toInstant();
                for (int k = 1; k <= 288; k++) {
                    String ts = STAMP.format(start.plusSeconds(300L * k).atZone(ZONE));
                    for (int n = 0; n < names.size(); n++) {
                        seed = seed * 6364136223846793005L + 1442695040888963407L;
                        double lmp = ((seed >>> 33) % 12000) / 100.0 - 20;
                        double loss = ((seed >>> 20) % 300) / 100.0;
                        double congestion = n % 3 == 0 ? 0 : -((seed >>> 12) % 900) / 100.0;
                        b.append('"').append(ts).append("\",\"").append(names.get(n)).append("\",").append(firstPtid + n)
                                .append(',').append(String.format(Locale.ROOT, "%.2f,%.2f,%.2f", lmp, loss, congestion))
                                .append("\r\n");
                    }
                }
                zip.write(b.toString().getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Parses both archives; returns the rows made. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int parse() throws SourceException {
        return feed.parse(window, gen).rows().size() + feed.parse(window, zone).rows().size();
    }
}
