package dev.pmp.bench;

import dev.pmp.source.ercot.report.ErcotReport;
import dev.pmp.source.ercot.report.ReportParser;
import dev.pmp.source.ercot.report.ReportRows;
import dev.pmp.spi.SourceException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
 * Parses a synthetic NP6-905-CD (real-time 15-minute settlement point prices) CSV of 998,400 rows held
 * in memory, on one thread: 10 operating days of 96 intervals × 1,040 settlement points (1,017 resource
 * nodes and 23 hubs and zones, LZ and LZEW rows sharing names), in the archive's exact header and cell
 * formats, CRLF line ends. Reported as rows per second (one operation = one row). Goal: ≥ 1,000,000
 * rows/s on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class Np6905ParseBenchmark {

    static final int DAYS = 10;
    static final int ROWS = DAYS * 96 * 1040;

    private byte[] csv;

    @Setup
    public void generate() {
        List<String[]> points = new ArrayList<>();
        String[] prefixes = {"ADL", "AEEC", "ANCHOR", "BRAZ", "CALAVER", "CEDRO", "DECKER", "FORMOSA", "GIBCREEK",
            "HLSES", "JACKCNTY", "LPCCS", "MARIAH", "NUECES", "OLNEY", "PANDA", "QALSW", "RAYBURN", "SANDHSYD", "TOKEN"};
        for (int i = 0; points.size() < 1017; i++) {
            String name = prefixes[i % prefixes.length] + "_" + (i % 7 == 0 ? "UNIT" + i : "RN" + i)
                    + (i % 3 == 0 ? "_ALL" : "");
            points.add(new String[] {name, i % 50 == 0 ? "PUN" : i % 41 == 0 ? "PCCRN" : "RN"});
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(ROWS * 48);
        StringBuilder b = new StringBuilder(
                "DeliveryDate,DeliveryHour,DeliveryInterval,SettlementPointName,SettlementPointType,SettlementPointPrice,DSTFlag\r\n");
        DateTimeFormatter f = DateTimeFormatter.ofPattern("MM/dd/yyyy");
        LocalDate first = LocalDate.of(2026, 9, 1);
        long seed = 42;
        for (int d = 0; d < DAYS; d++) {
            String date = first.plusDays(d).format(f);
            for (int h = 1; h <= 24; h++) {
                for (int k = 1; k <= 4; k++) {
                    for (String[] p : points) {
                        seed = seed * 6364136223846793005L + 1442695040888963407L;
                        double price = ((seed >>> 33) % 12000) / 100.0 - 20;
                        b.append(date).append(',').append(h).append(',').append(k).append(',').append(p[0]).append(',')
                                .append(p[1]).append(',').append(String.format(Locale.ROOT, "%.2f", price)).append(",N\r\n");
                    }
                    out.writeBytes(b.toString().getBytes(StandardCharsets.US_ASCII));
                    b.setLength(0);
                }
            }
        }
        csv = out.toByteArray();
        try {
            int rows = parse().rows().size();
            if (rows != ROWS) {
                throw new IllegalStateException("generated " + rows + " rows, expected " + ROWS);
            }
        } catch (SourceException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ReportRows parse() throws SourceException {
        return ReportParser.parseCsv(ErcotReport.NP6_905_CD, "SPPHLZNP6905_synthetic.csv", csv);
    }
}
