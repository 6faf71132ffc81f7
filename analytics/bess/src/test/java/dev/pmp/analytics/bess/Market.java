package dev.pmp.analytics.bess;

import dev.pmp.spi.Batch;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.Row;
import dev.pmp.spi.Store;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Builds rows in the ERCOT datasets' schemas for hand-computed cases and writes them to a {@link Store} with the
 * days they cover. Values are set by column name; unset columns are null.
 */
final class Market {
    private final Map<Dataset, List<Row>> rows = new LinkedHashMap<>();
    private final Map<Dataset, List<Window>> covered = new HashMap<>();
    private int fetches;

    static Instant dayStart(LocalDate day) {
        return day.atStartOfDay(ErcotSchemas.ZONE).toInstant();
    }

    /** Marks every dataset as covering {@code day}, with or without rows. */
    Market covers(LocalDate day) {
        for (Dataset d : ErcotSchemas.INPUTS.all()) {
            covers(d, day);
        }
        return this;
    }

    Market covers(Dataset d, LocalDate day) {
        covered.computeIfAbsent(d, k -> new ArrayList<>()).add(new Window(dayStart(day), dayStart(day.plusDays(1))));
        return this;
    }

    /** A row of {@code d} from column-name/value pairs. */
    Market row(Dataset d, Object... pairs) {
        Object[] v = new Object[d.schema().width()];
        for (int i = 0; i < pairs.length; i += 2) {
            int c = d.schema().indexOf((String) pairs[i]);
            if (c < 0) {
                throw new IllegalArgumentException(d.id() + " has no column " + pairs[i]);
            }
            v[c] = pairs[i + 1] instanceof Integer n ? Double.valueOf(n) : pairs[i + 1];
        }
        rows.computeIfAbsent(d, k -> new ArrayList<>()).add(Row.of(v));
        return this;
    }

    /** Hours of the operating day as interval starts (23, 24 or 25 of them). */
    static List<Instant> hours(LocalDate day) {
        List<Instant> out = new ArrayList<>();
        for (Instant t = dayStart(day); t.isBefore(dayStart(day.plusDays(1))); t = t.plusSeconds(3600)) {
            out.add(t);
        }
        return out;
    }

    /** 15-minute intervals of the operating day as interval starts. */
    static List<Instant> quarters(LocalDate day) {
        List<Instant> out = new ArrayList<>();
        for (Instant t = dayStart(day); t.isBefore(dayStart(day.plusDays(1))); t = t.plusSeconds(900)) {
            out.add(t);
        }
        return out;
    }

    /** One DAM row per hour of the day; {@code extra} adds column pairs per hour (index from 0). */
    Market damDay(LocalDate day, String resource, String type, String node, double hsl,
            java.util.function.IntFunction<Object[]> extra) {
        List<Instant> hs = hours(day);
        for (int h = 0; h < hs.size(); h++) {
            List<Object> pairs = new ArrayList<>(List.of("interval_start_utc", hs.get(h), "interval_end_utc",
                    hs.get(h).plusSeconds(3600), "resource_name", resource, "resource_type", type, "settlement_point",
                    node, "hsl_mw", hsl, "awarded_mw", 0.0));
            Object[] more = extra.apply(h);
            for (int i = 0; i < more.length; i += 2) {
                int at = pairs.indexOf(more[i]);
                if (at >= 0 && at % 2 == 0) {
                    pairs.set(at + 1, more[i + 1]);
                } else {
                    pairs.add(more[i]);
                    pairs.add(more[i + 1]);
                }
            }
            row(ErcotSchemas.damFor(type), pairs.toArray());
        }
        return this;
    }

    /** One DAM load resource row per hour of the day (no energy award); {@code extra} adds column pairs per hour. */
    Market loadDamDay(LocalDate day, String load, java.util.function.IntFunction<Object[]> extra) {
        List<Instant> hs = hours(day);
        for (int h = 0; h < hs.size(); h++) {
            List<Object> pairs = new ArrayList<>(List.of("interval_start_utc", hs.get(h), "interval_end_utc",
                    hs.get(h).plusSeconds(3600), "resource_name", load, "max_power_consumption_mw", 100.0));
            pairs.addAll(List.of(extra.apply(h)));
            row(ErcotSchemas.DAM_LOAD, pairs.toArray());
        }
        return this;
    }

    /** A load resource's SCED runs every 5 minutes, consuming {@code mw(secondsIntoDayOfTheRun)} (positive). */
    Market loadScedDay(LocalDate day, String load, int offset, DoubleUnaryOperator mw) {
        Instant start = dayStart(day);
        Instant end = dayStart(day.plusDays(1));
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(300)) {
            Instant run = t.plusSeconds(offset);
            double s = Duration.between(start, run).getSeconds();
            row(ErcotSchemas.SCED_LOAD, "time_utc", t, "sced_time_utc", run, "resource_name", load,
                    "real_power_consumption_mw", mw.applyAsDouble(s));
        }
        return this;
    }

    /** SMNE of {@code resource} for every 15-minute interval of the day: {@code mwh(quarterIndex)}. */
    Market smneDay(LocalDate day, String resource, java.util.function.IntToDoubleFunction mwh) {
        List<Instant> qs = quarters(day);
        for (int q = 0; q < qs.size(); q++) {
            row(ErcotSchemas.SMNE, "interval_start_utc", qs.get(q), "interval_end_utc", qs.get(q).plusSeconds(900),
                    "resource_name", resource, "interval_number", (double) (q % 4 + 1), "metered_net_energy_mwh",
                    mwh.applyAsDouble(q));
        }
        return this;
    }

    /**
     * SCED runs every 5 minutes, {@code offset} seconds past the mark, with telemetered output
     * {@code mw(secondsIntoDayOfTheRun)}; {@code extra} adds column pairs per run.
     */
    Market scedDay(LocalDate day, String resource, String type, double hsl, int offset, DoubleUnaryOperator mw,
            java.util.function.DoubleFunction<Object[]> extra) {
        Instant start = dayStart(day);
        Instant end = dayStart(day.plusDays(1));
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(300)) {
            Instant run = t.plusSeconds(offset);
            double s = Duration.between(start, run).getSeconds();
            List<Object> pairs = new ArrayList<>(List.of("time_utc", t, "sced_time_utc", run, "resource_name", resource,
                    "resource_type", type, "hsl_mw", hsl, "telemetered_net_output_mw", mw.applyAsDouble(s)));
            pairs.addAll(List.of(extra.apply(s)));
            row(ErcotSchemas.scedFor(type), pairs.toArray());
        }
        return this;
    }

    /** DA SPP at {@code node} for every hour of the day: {@code price(hourIndex)}. */
    Market daPrices(LocalDate day, String node, java.util.function.IntToDoubleFunction price) {
        List<Instant> hs = hours(day);
        for (int h = 0; h < hs.size(); h++) {
            row(ErcotSchemas.DA_SPP, "interval_start_utc", hs.get(h), "interval_end_utc", hs.get(h).plusSeconds(3600),
                    "settlement_point", node, "price_usd_per_mwh", price.applyAsDouble(h), "location_type", "node");
        }
        return this;
    }

    /** RT SPP at {@code node} for every 15-minute interval of the day: {@code price(quarterIndex)}. */
    Market rtPrices(LocalDate day, String node, java.util.function.IntToDoubleFunction price) {
        List<Instant> qs = quarters(day);
        for (int q = 0; q < qs.size(); q++) {
            row(ErcotSchemas.RT_SPP, "interval_start_utc", qs.get(q), "interval_end_utc", qs.get(q).plusSeconds(900),
                    "settlement_point", node, "settlement_point_type", "RN", "price_usd_per_mwh", price.applyAsDouble(q),
                    "location_type", "node");
        }
        return this;
    }

    /** DAM MCPC of {@code product} for every hour of the day. */
    Market daMcpc(LocalDate day, String product, java.util.function.IntToDoubleFunction price) {
        List<Instant> hs = hours(day);
        for (int h = 0; h < hs.size(); h++) {
            row(ErcotSchemas.DA_MCPC, "interval_start_utc", hs.get(h), "interval_end_utc", hs.get(h).plusSeconds(3600),
                    "ancillary_type", product, "mcpc_usd_per_mw", price.applyAsDouble(h));
        }
        return this;
    }

    /** RT MCPC of {@code product} for every 15-minute interval of the day. */
    Market rtMcpc(LocalDate day, String product, java.util.function.IntToDoubleFunction price) {
        List<Instant> qs = quarters(day);
        for (int q = 0; q < qs.size(); q++) {
            row(ErcotSchemas.RT_MCPC, "interval_start_utc", qs.get(q), "interval_end_utc", qs.get(q).plusSeconds(900),
                    "as_type", product, "mcpc_usd_per_mw", price.applyAsDouble(q));
        }
        return this;
    }

    /** Drops the rows of {@code d} that {@code drop} matches. */
    Market withoutRows(Dataset d, java.util.function.Predicate<Row> drop) {
        rows.getOrDefault(d, new ArrayList<>()).removeIf(drop);
        return this;
    }

    /** Prepares every dataset and writes the rows, one batch per dataset, with the covered days. */
    <S extends Store> S writeTo(S store) throws StoreException {
        for (Dataset d : ErcotSchemas.INPUTS.all()) {
            store.prepare(d);
            List<Row> rs = rows.getOrDefault(d, List.of());
            List<Window> cov = covered.getOrDefault(d, List.of());
            if (rs.isEmpty() && cov.isEmpty()) {
                continue;
            }
            Window w = cov.isEmpty() ? new Window(Instant.EPOCH, Instant.EPOCH.plusSeconds(1))
                    : cov.stream().reduce(Window::span).orElseThrow();
            FetchRecord f = new FetchRecord("f" + (++fetches), d.id(), w, "test:" + d.id(), Instant.EPOCH, 200, 0,
                    null, null, Duration.ZERO, 0, 0, 0, null, "");
            store.write(new Batch(d, f, rs, cov, Instant.EPOCH));
        }
        return store;
    }
}
