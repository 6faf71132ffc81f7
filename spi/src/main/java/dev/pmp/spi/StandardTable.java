package dev.pmp.spi;

import java.util.List;

/**
 * The cross-operator tables every ISO feeds: one question ("what did the hub clear at, what was load")
 * asked of every market in one schema. Each is a view over the datasets that map into it (see
 * {@link StandardMapping}). Times are UTC instants; a point sample has {@code interval_end_utc} equal to
 * {@code interval_start_utc}.
 */
public enum StandardTable {
    /** Locational marginal prices and their components, $/MWh. */
    LMP("lmp", List.of(
            ts("interval_start_utc"), ts("interval_end_utc"), text("iso"),
            text("market"), text("location"), text("location_type"), num("lmp"),
            num("energy"), num("congestion"), num("loss"))),
    /** Ancillary service clearing prices, $/MW(h). */
    AS_PRICES("as_prices", List.of(
            ts("interval_start_utc"), ts("interval_end_utc"), text("iso"),
            text("market"), text("region"), text("product"), num("price"))),
    /** Actual load, MW. */
    LOAD("load", List.of(
            ts("interval_start_utc"), ts("interval_end_utc"), text("iso"),
            text("area"), num("load_mw"))),
    /** Generation by fuel, MW. */
    FUEL_MIX("fuel_mix", List.of(
            ts("interval_start_utc"), ts("interval_end_utc"), text("iso"),
            text("fuel"), num("mw")));

    /** Values of {@code market} in {@link #LMP} and {@link #AS_PRICES}. */
    public static final List<String> MARKETS = List.of("DAM", "RT5M", "RT15M", "RTH", "HASP");

    /** Values of {@code location_type} in {@link #LMP}. */
    public static final List<String> LOCATION_TYPES = List.of("hub", "zone", "node", "interface", "resource",
            "load_zone", "system");

    private final String tableName;
    private final List<Column> columns;

    StandardTable(String tableName, List<Column> columns) {
        this.tableName = tableName;
        this.columns = List.copyOf(columns);
    }

    private static Column ts(String name) {
        return Column.required(name, ColumnType.TIMESTAMP, "", "");
    }

    private static Column text(String name) {
        return Column.optional(name, ColumnType.VARCHAR, "", "");
    }

    private static Column num(String name) {
        return Column.optional(name, ColumnType.DOUBLE, "", "");
    }

    /** The view's name in the store ({@code lmp}). */
    public String tableName() {
        return tableName;
    }

    /** The view's columns, in order. */
    public List<Column> columns() {
        return columns;
    }
}
