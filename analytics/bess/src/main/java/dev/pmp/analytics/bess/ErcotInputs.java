package dev.pmp.analytics.bess;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Source;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The six ERCOT datasets the leaderboard reads. Columns are resolved by name when a
 * {@link RevenueCalculator} is built, so any store holding rows in these datasets' schemas will do.
 *
 * @param damAwards {@code ercot.dam_resource_awards_60d}: hourly DAM energy and AS awards per resource
 * @param sced {@code ercot.sced_resource_data_60d}: telemetry and RT AS awards per resource and SCED run
 * @param dayAheadPrices {@code ercot.spp_day_ahead_hourly}: hourly DA SPP (NP4-190-CD)
 * @param realTimePrices {@code ercot.spp_real_time_15min}: 15-minute RT SPP (NP6-905-CD)
 * @param dayAheadMcpc {@code ercot.as_prices_day_ahead}: hourly DAM MCPC per AS product
 * @param realTimeMcpc {@code ercot.as_prices_real_time_15min}: 15-minute RT MCPC per AS product (from RTC+B)
 */
public record ErcotInputs(Dataset damAwards, Dataset sced, Dataset dayAheadPrices, Dataset realTimePrices,
        Dataset dayAheadMcpc, Dataset realTimeMcpc) {

    /** Dataset ids, in the order of the record components. */
    public static final List<String> IDS = List.of(
            "ercot.dam_resource_awards_60d",
            "ercot.sced_resource_data_60d",
            "ercot.spp_day_ahead_hourly",
            "ercot.spp_real_time_15min",
            "ercot.as_prices_day_ahead",
            "ercot.as_prices_real_time_15min");

    /**
     * Former ids of the same datasets (same columns), accepted too: the SPP datasets were called
     * {@code ercot.settlement_point_prices_day_ahead} and {@code ercot.settlement_point_prices_real_time}.
     */
    public static final List<String> FORMER_IDS = List.of(
            "ercot.dam_resource_awards_60d",
            "ercot.sced_resource_data_60d",
            "ercot.settlement_point_prices_day_ahead",
            "ercot.settlement_point_prices_real_time",
            "ercot.as_prices_day_ahead",
            "ercot.as_prices_real_time_15min");

    /** Checks every dataset is present and carries the id (or former id) it stands for. */
    public ErcotInputs {
        List<Dataset> given = List.of(Objects.requireNonNull(damAwards, "damAwards"), Objects.requireNonNull(sced, "sced"),
                Objects.requireNonNull(dayAheadPrices, "dayAheadPrices"),
                Objects.requireNonNull(realTimePrices, "realTimePrices"),
                Objects.requireNonNull(dayAheadMcpc, "dayAheadMcpc"), Objects.requireNonNull(realTimeMcpc, "realTimeMcpc"));
        for (int i = 0; i < IDS.size(); i++) {
            String id = given.get(i).id();
            if (!id.equals(IDS.get(i)) && !id.equals(FORMER_IDS.get(i))) {
                throw new IllegalArgumentException("expected " + IDS.get(i) + ", got " + id);
            }
        }
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
            found[i] = byId.getOrDefault(IDS.get(i), byId.get(FORMER_IDS.get(i)));
            if (found[i] == null) {
                throw new IllegalArgumentException("no source on the class path declares " + IDS.get(i));
            }
        }
        return new ErcotInputs(found[0], found[1], found[2], found[3], found[4], found[5]);
    }

    /** The inputs found among the sources registered with {@link ServiceLoader}. */
    public static ErcotInputs fromServiceLoader() {
        return from(ServiceLoader.load(Source.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    /** The six datasets in the order of {@link #IDS}. */
    public List<Dataset> all() {
        return List.of(damAwards, sced, dayAheadPrices, realTimePrices, dayAheadMcpc, realTimeMcpc);
    }
}
