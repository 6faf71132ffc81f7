package dev.pmp.source.ercot;

/**
 * The hubs and load zones of the {@code system-wide-prices} dashboard, named as ERCOT names the
 * settlement points, each with the JSON key the dashboard uses for its price.
 */
enum SettlementPoint {
    HB_BUSAVG("hbBusAvg"),
    HB_HUBAVG("hbHubAvg"),
    HB_HOUSTON("hbHouston"),
    HB_NORTH("hbNorth"),
    HB_PAN("hbPan"),
    HB_SOUTH("hbSouth"),
    HB_WEST("hbWest"),
    LZ_AEN("lzAen"),
    LZ_CPS("lzCps"),
    LZ_HOUSTON("lzHouston"),
    LZ_LCRA("lzLcra"),
    LZ_NORTH("lzNorth"),
    LZ_RAYBN("lzRaybn"),
    LZ_SOUTH("lzSouth"),
    LZ_WEST("lzWest");

    private final String jsonKey;

    SettlementPoint(String jsonKey) {
        this.jsonKey = jsonKey;
    }

    /** The key of this point's price in a {@code rtSppData} or {@code damSppData} row ({@code hbBusAvg}). */
    String jsonKey() {
        return jsonKey;
    }

    /** The point whose {@link #jsonKey()} is {@code key}, or null. */
    static SettlementPoint ofJsonKey(String key) {
        for (SettlementPoint p : values()) {
            if (p.jsonKey.equals(key)) {
                return p;
            }
        }
        return null;
    }

    /** The column description text: {@code "HB_BUSAVG (hbBusAvg), ..."}. */
    static String described() {
        StringBuilder text = new StringBuilder();
        for (SettlementPoint p : values()) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(p.name()).append(" (").append(p.jsonKey).append(')');
        }
        return text.toString();
    }
}
