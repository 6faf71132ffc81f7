package dev.pmp.sim.ercotapi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** NP6-905-CD real-time settlement point prices, one posting per 15-minute interval ({@link SppPostings}). */
final class RealTimeSettlementPointPrices extends ArchiveReport {

    RealTimeSettlementPointPrices() {
        super(new Facts("np6-905-cd", "spp_node_zone_hub", "deliveryDate", Cadence.QUARTER_HOUR,
                1_000_000_000L, SppPostings.RTID, "SPPHLZNP6905_"));
    }

    @Override
    long bundleBase() {
        return 900_000_000L;
    }

    @Override
    String header(long k) {
        return SppPostings.HEADER;
    }

    @Override
    List<String> fields() {
        return List.of("deliveryDate", "deliveryHour", "deliveryInterval", "settlementPoint", "settlementPointType",
                "settlementPointPrice", "DSTFlag");
    }

    @Override
    List<List<Object>> records(long k) {
        Instant s = start(k);
        SppPostings.Labels l = SppPostings.labels(s);
        LocalDate day = s.atZone(SppPostings.ZONE).toLocalDate();
        List<List<Object>> out = new ArrayList<>();
        for (SppPostings.Price p : SppPostings.prices(s)) {
            out.add(List.of(day, l.hour(), l.interval(), p.point(), p.type(), p.price(), l.repeated()));
        }
        return out;
    }

    @Override
    Instant postedAt(long k) {
        return SppPostings.postedAt(start(k));
    }
}
