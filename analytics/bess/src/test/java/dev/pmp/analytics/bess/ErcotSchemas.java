package dev.pmp.analytics.bess;

import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Schema;
import dev.pmp.spi.TimeShape;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The eleven ERCOT datasets with the column names, order and keys of the ERCOT source (the contract of
 * {@code sources/ercot}: see {@code docs/datasets.md}); the module does not depend on the ERCOT source, so its tests
 * carry this copy. The SCED datasets keep the 5-minute mark ({@code time_utc}) and the run instant
 * ({@code sced_time_utc}) like the source does.
 */
final class ErcotSchemas {
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("America/Chicago");

    private ErcotSchemas() {
    }

    static final Dataset DAM_GEN = dam("ercot.dam_gen_resources_60d");
    static final Dataset DAM_ESR = dam("ercot.dam_esr_60d");

    static final Dataset DAM_LOAD = dataset("ercot.dam_load_resources_60d", TimeShape.INTERVAL, Duration.ofHours(1),
            Duration.ofDays(60), ancillaryAwards(Schema.builder(TimeShape.INTERVAL)
                    .key("resource_name", ColumnType.VARCHAR, "ERCOT Load Resource Name")
                    .value("qse", ColumnType.VARCHAR, "", "")
                    .value("max_power_consumption_mw", ColumnType.DOUBLE, "MW", "")
                    .value("low_power_consumption_mw", ColumnType.DOUBLE, "MW", ""), true).build());

    static final Dataset SCED_GEN = sced("ercot.sced_gen_resources_60d");
    static final Dataset SCED_ESR = sced("ercot.sced_esr_60d");

    static final Dataset SCED_LOAD = dataset("ercot.sced_load_resources_60d", TimeShape.POINT, Duration.ofMinutes(5),
            Duration.ofDays(60), Schema.builder(TimeShape.POINT)
                    .key("sced_time_utc", ColumnType.TIMESTAMP, "")
                    .key("resource_name", ColumnType.VARCHAR, "")
                    .value("qse", ColumnType.VARCHAR, "", "")
                    .value("telemetered_resource_status", ColumnType.VARCHAR, "", "")
                    .value("max_power_consumption_mw", ColumnType.DOUBLE, "MW", "")
                    .value("low_power_consumption_mw", ColumnType.DOUBLE, "MW", "")
                    .value("real_power_consumption_mw", ColumnType.DOUBLE, "MW", "")
                    .value("base_point_mw", ColumnType.DOUBLE, "MW", "")
                    .value("hasl_mw", ColumnType.DOUBLE, "MW", "")
                    .value("hdl_mw", ColumnType.DOUBLE, "MW", "")
                    .value("lasl_mw", ColumnType.DOUBLE, "MW", "")
                    .value("ldl_mw", ColumnType.DOUBLE, "MW", "")
                    .value("as_responsibility_rrs_mw", ColumnType.DOUBLE, "MW", "")
                    .value("as_responsibility_rrsffr_mw", ColumnType.DOUBLE, "MW", "")
                    .value("as_responsibility_nspin_mw", ColumnType.DOUBLE, "MW", "")
                    .value("as_responsibility_regup_mw", ColumnType.DOUBLE, "MW", "")
                    .value("as_responsibility_regdn_mw", ColumnType.DOUBLE, "MW", "")
                    .value("as_responsibility_ecrs_mw", ColumnType.DOUBLE, "MW", "")
                    .build());

    static final Dataset SMNE = dataset("ercot.sced_smne_60d", TimeShape.INTERVAL, Duration.ofMinutes(15),
            Duration.ofDays(60), Schema.builder(TimeShape.INTERVAL)
                    .key("resource_name", ColumnType.VARCHAR, "ERCOT Resource Code")
                    .value("interval_number", ColumnType.DOUBLE, "", "")
                    .value("metered_net_energy_mwh", ColumnType.DOUBLE, "MWh", "")
                    .build());

    static final Dataset DA_SPP = dataset("ercot.spp_day_ahead_hourly", TimeShape.INTERVAL,
            Duration.ofHours(1), Duration.ZERO, Schema.builder(TimeShape.INTERVAL)
                    .key("settlement_point", ColumnType.VARCHAR, "")
                    .value("price_usd_per_mwh", ColumnType.DOUBLE, "$/MWh", "")
                    .value("location_type", ColumnType.VARCHAR, "", "")
                    .build());

    static final Dataset RT_SPP = dataset("ercot.spp_real_time_15min", TimeShape.INTERVAL,
            Duration.ofMinutes(15), Duration.ofMinutes(2), Schema.builder(TimeShape.INTERVAL)
                    .key("settlement_point", ColumnType.VARCHAR, "")
                    .key("settlement_point_type", ColumnType.VARCHAR, "")
                    .value("price_usd_per_mwh", ColumnType.DOUBLE, "$/MWh", "")
                    .value("location_type", ColumnType.VARCHAR, "", "")
                    .build());

    static final Dataset DA_MCPC = dataset("ercot.as_prices_day_ahead", TimeShape.INTERVAL, Duration.ofHours(1),
            Duration.ZERO, Schema.builder(TimeShape.INTERVAL)
                    .key("ancillary_type", ColumnType.VARCHAR, "")
                    .value("mcpc_usd_per_mw", ColumnType.DOUBLE, "$/MW", "")
                    .build());

    static final Dataset RT_MCPC = dataset("ercot.as_prices_real_time_15min", TimeShape.INTERVAL,
            Duration.ofMinutes(15), Duration.ofMinutes(2), Schema.builder(TimeShape.INTERVAL)
                    .key("as_type", ColumnType.VARCHAR, "")
                    .value("mcpc_usd_per_mw", ColumnType.DOUBLE, "$/MW", "")
                    .build());

    static final ErcotInputs INPUTS = new ErcotInputs(DAM_GEN, DAM_ESR, DAM_LOAD, SCED_GEN, SCED_ESR, SCED_LOAD, SMNE,
            DA_SPP, RT_SPP, DA_MCPC, RT_MCPC);

    /** The DAM dataset a storage resource of {@code type} on {@code day} is disclosed in. */
    static Dataset damFor(String type) {
        return "ESR".equals(type) ? DAM_ESR : DAM_GEN;
    }

    /** The SCED dataset a storage resource of {@code type} is disclosed in. */
    static Dataset scedFor(String type) {
        return "ESR".equals(type) ? SCED_ESR : SCED_GEN;
    }

    private static Dataset dam(String id) {
        return dataset(id, TimeShape.INTERVAL, Duration.ofHours(1), Duration.ofDays(60), ancillaryAwards(
                Schema.builder(TimeShape.INTERVAL)
                .key("resource_name", ColumnType.VARCHAR, "ERCOT Resource Name")
                .value("resource_type", ColumnType.VARCHAR, "", "")
                .value("qse", ColumnType.VARCHAR, "", "")
                .value("settlement_point", ColumnType.VARCHAR, "", "")
                .value("resource_status", ColumnType.VARCHAR, "", "")
                .value("hsl_mw", ColumnType.DOUBLE, "MW", "")
                .value("lsl_mw", ColumnType.DOUBLE, "MW", "")
                .value("awarded_mw", ColumnType.DOUBLE, "MW", "")
                .value("energy_spp_usd_per_mwh", ColumnType.DOUBLE, "$/MWh", ""), false).build());
    }

    /**
     * The DAM ancillary-service awards and clearing prices, in the source's column order; Load Resources also
     * carry the ECRS award of controllable loads ({@code ecrsmd_awarded_mw}).
     */
    private static Schema.Builder ancillaryAwards(Schema.Builder b, boolean load) {
        b.value("regup_awarded_mw", ColumnType.DOUBLE, "MW", "")
                .value("regup_mcpc_usd_per_mw", ColumnType.DOUBLE, "$/MW", "")
                .value("regdn_awarded_mw", ColumnType.DOUBLE, "MW", "")
                .value("regdn_mcpc_usd_per_mw", ColumnType.DOUBLE, "$/MW", "")
                .value("rrs_awarded_mw", ColumnType.DOUBLE, "MW", "")
                .value("rrspfr_awarded_mw", ColumnType.DOUBLE, "MW", "")
                .value("rrsffr_awarded_mw", ColumnType.DOUBLE, "MW", "")
                .value("rrsufr_awarded_mw", ColumnType.DOUBLE, "MW", "")
                .value("rrs_mcpc_usd_per_mw", ColumnType.DOUBLE, "$/MW", "")
                .value("ecrs_awarded_mw", ColumnType.DOUBLE, "MW", "");
        if (load) {
            b.value("ecrsmd_awarded_mw", ColumnType.DOUBLE, "MW", "");
        }
        return b.value("ecrs_mcpc_usd_per_mw", ColumnType.DOUBLE, "$/MW", "")
                .value("nspin_awarded_mw", ColumnType.DOUBLE, "MW", "")
                .value("nspin_mcpc_usd_per_mw", ColumnType.DOUBLE, "$/MW", "");
    }

    private static Dataset sced(String id) {
        return dataset(id, TimeShape.POINT, Duration.ofMinutes(5), Duration.ofDays(60), Schema.builder(TimeShape.POINT)
                .key("sced_time_utc", ColumnType.TIMESTAMP, "")
                .key("resource_name", ColumnType.VARCHAR, "")
                .value("resource_type", ColumnType.VARCHAR, "", "")
                .value("qse", ColumnType.VARCHAR, "", "")
                .value("telemetered_resource_status", ColumnType.VARCHAR, "", "")
                .value("base_point_mw", ColumnType.DOUBLE, "MW", "")
                .value("telemetered_net_output_mw", ColumnType.DOUBLE, "MW", "")
                .value("hsl_mw", ColumnType.DOUBLE, "MW", "")
                .value("lsl_mw", ColumnType.DOUBLE, "MW", "")
                .value("state_of_charge_mwh", ColumnType.DOUBLE, "MWh", "")
                .value("as_responsibility_regup_mw", ColumnType.DOUBLE, "MW", "")
                .value("as_responsibility_regdn_mw", ColumnType.DOUBLE, "MW", "")
                .value("as_responsibility_rrs_mw", ColumnType.DOUBLE, "MW", "")
                .value("as_responsibility_rrsffr_mw", ColumnType.DOUBLE, "MW", "")
                .value("as_responsibility_nspin_mw", ColumnType.DOUBLE, "MW", "")
                .value("as_responsibility_ecrs_mw", ColumnType.DOUBLE, "MW", "")
                .value("as_award_regup_mw", ColumnType.DOUBLE, "MW", "")
                .value("as_award_regdn_mw", ColumnType.DOUBLE, "MW", "")
                .value("as_award_rrspfr_mw", ColumnType.DOUBLE, "MW", "")
                .value("as_award_rrsffr_mw", ColumnType.DOUBLE, "MW", "")
                .value("as_award_rrsufr_mw", ColumnType.DOUBLE, "MW", "")
                .value("as_award_ecrs_mw", ColumnType.DOUBLE, "MW", "")
                .value("as_award_nspin_mw", ColumnType.DOUBLE, "MW", "")
                .build());
    }

    private static Dataset dataset(String id, TimeShape shape, Duration cadence, Duration delay, Schema schema) {
        return new Dataset(id, id, "test copy of " + id, schema, shape, Access.WINDOWED, cadence, ZONE, delay,
                Duration.ofDays(2), LocalDate.of(2010, 12, 1), Optional.empty(), true, Duration.ofDays(31));
    }
}
