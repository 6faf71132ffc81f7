package dev.pmp.sim.ercot;

import dev.pmp.spi.Window;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * ERCOT's {@code fuel-mix.json} dashboard as it would read at a given instant, with <b>synthetic</b>
 * values (no payload of this dashboard was recorded): {@code Power Storage} replays the recorded ESR
 * {@code netOutput} of the same five-minute slot, the other fuels follow simple daily curves. Yesterday and
 * today: block {@code D} holds the marks {@code (midnight D, midnight D+1]} that are at or before
 * {@code now - publicationLag}, each stamped {@value #SECONDS_EARLY} seconds before its mark (as ERCOT's
 * {@code 22:19:57}); every {@value #SPLIT_EVERY}th mark of a day is split over two timestamps a second
 * apart, the later one first, with the fuels divided between them. Stateless and thread-safe.
 */
public final class FuelMixDashboard {

    /** Path of the dashboard on ERCOT's web server and on the simulator. */
    public static final String PATH = "/api/1/services/read/dashboards/fuel-mix.json";

    /** ERCOT's fuel names, in the dashboard's order. */
    public static final List<String> FUELS = List.of("Coal and Lignite", "Hydro", "Nuclear", "Power Storage",
            "Solar", "Wind", "Natural Gas", "Other");

    /** How many seconds before its mark a sample is stamped. */
    public static final int SECONDS_EARLY = 3;

    /** Every this many marks of a day (counted from 1), the sample is split over two timestamps. */
    public static final int SPLIT_EVERY = 50;

    private static final Duration STEP = Duration.ofMinutes(5);

    private final EsrRecordedDay storage;
    private final Duration publicationLag;

    /**
     * @param storage the recorded values whose {@code netOutput} is replayed as {@code Power Storage}
     * @param publicationLag how long after its mark a sample first appears; not negative
     */
    public FuelMixDashboard(EsrRecordedDay storage, Duration publicationLag) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.publicationLag = Objects.requireNonNull(publicationLag, "publicationLag");
        if (publicationLag.isNegative()) {
            throw new IllegalArgumentException("publicationLag must not be negative: " + publicationLag);
        }
    }

    /** The body as served at {@code now}; marks inside a window of {@code withheld} are left out. */
    public byte[] render(Instant now, List<Window> withheld, EnergyStorageDashboard.Variant variant) {
        LocalDate today = LocalDate.ofInstant(now, EnergyStorageDashboard.MARKET_ZONE);
        Instant cutoff = now.minus(publicationLag);
        StringBuilder json = new StringBuilder(150_000);
        json.append("{\"lastUpdated\":\"").append(DashboardText.stamp(Instant.ofEpochSecond(now.getEpochSecond())))
                .append("\",\"monthlyCapacity\":{\"Coal and Lignite\":13705,\"Hydro\":579,\"Natural Gas\":68388,"
                        + "\"Nuclear\":5268,\"Other\":647,\"Power Storage\":17934,\"Solar\":37967,\"Wind\":40534},"
                        + "\"types\":[\"Coal and Lignite\",\"Hydro\",\"Natural Gas\",\"Nuclear\",\"Other\","
                        + "\"Power Storage\",\"Solar\",\"Wind\"],\"data\":{");
        boolean spoil = variant == EnergyStorageDashboard.Variant.NOT_A_NUMBER;
        boolean empty = variant == EnergyStorageDashboard.Variant.EMPTY_DATA;
        spoil = appendDay(json, today.minusDays(1), cutoff, withheld, empty, spoil);
        json.append(',');
        appendDay(json, today, cutoff, withheld, empty, spoil);
        json.append("}}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private boolean appendDay(StringBuilder json, LocalDate date, Instant cutoff, List<Window> withheld,
            boolean empty, boolean spoil) {
        json.append('"').append(date).append("\":{");
        Instant dayStart = date.atStartOfDay(EnergyStorageDashboard.MARKET_ZONE).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(EnergyStorageDashboard.MARKET_ZONE).toInstant();
        boolean first = true;
        int k = 1;
        for (Instant mark = dayStart.plus(STEP); !empty && !mark.isAfter(dayEnd) && !mark.isAfter(cutoff);
                mark = mark.plus(STEP), k++) {
            if (DashboardText.isWithheld(mark, withheld)) {
                continue;
            }
            String[] values = values(k);
            if (spoil) {
                values[0] = "\"abc\"";
                spoil = false;
            }
            Instant stamped = mark.minusSeconds(SECONDS_EARLY);
            json.append(first ? "" : ",");
            first = false;
            if (k % SPLIT_EVERY == 0) {
                // The later timestamp first, holding the second half of the fuels (README 2.4).
                appendStamp(json, stamped.plusSeconds(1), values, 4, FUELS.size());
                json.append(',');
                appendStamp(json, stamped, values, 0, 4);
            } else {
                appendStamp(json, stamped, values, 0, FUELS.size());
            }
        }
        json.append('}');
        return spoil;
    }

    private static void appendStamp(StringBuilder json, Instant stamped, String[] values, int from, int to) {
        json.append('"').append(DashboardText.stamp(stamped)).append("\":{");
        for (int i = from; i < to; i++) {
            json.append(i == from ? "" : ",").append('"').append(FUELS.get(i)).append("\":{\"gen\":")
                    .append(values[i]).append('}');
        }
        json.append('}');
    }

    /** The MW of each fuel at mark {@code k} (five-minute steps since local midnight, from 1). */
    private String[] values(int k) {
        double x = (k % EsrRecordedDay.SLOTS_PER_DAY) / (double) EsrRecordedDay.SLOTS_PER_DAY;
        double solar = Math.max(0, 21000 * Math.sin(Math.PI * (x - 0.29) / 0.46));
        return new String[] {
            DashboardText.number(7300 + 600 * Math.sin(2 * Math.PI * (x - 0.3))),
            DashboardText.number(190 + 15 * Math.sin(2 * Math.PI * x)),
            DashboardText.number(4711.88),
            storage.slot(k % EsrRecordedDay.SLOTS_PER_DAY).netOutput().toPlainString(),
            DashboardText.number(x > 0.29 && x < 0.75 ? solar : 0),
            DashboardText.number(9400 + 3200 * Math.cos(2 * Math.PI * x)),
            DashboardText.number(32000 + 9000 * Math.sin(2 * Math.PI * (x - 0.35))),
            DashboardText.number(4 + 2 * Math.sin(2 * Math.PI * x)),
        };
    }
}
