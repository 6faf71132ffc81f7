package dev.pmp.bench.caiso;

import dev.pmp.source.caiso.CaisoSettings;
import dev.pmp.source.caiso.CaisoSource;
import dev.pmp.source.caiso.LocationalMarginalPrices;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * Parses a synthetic all-node OASIS {@code PRC_INTVL_LMP} (version 3) answer held in memory, on one
 * thread, through the feed's public {@code parse}: unzip, CSV, pivot of the component lines, identity
 * check, rows. The zip holds one CSV of 504,000 lines in the documented header and cell formats: 2,100
 * nodes × 60 five-minute intervals (five hours) × 4 components (LMP, MCE, MCC, MCL, as version 1 of the
 * report has no GHG), lines grouped by component as OASIS writes them. Reported as CSV lines per second
 * (one operation = one line). Goal: ≥ 1,000,000 lines/s on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class OasisLmpParseBenchmark {

    static final int NODES = 2_100;
    static final int INTERVALS = 60;
    static final int LINES = NODES * INTERVALS * 4;

    private static final Instant START = Instant.parse("2026-07-15T17:00:00Z");
    private static final Window WINDOW = Window.of(START, Duration.ofMinutes(5L * INTERVALS));

    private Feed feed;
    private FetchResponse response;

    @Setup
    public void generate() throws SourceException {
        feed = new CaisoSource().feed(LocationalMarginalPrices.REAL_TIME_5MIN,
                key -> key.equals(CaisoSettings.NODES) ? Optional.of("ALL") : Optional.empty());
        String[] nodes = new String[NODES];
        String[] prefixes = {"ADLIN", "BELDEN", "CHWCHLA2", "DIABLO", "ELCAJN", "FRIANT", "GATES", "HUMBPP", "IVANPAH",
            "JNSNHP", "KERNRV", "LODI", "MOSSLD", "NAPA", "OTAY", "PITSBG", "RIOOSO", "SYCAMR", "TESLA", "VACADX"};
        for (int i = 0; i < NODES; i++) {
            nodes[i] = i < 3 ? new String[] {"TH_NP15_GEN-APND", "TH_SP15_GEN-APND", "TH_ZP26_GEN-APND"}[i]
                    : prefixes[i % prefixes.length] + "_" + (i % 9 + 1) + "_N" + String.format("%03d", i % 997)
                            + (i % 5 == 0 ? "-APND" : "");
        }
        DateTimeFormatter gmt = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'-00:00'").withZone(ZoneOffset.UTC);
        ZoneId pacific = ZoneId.of("America/Los_Angeles");
        String[][] types = {{"LMP", "LMP_PRC"}, {"MCC", "LMP_CONG_PRC"}, {"MCE", "LMP_ENE_PRC"}, {"MCL", "LMP_LOSS_PRC"}};
        StringBuilder b = new StringBuilder(LINES * 190);
        b.append("INTERVALSTARTTIME_GMT,INTERVALENDTIME_GMT,OPR_DT,OPR_HR,NODE_ID_XML,NODE_ID,NODE,MARKET_RUN_ID,"
                + "LMP_TYPE,XML_DATA_ITEM,PNODE_RESMRID,GRP_TYPE,POS,VALUE,OPR_INTERVAL,GROUP\n");
        long seed = 42;
        double[][] parts = new double[NODES * INTERVALS][];
        for (int c = 0; c < types.length; c++) {
            for (int k = 0; k < INTERVALS; k++) {
                Instant t = START.plusSeconds(300L * k);
                String head = gmt.format(t) + "," + gmt.format(t.plusSeconds(300)) + ","
                        + t.atZone(pacific).toLocalDate() + "," + String.format("%02d", t.atZone(pacific).getHour() + 1)
                        + ",";
                for (int n = 0; n < NODES; n++) {
                    int cell = k * NODES + n;
                    if (parts[cell] == null) {
                        seed = seed * 6364136223846793005L + 1442695040888963407L;
                        double energy = ((seed >>> 33) % 900_000) / 10_000.0 + 10;
                        double congestion = ((seed >>> 20) % 4_000) / 1_000.0 - 2;
                        double loss = ((seed >>> 12) % 3_000) / 10_000.0 - 0.15;
                        parts[cell] = new double[] {energy + congestion + loss, congestion, energy, loss};
                    }
                    String node = nodes[n];
                    b.append(head).append(node).append(',').append(node).append(',').append(node).append(",RTM,")
                            .append(types[c][0]).append(',').append(types[c][1]).append(',').append(node)
                            .append(",ALL_APNODES,0,").append(round5(parts[cell][c])).append(',').append(k % 12 + 1)
                            .append(',').append(c + 1).append('\n');
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("20260715_20260715_PRC_INTVL_LMP_RTM_v3.csv"));
            zip.write(b.toString().getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        response = new FetchResponse(feed.request(WINDOW).uri(), 200, "application/x-zip-compressed",
                out.toByteArray(), START.plus(Duration.ofDays(30)));
        Parsed parsed = parse();
        if (parsed.rows().size() != NODES * INTERVALS || !parsed.quarantined().isEmpty()) {
            throw new IllegalStateException("parsed " + parsed.rows().size() + " rows and " + parsed.quarantined()
                    + ", expected " + NODES * INTERVALS + " rows");
        }
    }

    private static double round5(double v) {
        return Math.round(v * 100_000) / 100_000.0;
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public Parsed parse() throws SourceException {
        return feed.parse(WINDOW, response);
    }
}
