package dev.pmp.sim.ercotapi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * NP4-190-CD day-ahead settlement point prices: one posting per delivery day, posted at 12:30 the day before,
 * hourly for the points of the recorded sample {@code archive/np4-190-cd.csv}; prices carry ERCOT's leading space
 * in the CSV.
 */
final class DamSettlementPointPrices extends ArchiveReport {

    private static final String[][] POINTS = {{"7RNCHSLR_ALL", "28.4"}, {"A4_DGR1_RN", "28.05"}, {"HB_BUSAVG", "27.9"},
        {"HB_HOUSTON", "28.3"}, {"HB_NORTH", "27.1"}, {"HB_WEST", "26.8"}, {"LZ_AEN", "28.0"}, {"LZ_HOUSTON", "28.6"}};

    DamSettlementPointPrices() {
        super(new Facts("np4-190-cd", "dam_stlmnt_pnt_prices", "deliveryDate", Cadence.DAY,
                2_200_000_000L, "00012331", "DAMSPNP4190_"));
    }

    @Override
    int downloadLimit() {
        return 500;
    }

    @Override
    String header(long k) {
        return "DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag";
    }

    @Override
    List<String> fields() {
        return List.of("deliveryDate", "hourEnding", "settlementPoint", "settlementPointPrice", "DSTFlag");
    }

    @Override
    List<List<Object>> records(long k) {
        return rows(k, false);
    }

    @Override
    List<List<Object>> apiRecords(long k) {
        return rows(k, true);
    }

    private static List<List<Object>> rows(long k, boolean api) {
        LocalDate day = LocalDate.ofEpochDay(k);
        List<List<Object>> out = new ArrayList<>();
        for (Instant h : hours(day)) {
            long seed = h.getEpochSecond() / 3600;
            for (int i = 0; i < POINTS.length; i++) {
                double price = value(Double.parseDouble(POINTS[i][1]), seed, i);
                // The CSV writes the price with a leading space; the query endpoint as a number.
                out.add(List.of(day, hourEnding(h), POINTS[i][0], api ? (Object) price : " " + price, repeated(h)));
            }
        }
        return out;
    }

    @Override
    Instant postedAt(long k) {
        return LocalDate.ofEpochDay(k).minusDays(1).atTime(12, 30, 4).atZone(SppPostings.ZONE).toInstant();
    }
}
