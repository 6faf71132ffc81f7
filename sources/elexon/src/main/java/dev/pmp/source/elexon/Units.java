package dev.pmp.source.elexon;

import java.util.Map;

/** Units of the Insights fields whose unit the spec states or the field name makes plain. */
final class Units {
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("generation", "MW"), Map.entry("demand", "MW"), Map.entry("quantity", "MW"),
            Map.entry("levelFrom", "MW"), Map.entry("levelTo", "MW"), Map.entry("level", "MW"),
            Map.entry("frequency", "Hz"), Map.entry("price", "GBP/MWh"), Map.entry("volume", "MWh"),
            Map.entry("offer", "GBP/MWh"), Map.entry("bid", "GBP/MWh"), Map.entry("cost", "GBP"),
            Map.entry("imbalance", "MW"), Map.entry("margin", "MW"), Map.entry("surplus", "MW"),
            Map.entry("outputUsable", "MW"), Map.entry("normalCapacity", "MW"), Map.entry("availableCapacity", "MW"),
            Map.entry("unavailableCapacity", "MW"), Map.entry("temperature", "degC"), Map.entry("installedCapacity", "MW"));

    private Units() {
    }

    /** The unit of a field, or empty. */
    static String of(String field) {
        return UNITS.getOrDefault(field, "");
    }
}
