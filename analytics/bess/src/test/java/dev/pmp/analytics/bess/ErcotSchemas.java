package dev.pmp.analytics.bess;

import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Schema;
import dev.pmp.spi.TimeShape;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The six ERCOT datasets with the columns, order, keys and delays documented in {@code docs/datasets.md}; the
 * module does not depend on the ERCOT source, so its tests carry this copy.
 */
final class ErcotSchemas {
    static final ZoneId ZONE = ZoneId.of("America/Chicago");

    private ErcotSchemas() {
    }

    static final Dataset DAM = dataset("ercot.dam_resource_awards_60d", TimeShape.INTERVAL, Duration.ofHours(1),
            Duration.ofDays(60), Schema.builder(TimeShape.INTERVAL)
                    .key("resource_name", ColumnType.VARCHAR, "ERCOT Resource Name")
                    .value("resource_type", ColumnType.VARCHAR, "", "")
                    .value("qse", ColumnType.VARCHAR, "", "")
                    .value("settlement_point", ColumnType.VARCHAR, "", "")
                    .value("resource_status", ColumnType.VARCHAR, "", "")
                    .value("hsl_mw", ColumnType.DOUBLE, "MW", "")
                    .value("lsl_mw", ColumnType.DOUBLE, "MW", "")
                    .value("awarded_mw", ColumnType.DOUBLE, "MW", "")
                    .value("energy_spp_usd_per_mwh", ColumnType.DOUBLE, "$/MWh", "")
                    .value("regup_awarded_mw", ColumnType.DOUBLE, "MW", "")
                    .value("regup_mcpc_usd_per_mw", ColumnType.DOUBLE, "$/MW", "")
                    .value("regdn_awarded_mw", ColumnType.DOUBLE, "MW", "")
                    .value("regdn_mcpc_usd_per_mw", ColumnType.DOUBLE, "$/MW", "")
                    .value("rrs_awarded_mw", ColumnType.DOUBLE, "MW", "")
                    .value("rrspfr_awarded_mw", ColumnType.DOUBLE, "MW", "")
                    .value("rrsffr_awarded_mw", ColumnType.DOUBLE, "MW", "")
                    .value("rrsufr_awarded_mw", ColumnType.DOUBLE, "MW", "")
                    .value("rrs_mcpc_usd_per_mw", ColumnType.DOUBLE, "$/MW", "")
                    .value("ecrs_awarded_mw", ColumnType.DOUBLE, "MW", "")
                    .value("ecrs_mcpc_usd_per_mw", ColumnType.DOUBLE, "$/MW", "")
                    .value("nspin_awarded_mw", ColumnType.DOUBLE, "MW", "")
                    .value("nspin_mcpc_usd_per_mw", ColumnType.DOUBLE, "$/MW", "")
                    .build());

    static final Dataset SCED = dataset("ercot.sced_resource_data_60d", TimeShape.POINT, Duration.ofMinutes(5),
            Duration.ofDays(60), Schema.builder(TimeShape.POINT)
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

    static final ErcotInputs INPUTS = new ErcotInputs(DAM, SCED, DA_SPP, RT_SPP, DA_MCPC, RT_MCPC);

    private static Dataset dataset(String id, TimeShape shape, Duration cadence, Duration delay, Schema schema) {
        return new Dataset(id, id, "test copy of " + id, schema, shape, Access.WINDOWED, cadence, ZONE, delay,
                Duration.ofDays(2), LocalDate.of(2010, 12, 1), Optional.empty(), true, Duration.ofDays(31));
    }
}
