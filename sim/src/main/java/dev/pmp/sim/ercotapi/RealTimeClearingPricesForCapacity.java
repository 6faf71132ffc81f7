package dev.pmp.sim.ercotapi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * NP6-331-CD real-time clearing prices for capacity per 15-minute interval (from RTC+B, 2025-12-05): one posting
 * per interval, 2 minutes after it ends, five ancillary types (recorded sample {@code archive/np6-331-cd.csv}).
 */
final class RealTimeClearingPricesForCapacity extends ArchiveReport {

    /** RTC+B go-live: the first operating day of the report. */
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 12, 5);
    private static final String[][] TYPES = {{"ECRS", "0.02"}, {"NSPIN", "0.05"}, {"REGDN", "1.51"}, {"REGUP", "1.98"},
        {"RRS", "0.13"}};

    RealTimeClearingPricesForCapacity() {
        super(new Facts("np6-331-cd", "rt_clear_price_cap", "deliveryDate", Cadence.QUARTER_HOUR,
                2_100_000_000L, "00024898", "RTCPCNP6331_"));
    }

    @Override
    boolean exists(long k) {
        return !start(k).isBefore(FIRST_DAY.atStartOfDay(SppPostings.ZONE).toInstant());
    }

    @Override
    String header(long k) {
        return "DeliveryDate,DeliveryHour,DeliveryInterval,RepeatedHourFlag,ASType,MCPC";
    }

    @Override
    List<String> fields() {
        return List.of("deliveryDate", "deliveryHour", "deliveryInt", "repeatHourFlag", "ASType", "MCPC");
    }

    @Override
    List<List<Object>> records(long k) {
        Instant s = start(k);
        ZonedDateTime local = s.atZone(SppPostings.ZONE);
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < TYPES.length; i++) {
            out.add(List.of(local.toLocalDate(), local.getHour() + 1, local.getMinute() / 15 + 1, repeated(s), TYPES[i][0],
                    Math.abs(value(Double.parseDouble(TYPES[i][1]), k, i))));
        }
        return out;
    }

    @Override
    Instant postedAt(long k) {
        return start(k).plus(SppPostings.INTERVAL).plus(SppPostings.POSTING_DELAY);
    }
}
