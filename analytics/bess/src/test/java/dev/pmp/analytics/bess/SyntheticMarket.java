package dev.pmp.analytics.bess;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.DatasetSummary;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.KeyFilter;
import dev.pmp.spi.Revision;
import dev.pmp.spi.Row;
import dev.pmp.spi.RowSink;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A hand-written {@link StoreView} that generates a deterministic ERCOT market on every scan instead of holding
 * it. Battery {@code b} is, before RTC+B, the PWRSTR {@code SYNbbb_UNIT1} (hourly DAM discharge awards, AS awards,
 * SMNE and SCED telemetry) plus the load resource {@code SYNbbb_LD1} (DAM AS awards, SCED consumption while charging
 * in local hours 2-5); from RTC+B one ESR, named {@code SYNbbb_UNIT1} for even {@code b} and {@code SYNbbb_ESR1}
 * (same node) for odd {@code b}, with signed DAM awards, telemetry and RT AS awards. Prices: hourly DA SPP and MCPC,
 * 15-minute RT SPP and (from RTC+B) RT MCPC. Every day is covered. Rows are in {@link ErcotSchemas}' column order.
 * Implements a key-filtered scan ({@code StoreView.scan} with a {@code KeyFilter}) by generating only the kept resources. Used by the benchmark and the cross-checks,
 * so the calculator's time is measured without a store's memory footprint.
 */
final class SyntheticMarket implements StoreView {
    private static final String[] PRODUCTS = {"REGUP", "REGDN", "RRS", "ECRS", "NSPIN"};
    private static final Double ZERO = 0.0;
    private final int batteries;
    private final int scedSeconds;
    private final String[] names;
    private final String[] esrNames;
    private final String[] loads;
    private final String[] nodes;
    private final double[] hsl;
    private final Double[] hslBoxed;
    private final Double[][] asBoxed;
    private final String[] qses;
    private final long rtcB = RevenueCalculator.RTC_B_GO_LIVE.atStartOfDay(ErcotSchemas.ZONE).toEpochSecond();
    private final long damEsr = RevenueCalculator.DAM_ESR_FIRST_DAY.atStartOfDay(ErcotSchemas.ZONE).toEpochSecond();

    SyntheticMarket(int batteries, int scedSeconds) {
        this.batteries = batteries;
        this.scedSeconds = scedSeconds;
        names = new String[batteries];
        esrNames = new String[batteries];
        loads = new String[batteries];
        nodes = new String[batteries];
        hsl = new double[batteries];
        hslBoxed = new Double[batteries];
        qses = new String[batteries];
        asBoxed = new Double[batteries][PRODUCTS.length];
        for (int b = 0; b < batteries; b++) {
            names[b] = String.format("SYN%03d_UNIT1", b);
            esrNames[b] = b % 2 == 0 ? names[b] : String.format("SYN%03d_ESR1", b);
            loads[b] = String.format("SYN%03d_LD1", b);
            nodes[b] = String.format("SYN%03d_RN", b);
            hsl[b] = 10 + (b * 37) % 190;
            hslBoxed[b] = hsl[b];
            qses[b] = "QSE" + b % 17;
            for (int p = 0; p < PRODUCTS.length; p++) {
                asBoxed[b][p] = asAward(b, p);
            }
        }
    }

    /** The battery's name (its PWRSTR name, which the registry keeps). */
    String name(int b) {
        return names[b];
    }

    /** The battery's paired load resource before RTC+B. */
    String load(int b) {
        return loads[b];
    }

    /** The ESR name of the battery from RTC+B. */
    String esrName(int b) {
        return esrNames[b];
    }

    /** A deterministic value in [0, 1) from the inputs. */
    private static double noise(long a, long b) {
        long x = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 29;
        return (x >>> 11) * 0x1.0p-53;
    }

    private static int localHour(long second) {
        return (int) Math.floorMod(second / 3600 - 6, 24);
    }

    /** Net MW of battery {@code b} in the hour holding {@code second}: discharge 17-20 local, charge 2-5. */
    private double schedule(int b, long second) {
        int local = localHour(second);
        double share = (b % 3 == 0) ? 0.2 : 0.6;
        if (local >= 17 && local < 20) {
            return hsl[b] * share;
        }
        if (local >= 2 && local < 5) {
            return -hsl[b] * share;
        }
        return 0;
    }

    private double asAward(int b, int product) {
        return (b % 3 == 0) ? hsl[b] * 0.15 * (product == 0 || product == 2 ? 1 : 0.3) : (product == 0 ? 2 : 0);
    }

    @Override
    public void scan(Dataset dataset, Window within, RowSink sink) throws StoreException {
        scan(dataset, within, null, sink);
    }

    @Override
    public void scan(Dataset dataset, Window within, KeyFilter filter, RowSink sink) throws StoreException {
        try {
            generate(dataset, within.start().getEpochSecond(), within.end().getEpochSecond(), filter, sink);
        } catch (StoreException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("synthetic scan of " + dataset.id() + " stopped: " + e.getMessage(), e);
        }
    }

    private boolean[] kept(KeyFilter filter, String[] keys) {
        boolean[] out = new boolean[batteries];
        for (int b = 0; b < batteries; b++) {
            out[b] = filter == null || filter.matches(keys[b]);
        }
        return out;
    }

    private void generate(Dataset dataset, long s0, long s1, KeyFilter filter, RowSink sink) throws Exception {
        int width = dataset.schema().width();
        switch (dataset.id()) {
            case "ercot.dam_gen_resources_60d", "ercot.dam_esr_60d" -> {
                boolean esr = dataset.id().equals("ercot.dam_esr_60d");
                boolean[] keep = kept(filter, esr ? esrNames : names);
                // One array per scan: Row.of copies it, and every field a row sets is set on every row.
                Object[] v = new Object[width];
                for (long t = ceil(s0, 3600); t < s1; t += 3600) {
                    if (esr != (t >= damEsr)) {
                        continue;
                    }
                    Instant start = Instant.ofEpochSecond(t);
                    Instant end = start.plusSeconds(3600);
                    for (int b = 0; b < batteries; b++) {
                        if (!keep[b]) {
                            continue;
                        }
                        v[0] = start;
                        v[1] = end;
                        v[2] = esr ? esrNames[b] : names[b];
                        v[3] = esr ? "ESR" : "PWRSTR";
                        v[4] = qses[b];
                        v[5] = nodes[b];
                        v[6] = "ON";
                        v[7] = hslBoxed[b];
                        v[8] = ZERO;
                        // Before RTC+B the PWRSTR is awarded discharge only; charging is bought by QSE energy bids.
                        double award = schedule(b, t);
                        v[9] = esr || award > 0 ? award : 0.0;
                        v[10] = 25.0 + 20 * noise(b, t);
                        v[11] = asBoxed[b][0];
                        v[13] = asBoxed[b][1];
                        v[16] = asBoxed[b][2];
                        v[20] = asBoxed[b][3];
                        v[22] = asBoxed[b][4];
                        sink.accept(Row.of(v));
                    }
                }
            }
            case "ercot.dam_load_resources_60d" -> {
                boolean[] keep = kept(filter, loads);
                // One array per scan: Row.of copies it, and every field a row sets is set on every row.
                Object[] v = new Object[width];
                for (long t = ceil(s0, 3600); t < Math.min(s1, damEsr); t += 3600) {
                    Instant start = Instant.ofEpochSecond(t);
                    Instant end = start.plusSeconds(3600);
                    for (int b = 0; b < batteries; b++) {
                        if (keep[b]) {
                            // Load-side RRS-UFR and ECRS-MD: 1 MW each for every third battery.
                            Double side = b % 3 == 0 ? 1.0 : ZERO;
                                v[0] = start;
                            v[1] = end;
                            v[2] = loads[b];
                            v[3] = qses[b];
                            v[4] = hslBoxed[b];
                            v[13] = side;
                            v[16] = side;
                            sink.accept(Row.of(v));
                        }
                    }
                }
            }
            case "ercot.sced_gen_resources_60d", "ercot.sced_esr_60d" -> {
                boolean esr = dataset.id().equals("ercot.sced_esr_60d");
                boolean[] keep = kept(filter, esr ? esrNames : names);
                // One array per scan: Row.of copies it, and every field a row sets is set on every row.
                Object[] v = new Object[width];
                for (long t = ceil(s0, scedSeconds); t < s1; t += scedSeconds) {
                    if (esr != (t >= rtcB)) {
                        continue;
                    }
                    Instant mark = Instant.ofEpochSecond(t);
                    Instant run = mark.plusSeconds(Math.min(20, scedSeconds / 2));
                    for (int b = 0; b < batteries; b++) {
                        if (!keep[b]) {
                            continue;
                        }
                        v[0] = mark;
                        v[1] = run;
                        v[2] = esr ? esrNames[b] : names[b];
                        v[3] = esr ? "ESR" : "PWRSTR";
                        v[4] = qses[b];
                        v[5] = "ON";
                        double net = schedule(b, t) + (noise(t, b) - 0.5) * 0.1 * hsl[b];
                        v[7] = esr ? net : Math.max(0, net);
                        v[8] = hslBoxed[b];
                        if (esr) {
                            v[17] = asAward(b, 0) * (0.8 + 0.4 * noise(b, t));
                            v[18] = asBoxed[b][1];
                            v[19] = asBoxed[b][2];
                            v[22] = asBoxed[b][3];
                            v[23] = asBoxed[b][4];
                        }
                        sink.accept(Row.of(v));
                    }
                }
            }
            case "ercot.sced_load_resources_60d" -> {
                boolean[] keep = kept(filter, loads);
                // One array per scan: Row.of copies it, and every field a row sets is set on every row.
                Object[] v = new Object[width];
                for (long t = ceil(s0, scedSeconds); t < Math.min(s1, rtcB); t += scedSeconds) {
                    Instant mark = Instant.ofEpochSecond(t);
                    Instant run = mark.plusSeconds(Math.min(20, scedSeconds / 2));
                    for (int b = 0; b < batteries; b++) {
                        if (!keep[b]) {
                            continue;
                        }
                        double net = schedule(b, t);
                        v[0] = mark;
                        v[1] = run;
                        v[2] = loads[b];
                        v[3] = qses[b];
                        v[5] = hslBoxed[b];
                        v[7] = net < 0 ? -net * (0.95 + 0.1 * noise(t, b)) : ZERO;
                        sink.accept(Row.of(v));
                    }
                }
            }
            case "ercot.sced_smne_60d" -> {
                boolean[] keep = kept(filter, names);
                for (long t = ceil(s0, 900); t < Math.min(s1, rtcB); t += 900) {
                    Instant start = Instant.ofEpochSecond(t);
                    Instant end = start.plusSeconds(900);
                    Double number = (double) ((t / 900) % 4 + 1);
                    for (int b = 0; b < batteries; b++) {
                        if (keep[b]) {
                            double gen = Math.max(0, schedule(b, t) + (noise(b, t) - 0.5) * 0.1 * hsl[b]);
                            sink.accept(Row.of(start, end, names[b], number, gen * 0.25));
                        }
                    }
                }
            }
            case "ercot.spp_day_ahead_hourly" -> {
                boolean[] keep = kept(filter, nodes);
                for (long t = ceil(s0, 3600); t < s1; t += 3600) {
                    Instant start = Instant.ofEpochSecond(t);
                    Instant end = start.plusSeconds(3600);
                    for (int b = 0; b < batteries; b++) {
                        if (keep[b]) {
                            sink.accept(Row.of(start, end, nodes[b], 20 + 60 * noise(t, b), "node"));
                        }
                    }
                }
            }
            case "ercot.spp_real_time_15min" -> {
                boolean[] keep = kept(filter, nodes);
                for (long t = ceil(s0, 900); t < s1; t += 900) {
                    Instant start = Instant.ofEpochSecond(t);
                    Instant end = start.plusSeconds(900);
                    for (int b = 0; b < batteries; b++) {
                        if (keep[b]) {
                            sink.accept(Row.of(start, end, nodes[b], "RN", 10 + 100 * noise(b, t), "node"));
                        }
                    }
                }
            }
            case "ercot.as_prices_day_ahead" -> {
                for (long t = ceil(s0, 3600); t < s1; t += 3600) {
                    Instant start = Instant.ofEpochSecond(t);
                    for (int p = 0; p < PRODUCTS.length; p++) {
                        sink.accept(Row.of(start, start.plusSeconds(3600), PRODUCTS[p], 2 + 15 * noise(p, t)));
                    }
                }
            }
            case "ercot.as_prices_real_time_15min" -> {
                for (long t = ceil(Math.max(s0, rtcB), 900); t < s1; t += 900) {
                    Instant start = Instant.ofEpochSecond(t);
                    for (int p = 0; p < PRODUCTS.length; p++) {
                        sink.accept(Row.of(start, start.plusSeconds(900), PRODUCTS[p], 1 + 20 * noise(t, p)));
                    }
                }
            }
            default -> throw new StoreException("the synthetic market has no " + dataset.id());
        }
    }

    private static long ceil(long s, long step) {
        return Math.floorDiv(s + step - 1, step) * step;
    }

    /** Every dataset covers everything asked for. */
    @Override
    public List<Window> coverage(Dataset dataset, Window within) {
        return List.of(within);
    }

    @Override
    public List<Instant> gridTimes(Dataset dataset, Window within) {
        throw new UnsupportedOperationException("the leaderboard does not read grid times");
    }

    @Override
    public DatasetSummary summary(Dataset dataset) {
        throw new UnsupportedOperationException("the leaderboard does not read summaries");
    }

    @Override
    public List<FetchRecord> fetches(Dataset dataset, int limit) {
        return List.of();
    }

    @Override
    public List<Revision> revisions(Dataset dataset, int limit) {
        return List.of();
    }

    /** The first operating day after RTC+B, for tests that want ESR days. */
    static LocalDate afterRtcB() {
        return RevenueCalculator.RTC_B_GO_LIVE.plusDays(1);
    }
}
