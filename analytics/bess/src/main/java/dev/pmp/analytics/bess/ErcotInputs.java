package dev.pmp.analytics.bess;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Source;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The eleven ERCOT datasets the leaderboard reads. Columns are resolved by name when a {@link RevenueCalculator} is
 * built, so any store holding rows in these datasets' schemas will do.
 *
 * @param damGen {@code ercot.dam_gen_resources_60d}: hourly DAM awards of generation resources (PWRSTR before RTC+B)
 * @param damEsr {@code ercot.dam_esr_60d}: hourly DAM awards of ESRs (from operating day 2025-12-06)
 * @param damLoad {@code ercot.dam_load_resources_60d}: hourly DAM AS awards of load resources (no energy award)
 * @param scedGen {@code ercot.sced_gen_resources_60d}: telemetry per generation resource and SCED run
 * @param scedEsr {@code ercot.sced_esr_60d}: telemetry and RT AS awards per ESR and SCED run (from 2025-12-05)
 * @param scedLoad {@code ercot.sced_load_resources_60d}: consumption per load resource and SCED run
 * @param smne {@code ercot.sced_smne_60d}: settlement metered net energy per generation resource and 15 minutes
 * @param dayAheadPrices {@code ercot.spp_day_ahead_hourly}: hourly DA SPP (NP4-190-CD)
 * @param realTimePrices {@code ercot.spp_real_time_15min}: 15-minute RT SPP (NP6-905-CD)
 * @param dayAheadMcpc {@code ercot.as_prices_day_ahead}: hourly DAM MCPC per AS product
 * @param realTimeMcpc {@code ercot.as_prices_real_time_15min}: 15-minute RT MCPC per AS product (from RTC+B)
 */
public record ErcotInputs(Dataset damGen, Dataset damEsr, Dataset damLoad, Dataset scedGen, Dataset scedEsr,
        Dataset scedLoad, Dataset smne, Dataset dayAheadPrices, Dataset realTimePrices, Dataset dayAheadMcpc,
        Dataset realTimeMcpc) {

    /** Dataset ids, in the order of the record components. */
    public static final List<String> IDS = List.of(
            "ercot.dam_gen_resources_60d",
            "ercot.dam_esr_60d",
            "ercot.dam_load_resources_60d",
            "ercot.sced_gen_resources_60d",
            "ercot.sced_esr_60d",
            "ercot.sced_load_resources_60d",
            "ercot.sced_smne_60d",
            "ercot.spp_day_ahead_hourly",
            "ercot.spp_real_time_15min",
            "ercot.as_prices_day_ahead",
            "ercot.as_prices_real_time_15min");

    /** Checks every dataset is present and carries the id it stands for. */
    public ErcotInputs {
        List<Dataset> given = List.of(Objects.requireNonNull(damGen, "damGen"), Objects.requireNonNull(damEsr, "damEsr"),
                Objects.requireNonNull(damLoad, "damLoad"), Objects.requireNonNull(scedGen, "scedGen"),
                Objects.requireNonNull(scedEsr, "scedEsr"), Objects.requireNonNull(scedLoad, "scedLoad"),
                Objects.requireNonNull(smne, "smne"), Objects.requireNonNull(dayAheadPrices, "dayAheadPrices"),
                Objects.requireNonNull(realTimePrices, "realTimePrices"),
                Objects.requireNonNull(dayAheadMcpc, "dayAheadMcpc"), Objects.requireNonNull(realTimeMcpc, "realTimeMcpc"));
        for (int i = 0; i < IDS.size(); i++) {
            String id = given.get(i).id();
            if (!id.equals(IDS.get(i))) {
                throw new IllegalArgumentException("expected " + IDS.get(i) + ", got " + id);
            }
        }
    }

    /**
     * The inputs from datasets in the order of {@link #IDS}.
     *
     * @throws IllegalArgumentException unless there are exactly eleven, each with its id
     */
    public static ErcotInputs of(List<Dataset> d) {
        if (d.size() != IDS.size()) {
            throw new IllegalArgumentException("expected " + IDS.size() + " datasets, got " + d.size());
        }
        return new ErcotInputs(d.get(0), d.get(1), d.get(2), d.get(3), d.get(4), d.get(5), d.get(6), d.get(7), d.get(8),
                d.get(9), d.get(10));
    }

    /**
     * The inputs found by id among the datasets of {@code sources}.
     *
     * @throws IllegalArgumentException naming the first id no source declares
     */
    public static ErcotInputs from(List<Source> sources) {
        Map<String, Dataset> byId = new HashMap<>();
        for (Source s : sources) {
            for (Dataset d : s.datasets()) {
                byId.put(d.id(), d);
            }
        }
        Dataset[] found = new Dataset[IDS.size()];
        for (int i = 0; i < IDS.size(); i++) {
            found[i] = byId.get(IDS.get(i));
            if (found[i] == null) {
                throw new IllegalArgumentException("no source on the class path declares " + IDS.get(i));
            }
        }
        return of(List.of(found));
    }

    /** The inputs found among the sources registered with {@link ServiceLoader}. */
    public static ErcotInputs fromServiceLoader() {
        return from(ServiceLoader.load(Source.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    /** The eleven datasets in the order of {@link #IDS}. */
    public List<Dataset> all() {
        return List.of(damGen, damEsr, damLoad, scedGen, scedEsr, scedLoad, smne, dayAheadPrices, realTimePrices,
                dayAheadMcpc, realTimeMcpc);
    }
}
