package dev.pmp.analytics.bess;

import dev.pmp.spi.Access;
import dev.pmp.spi.Batch;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.FetchRecord;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The derived dataset {@code analytics.bess_revenue_daily}: one row per battery and operating day, keyed by the
 * day's start and the resource name. Days without figures are stored with their status and null revenue columns.
 */
public final class DailyRevenueTable {

    /** The market zone the operating days are cut in. */
    public static final ZoneId ZONE = ZoneId.of("America/Chicago");

    /** {@code analytics.bess_revenue_daily}. */
    public static final Dataset DATASET = new Dataset(
            "analytics.bess_revenue_daily",
            "ERCOT battery revenue per resource and operating day (derived from the 60-day disclosures and prices)",
            "derived by pmp leaderboard --write (analytics/bess) from ercot.dam_gen_resources_60d, ercot.dam_esr_60d, "
                    + "ercot.dam_load_resources_60d, ercot.sced_esr_60d, ercot.sced_load_resources_60d, "
                    + "ercot.sced_smne_60d, ercot.sced_gen_resources_60d, ercot.spp_*, ercot.as_prices_*",
            schema(),
            TimeShape.INTERVAL,
            Access.WINDOWED,
            Duration.ofDays(1),
            ZONE,
            Duration.ofDays(60),
            Duration.ofDays(2),
            LocalDate.of(2010, 12, 1),
            Optional.empty(),
            true,
            Duration.ofDays(366));

    private DailyRevenueTable() {
    }

    private static Schema schema() {
        Schema.Builder b = Schema.builder(TimeShape.INTERVAL)
                .key("resource_name", ColumnType.VARCHAR, "ERCOT Resource Name of the battery (its first storage resource name)")
                .value("operating_day", ColumnType.DATE, "", "operating day in Central Prevailing Time")
                .value("resource_type", ColumnType.VARCHAR, "", "PWRSTR (before RTC+B, with its paired load resource) or ESR")
                .value("settlement_point", ColumnType.VARCHAR, "", "resource node the energy settles at")
                .value("capacity_mw", ColumnType.DOUBLE, "MW", "maximum HSL seen that day")
                .value("status", ColumnType.VARCHAR, "", "COMPLETE, PARTIAL, NOT_PUBLISHED or MISSING");
        for (RevenueStream s : RevenueStream.values()) {
            b.value(s.column(), ColumnType.DOUBLE, "$", s + " revenue; null when not computed");
        }
        return b.value("total_usd", ColumnType.DOUBLE, "$", "sum of the stream columns; null without figures")
                .value("missing_intervals", ColumnType.BIGINT, "", "intervals left out for a missing input")
                .value("gaps", ColumnType.VARCHAR, "", "what is missing or approximate, '; '-separated")
                .build();
    }

    /** The row of one resource-day, in {@link #DATASET}'s column order. */
    public static Row row(ResourceDay d) {
        List<Object> v = new ArrayList<>();
        v.add(d.day().atStartOfDay(ZONE).toInstant());
        v.add(d.day().plusDays(1).atStartOfDay(ZONE).toInstant());
        v.add(d.resourceName());
        v.add(d.day());
        v.add(d.resourceType());
        v.add(d.settlementPoint());
        v.add(d.capacityMw());
        v.add(d.status().name());
        for (RevenueStream s : RevenueStream.values()) {
            v.add(d.revenueUsd().get(s));
        }
        v.add(d.totalUsd());
        v.add((long) d.missingIntervals().values().stream().mapToInt(Integer::intValue).sum());
        v.add(String.join("; ", d.gaps()));
        return Row.of(v.toArray());
    }

    /**
     * A batch replacing the rows of operating days {@code [from, to)} with the report's days; write it with
     * {@code Store.write} after {@code Store.prepare(DATASET)}.
     */
    public static Batch batch(RevenueReport report, Instant computedAt) {
        Window covered = new Window(report.from().atStartOfDay(ZONE).toInstant(),
                report.to().atStartOfDay(ZONE).toInstant());
        List<Row> rows = report.days().stream().map(DailyRevenueTable::row).toList();
        FetchRecord fetch = new FetchRecord("bess-" + UUID.randomUUID(), DATASET.id(), covered,
                "derived:analytics/bess", computedAt, 0, 0, null, null, Duration.ZERO, 0, 0, 0, null,
                "computed from the 60-day disclosures and prices");
        return new Batch(DATASET, fetch, rows, List.of(covered), computedAt);
    }
}
