package dev.pmp.bench.ercotapi;

import dev.pmp.source.ercot.api.ApiSettings;
import dev.pmp.source.ercot.api.ReportFeed;
import dev.pmp.source.ercot.report.ErcotReport;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Parses a synthetic monthly NP6-905-CD bundle held in memory, as {@link ReportFeed} does during a backfill
 * ({@code GET /bundle/np6-905-cd?download=...}): November 2025 (30 days with the fall-back day, 2,884
 * intervals), one posting zip per interval ({@code <docId>.zip} holding one deflated CSV in the archive's
 * header and cell formats, DSTFlag Y on the repeated hour) inside a stored outer zip, 200 settlement points
 * per posting (175 resource nodes, 7 hubs, 8 load zones as LZ and LZEW rows, 2 DC-tie zones): 576,800
 * rows. Fewer points than ERCOT's ~1,040 per posting make the per-posting work (inner zip, header mapping)
 * weigh more, so this is the harder case. One JMH thread (the feed parses the postings in slices on the
 * common fork-join pool, so both cores of the build machine); one operation = one row. Goal: ≥ 500,000 rows/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class BundleParseBenchmark {

    static final ZoneId CT = ZoneId.of("America/Chicago");
    static final Instant START = Instant.parse("2025-11-01T05:00:00Z");
    static final Instant END = Instant.parse("2025-12-01T06:00:00Z");
    static final int INTERVALS = 2884;
    static final int POINTS = 200;
    static final int ROWS = INTERVALS * POINTS;

    private final Window november = new Window(START, END);
    private ReportFeed feed;
    private FetchResponse bundle;

    @Setup
    public void generate() throws SourceException {
        List<String[]> points = new ArrayList<>();
        for (int i = 0; points.size() < 175; i++) {
            points.add(new String[] {"RN_" + (i % 5 == 0 ? "UNIT" : "NODE") + i + (i % 3 == 0 ? "_ALL" : "_RN"), "RN"});
        }
        for (String hub : List.of("HB_BUSAVG:SH", "HB_HOUSTON:HU", "HB_HUBAVG:AH", "HB_NORTH:HU", "HB_PAN:HU",
                "HB_SOUTH:HU", "HB_WEST:HU")) {
            points.add(hub.split(":"));
        }
        for (String zone : List.of("LZ_AEN", "LZ_CPS", "LZ_HOUSTON", "LZ_LCRA", "LZ_NORTH", "LZ_RAYBN", "LZ_SOUTH",
                "LZ_WEST")) {
            points.add(new String[] {zone, "LZ"});
            points.add(new String[] {zone, "LZEW"});
        }
        for (int i = 0; points.size() < POINTS; i++) {
            points.add(new String[] {"LZ_DC" + i, "LZ_DC"});
        }
        DateTimeFormatter date = DateTimeFormatter.ofPattern("MM/dd/yyyy");
        ByteArrayOutputStream outer = new ByteArrayOutputStream(64 << 20);
        long seed = 42;
        int intervals = 0;
        try (ZipOutputStream bundleZip = new ZipOutputStream(outer)) {
            bundleZip.setLevel(0);
            for (Instant s = START; s.isBefore(END); s = s.plus(Duration.ofMinutes(15))) {
                ZonedDateTime local = s.atZone(CT);
                var offsets = CT.getRules().getValidOffsets(local.toLocalDateTime());
                boolean repeated = offsets.size() > 1 && local.getOffset().getTotalSeconds() == -6 * 3600;
                String labels = date.format(local) + "," + (local.getHour() + 1) + "," + (local.getMinute() / 15 + 1) + ",";
                StringBuilder csv = new StringBuilder(POINTS * 48).append("DeliveryDate,DeliveryHour,DeliveryInterval,"
                        + "SettlementPointName,SettlementPointType,SettlementPointPrice,DSTFlag\r\n");
                for (String[] p : points) {
                    seed = seed * 6364136223846793005L + 1442695040888963407L;
                    double price = ((seed >>> 33) % 12000) / 100.0 - 20;
                    csv.append(labels).append(p[0]).append(',').append(p[1]).append(',')
                            .append(String.format(Locale.ROOT, "%.2f", price)).append(repeated ? ",Y\r\n" : ",N\r\n");
                }
                long docId = 1_000_000_000L + s.getEpochSecond() / 900;
                bundleZip.putNextEntry(new ZipEntry(docId + ".zip"));
                bundleZip.write(posting("cdr.00012301.0000000000000000." + docId + ".SPPHLZNP6905.csv",
                        csv.toString().getBytes(StandardCharsets.US_ASCII)));
                bundleZip.closeEntry();
                intervals++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (intervals != INTERVALS) {
            throw new IllegalStateException("generated " + intervals + " intervals, expected " + INTERVALS);
        }
        Map<String, String> settings = Map.of(ApiSettings.USERNAME, "u", ApiSettings.PASSWORD, "p", ApiSettings.KEY, "k");
        feed = new ReportFeed(ErcotReport.NP6_905_CD, ApiSettings.from(key -> Optional.ofNullable(settings.get(key))));
        bundle = new FetchResponse(URI.create("https://api.ercot.com/api/public-reports/bundle/np6-905-cd?download=1"),
                200, "application/zip", outer.toByteArray(), START);
        int rows = parse().rows().size();
        if (rows != ROWS) {
            throw new IllegalStateException("parsed " + rows + " rows, expected " + ROWS);
        }
    }

    private static byte[] posting(String name, byte[] csv) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(csv.length / 3);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(csv);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Parsed parse() throws SourceException {
        return feed.parse(november, bundle);
    }
}
