package dev.pmp.sim.ercotapi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * NP4-188-CD day-ahead clearing prices for capacity: one posting per delivery day, posted at 12:31 the day
 * before, hourly per ancillary type (ECRS from 2023-06-09), as the recorded sample {@code archive/np4-188-cd.csv}.
 */
final class DamClearingPricesForCapacity extends ArchiveReport {

    /** ECRS go-live. */
    static final LocalDate ECRS_FROM = LocalDate.of(2023, 6, 9);
    private static final String[][] TYPES = {{"RRS", "0.19"}, {"NSPIN", "2.55"}, {"REGUP", "0.83"}, {"REGDN", "0.23"},
        {"ECRS", "0.28"}};

    DamClearingPricesForCapacity() {
        super(new Facts("np4-188-cd", "dam_clear_price_for_cap", "deliveryDate", Cadence.DAY,
                2_300_000_000L, "00012329", "DAMCPCNP4188_"));
    }

    @Override
    String header(long k) {
        return "DeliveryDate,HourEnding,AncillaryType,MCPC,DSTFlag";
    }

    @Override
    List<String> fields() {
        return List.of("deliveryDate", "hourEnding", "ancillaryType", "MCPC", "DSTFlag");
    }

    @Override
    List<List<Object>> records(long k) {
        LocalDate day = LocalDate.ofEpochDay(k);
        int types = day.isBefore(ECRS_FROM) ? 4 : 5;
        List<List<Object>> out = new ArrayList<>();
        for (Instant h : hours(day)) {
            long seed = h.getEpochSecond() / 3600;
            for (int i = 0; i < types; i++) {
                out.add(List.of(day, hourEnding(h), TYPES[i][0], Math.abs(value(Double.parseDouble(TYPES[i][1]), seed, i)),
                        repeated(h)));
            }
        }
        return out;
    }

    @Override
    Instant postedAt(long k) {
        return LocalDate.ofEpochDay(k).minusDays(1).atTime(12, 31, 2).atZone(SppPostings.ZONE).toInstant();
    }
}
