package dev.pmp.analytics.bess;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.DatasetSummary;
import dev.pmp.spi.FetchRecord;
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
 * it: {@code batteries} storage resources ({@code PWRSTR} before RTC+B, {@code ESR} from it) with hourly DAM energy
 * and AS awards, SCED runs every {@code scedSeconds}, hourly DA SPP and MCPC, 15-minute RT SPP and RT MCPC. Every
 * day is covered. Rows are in {@link ErcotSchemas}' column order. Used by the benchmark and the cross-check tests,
 * so the calculator's time is measured without a store's memory footprint.
 */
final class SyntheticMarket implements StoreView {
    private static final String[] PRODUCTS = {"REGUP", "REGDN", "RRS", "ECRS", "NSPIN"};
    private final int batteries;
    private final int scedSeconds;
    private final String[] names;
    private final String[] nodes;
    private final double[] hsl;
    private final String[] qses;
    private final long rtcB = RevenueCalculator.RTC_B_GO_LIVE.atStartOfDay(ErcotSchemas.ZONE).toEpochSecond();

    SyntheticMarket(int batteries, int scedSeconds) {
        this.batteries = batteries;
        this.scedSeconds = scedSeconds;
        names = new String[batteries];
        nodes = new String[batteries];
        hsl = new double[batteries];
        qses = new String[batteries];
        for (int b = 0; b < batteries; b++) {
            names[b] = String.format("SYN%03d_BESS1", b);
            nodes[b] = String.format("SYN%03d_RN", b);
            hsl[b] = 10 + (b * 37) % 190;
            qses[b] = "QSE" + b % 17;
        }
    }

    String name(int b) {
        return names[b];
    }

    /** A deterministic value in [0, 1) from the inputs. */
    private static double noise(long a, long b) {
        long x = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 29;
        return (x >>> 11) * 0x1.0p-53;
    }

    /** DAM energy award in MW of battery {@code b} for the hour starting at {@code hourSecond}. */
    private double award(int b, long hourSecond) {
        int local = (int) Math.floorMod(hourSecond / 3600 - 6, 24);
        double share = (b % 3 == 0) ? 0.2 : 0.6;
        if (local >= 17 && local < 20) {
            return hsl[b] * share;
        }
        if (local >= 2 && local < 5) {
            return -hsl[b] * share;
        }
        return 0;
    }

    private double asAward(int b, int product, long hourSecond) {
        return (b % 3 == 0) ? hsl[b] * 0.15 * (product == 0 || product == 2 ? 1 : 0.3) : (product == 0 ? 2 : 0);
    }

    @Override
    public void scan(Dataset dataset, Window within, RowSink sink) throws StoreException {
        try {
            long s0 = within.start().getEpochSecond();
            long s1 = within.end().getEpochSecond();
            switch (dataset.id()) {
                case "ercot.dam_resource_awards_60d" -> {
                    for (long t = ceil(s0, 3600); t < s1; t += 3600) {
                        Instant start = Instant.ofEpochSecond(t);
                        Instant end = start.plusSeconds(3600);
                        for (int b = 0; b < batteries; b++) {
                            Object[] v = new Object[dataset.schema().width()];
                            v[0] = start;
                            v[1] = end;
                            v[2] = names[b];
                            v[3] = t >= rtcB ? "ESR" : "PWRSTR";
                            v[4] = qses[b];
                            v[5] = nodes[b];
                            v[6] = "ON";
                            v[7] = hsl[b];
                            v[8] = 0.0;
                            v[9] = award(b, t);
                            v[10] = 25.0 + 20 * noise(b, t);
                            v[11] = asAward(b, 0, t);
                            v[13] = asAward(b, 1, t);
                            v[16] = asAward(b, 2, t);
                            v[20] = asAward(b, 3, t);
                            v[22] = asAward(b, 4, t);
                            sink.accept(Row.of(v));
                        }
                    }
                }
                case "ercot.sced_resource_data_60d" -> {
                    for (long t = ceil(s0, scedSeconds); t < s1; t += scedSeconds) {
                        Instant mark = Instant.ofEpochSecond(t);
                        Instant run = mark.plusSeconds(Math.min(20, scedSeconds / 2));
                        long hour = Math.floorDiv(t, 3600) * 3600;
                        for (int b = 0; b < batteries; b++) {
                            Object[] v = new Object[dataset.schema().width()];
                            v[0] = mark;
                            v[1] = run;
                            v[2] = names[b];
                            v[3] = t >= rtcB ? "ESR" : "PWRSTR";
                            v[4] = qses[b];
                            v[5] = "ON";
                            double a = award(b, hour);
                            v[7] = a + (noise(t, b) - 0.5) * 0.1 * hsl[b];
                            v[8] = hsl[b];
                            if (t >= rtcB) {
                                v[17] = asAward(b, 0, hour) * (0.8 + 0.4 * noise(b, t));
                                v[18] = asAward(b, 1, hour);
                                v[19] = asAward(b, 2, hour);
                                v[22] = asAward(b, 3, hour);
                                v[23] = asAward(b, 4, hour);
                            }
                            sink.accept(Row.of(v));
                        }
                    }
                }
                case "ercot.spp_day_ahead_hourly" -> {
                    for (long t = ceil(s0, 3600); t < s1; t += 3600) {
                        Instant start = Instant.ofEpochSecond(t);
                        for (int b = 0; b < batteries; b++) {
                            sink.accept(Row.of(start, start.plusSeconds(3600), nodes[b], 20 + 60 * noise(t, b),
                                    "node"));
                        }
                    }
                }
                case "ercot.spp_real_time_15min" -> {
                    for (long t = ceil(s0, 900); t < s1; t += 900) {
                        Instant start = Instant.ofEpochSecond(t);
                        for (int b = 0; b < batteries; b++) {
                            sink.accept(Row.of(start, start.plusSeconds(900), nodes[b], "RN",
                                    10 + 100 * noise(b, t), "node"));
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
        } catch (StoreException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("synthetic scan of " + dataset.id() + " stopped: " + e.getMessage(), e);
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
