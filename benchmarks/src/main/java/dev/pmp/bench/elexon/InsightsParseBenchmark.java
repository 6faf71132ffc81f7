package dev.pmp.bench.elexon;

import dev.pmp.source.elexon.ElexonCatalogue;
import dev.pmp.source.elexon.ElexonSource;
import dev.pmp.source.elexon.SettlementPeriods;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
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
 * Parses synthetic Insights {@code /stream} answers held in memory, through the feed's public
 * {@code parse} (streaming JSON, typing, placing on the grid, key check), on one thread. FUELINST: 30
 * settlement days × 288 five-minute starts × 20 fuel types = 172,800 rows in the documented field order
 * (spec §3.2). BOD: one settlement day of 48 periods × 1,000 BM units × 10 bid-offer pairs = 480,000 rows.
 * Reported as rows per second (one operation = one row). Goal: ≥ 1,000,000 rows/s on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class InsightsParseBenchmark {

    static final int FUELINST_DAYS = 30;
    static final int FUELS = 20;
    static final int FUELINST_ROWS = FUELINST_DAYS * 288 * FUELS;
    static final int UNITS = 1000;
    static final int PAIRS = 10;
    static final int BOD_ROWS = 48 * UNITS * PAIRS;

    private static final LocalDate FIRST = LocalDate.of(2024, 5, 1);

    private Feed fuelinst;
    private Feed bod;
    private FetchResponse fuelinstBody;
    private FetchResponse bodBody;
    private Window fuelinstWindow;
    private Window bodWindow;

    @Setup
    public void generate() throws SourceException {
        ElexonSource source = new ElexonSource();
        fuelinst = source.feed(ElexonCatalogue.byCode("FUELINST").orElseThrow(), key -> Optional.empty());
        bod = source.feed(ElexonCatalogue.byCode("BOD").orElseThrow(), key -> Optional.empty());
        fuelinstWindow = new Window(SettlementPeriods.dayStart(FIRST), SettlementPeriods.dayStart(FIRST.plusDays(FUELINST_DAYS)));
        bodWindow = new Window(SettlementPeriods.dayStart(FIRST), SettlementPeriods.dayStart(FIRST.plusDays(1)));
        fuelinstBody = response(fuelinstJson());
        bodBody = response(bodJson());
        check(fuelinst.parse(fuelinstWindow, fuelinstBody), FUELINST_ROWS);
        check(bod.parse(bodWindow, bodBody), BOD_ROWS);
    }

    private static void check(Parsed p, int rows) {
        if (p.rows().size() != rows || !p.quarantined().isEmpty()) {
            throw new IllegalStateException("parsed " + p.rows().size() + " rows, expected " + rows + "; " + p.quarantined());
        }
    }

    private static FetchResponse response(String json) {
        return new FetchResponse(URI.create("https://data.elexon.co.uk/bmrs/api/v1/datasets/X/stream"), 200, "application/json",
                json.getBytes(StandardCharsets.UTF_8), Instant.parse("2024-06-01T00:00:00Z"));
    }

    private static String fuelinstJson() {
        StringBuilder sb = new StringBuilder(FUELINST_ROWS * 190).append('[');
        String[] fuels = new String[FUELS];
        String[] known = {"BIOMASS", "CCGT", "COAL", "NPSHYD", "NUCLEAR", "OCGT", "OIL", "OTHER", "PS", "WIND", "INTELEC", "INTEW",
            "INTFR", "INTGRNL", "INTIFA2", "INTIRL", "INTNED", "INTNEM", "INTNSL", "INTVKL"};
        System.arraycopy(known, 0, fuels, 0, FUELS);
        long seed = 7;
        boolean first = true;
        for (int d = 0; d < FUELINST_DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            Instant start = SettlementPeriods.dayStart(day);
            for (int k = 0; k < 288; k++) {
                Instant t = start.plus(Duration.ofMinutes(5L * k));
                String publish = t.plus(Duration.ofMinutes(5)).toString();
                int sp = k / 6 + 1;
                for (String fuel : fuels) {
                    seed = seed * 6364136223846793005L + 1442695040888963407L;
                    sb.append(first ? "" : ",").append("{\"dataset\":\"FUELINST\",\"publishTime\":\"").append(publish)
                            .append("\",\"startTime\":\"").append(t).append("\",\"settlementDate\":\"").append(day)
                            .append("\",\"settlementPeriod\":").append(sp).append(",\"fuelType\":\"").append(fuel)
                            .append("\",\"generation\":").append((seed >>> 40) % 12000).append('}');
                    first = false;
                }
            }
        }
        return sb.append(']').toString();
    }

    private static String bodJson() {
        StringBuilder sb = new StringBuilder(BOD_ROWS * 290).append('[');
        long seed = 11;
        boolean first = true;
        Instant start = SettlementPeriods.dayStart(FIRST);
        for (int sp = 1; sp <= 48; sp++) {
            String from = start.plus(Duration.ofMinutes(30L * (sp - 1))).toString();
            String to = start.plus(Duration.ofMinutes(30L * sp)).toString();
            for (int u = 0; u < UNITS; u++) {
                String unit = (u % 3 == 0 ? "E_" : "T_") + "UNIT" + u + "-" + (u % 4 + 1);
                for (int pair = -PAIRS / 2; pair <= PAIRS / 2; pair++) {
                    if (pair == 0) {
                        continue;
                    }
                    seed = seed * 6364136223846793005L + 1442695040888963407L;
                    double price = ((seed >>> 33) % 20000) / 100.0 - 50;
                    long level = (seed >>> 50) % 500 * Long.signum(pair);
                    sb.append(first ? "" : ",").append("{\"dataset\":\"BOD\",\"settlementDate\":\"").append(FIRST)
                            .append("\",\"settlementPeriod\":").append(sp).append(",\"timeFrom\":\"").append(from)
                            .append("\",\"levelFrom\":").append(level).append(",\"timeTo\":\"").append(to).append("\",\"levelTo\":")
                            .append(level).append(",\"pairId\":").append(pair).append(",\"offer\":")
                            .append(String.format(Locale.ROOT, "%.2f", price + 10)).append(",\"bid\":")
                            .append(String.format(Locale.ROOT, "%.2f", price)).append(",\"nationalGridBmUnit\":\"")
                            .append(unit.substring(2)).append("\",\"bmUnit\":\"").append(unit).append("\"}");
                    first = false;
                }
            }
        }
        return sb.append(']').toString();
    }

    @Benchmark
    @OperationsPerInvocation(FUELINST_ROWS)
    public Parsed fuelinst() throws SourceException {
        return fuelinst.parse(fuelinstWindow, fuelinstBody);
    }

    @Benchmark
    @OperationsPerInvocation(BOD_ROWS)
    public Parsed bod() throws SourceException {
        return bod.parse(bodWindow, bodBody);
    }
}
