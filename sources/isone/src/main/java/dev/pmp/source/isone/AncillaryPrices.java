package dev.pmp.source.isone;

import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Schema;
import dev.pmp.spi.TimeShape;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Real-time 5-minute reserve prices ({@code /fiveminutereserveprice/day/{d}}, per reserve zone) and
 * regulation clearing prices ({@code /fiveminutercp/day/{d}}), API only. Their {@code BeginDate}s are
 * sometimes a few seconds past the 5-minute mark; they are floored to it in UTC and the repair noted.
 */
final class AncillaryPrices {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    static final Dataset RESERVES = new Dataset("isone.reserve_prices",
            "ISO-NE real-time 5-minute reserve clearing prices and requirements by reserve zone",
            IsoneSettings.DEFAULT_API_BASE + "/fiveminutereserveprice/day/{YYYYMMDD}",
            Schema.builder(TimeShape.INTERVAL)
                    .key("reserve_zone_id", ColumnType.VARCHAR, "ReserveZoneId (7000 is the system)")
                    .value("reserve_zone_name", ColumnType.VARCHAR, "", "ReserveZoneName")
                    .value("tmsr_price", ColumnType.DOUBLE, "$/MWh", "TmsrClearingPrice: ten-minute spinning reserve")
                    .value("tmnsr_price", ColumnType.DOUBLE, "$/MWh", "TmnsrClearingPrice: ten-minute non-spinning reserve")
                    .value("tmor_price", ColumnType.DOUBLE, "$/MWh", "TmorClearingPrice: thirty-minute operating reserve")
                    .value("ten_min_spin_requirement_mw", ColumnType.DOUBLE, "MW", "TenMinSpinRequirement")
                    .value("total_10_min_requirement_mw", ColumnType.DOUBLE, "MW", "Total10MinRequirement")
                    .value("total_30_min_requirement_mw", ColumnType.DOUBLE, "MW", "Total30MinRequirement")
                    .value("tmsr_designated_mw", ColumnType.DOUBLE, "MW", "TmsrDesignatedMw")
                    .value("tmnsr_designated_mw", ColumnType.DOUBLE, "MW", "TmnsrDesignatedMw")
                    .value("tmor_designated_mw", ColumnType.DOUBLE, "MW", "TmorDesignatedMw")
                    .build(),
            TimeShape.INTERVAL, Access.WINDOWED, FIVE_MINUTES, IsoneTime.ZONE, Duration.ofMinutes(10),
            Duration.ofMinutes(30), LocalDate.of(2019, 1, 1), Optional.empty(), true, Duration.ofDays(1));

    static final Dataset REGULATION = new Dataset("isone.regulation_prices",
            "ISO-NE real-time 5-minute regulation clearing prices",
            IsoneSettings.DEFAULT_API_BASE + "/fiveminutercp/day/{YYYYMMDD}",
            Schema.builder(TimeShape.INTERVAL)
                    .value("reg_service_price", ColumnType.DOUBLE, "$/MW", "RegServiceClearingPrice")
                    .value("reg_capacity_price", ColumnType.DOUBLE, "$/MW", "RegCapacityClearingPrice")
                    .build(),
            TimeShape.INTERVAL, Access.WINDOWED, FIVE_MINUTES, IsoneTime.ZONE, Duration.ofMinutes(10),
            Duration.ofMinutes(30), LocalDate.of(2019, 1, 1), Optional.empty(), true, Duration.ofDays(1));

    private AncillaryPrices() {
    }

    /** A 5-minute report whose stamps are floored to the grid. */
    private abstract static class FiveMinuteReport extends ApiReport {
        FiveMinuteReport(IsoneSettings settings, String plural, String singular, Set<String> fields) {
            super(settings, plural, singular, fields);
        }

        @Override
        Duration span() {
            return FIVE_MINUTES;
        }

        @Override
        Instant grid(Instant begin) {
            long s = begin.getEpochSecond();
            return Instant.ofEpochSecond(s - Math.floorMod(s, FIVE_MINUTES.toSeconds()));
        }

        /** The grid instant, noting the repair when the stamp was off it. */
        Instant floored(Instant begin, Sheet sheet) {
            Instant g = grid(begin);
            if (!g.equals(begin)) {
                sheet.repaired("BeginDate off the 5-minute grid floored to the mark");
            }
            return g;
        }
    }

    /** {@code FiveMinReservePrices.FiveMinReservePrice}. */
    static final class ReserveReport extends FiveMinuteReport {
        ReserveReport(IsoneSettings settings) {
            super(settings, "FiveMinReservePrices", "FiveMinReservePrice", Set.of("BeginDate", "ReserveZoneId",
                    "ReserveZoneName", "TenMinSpinRequirement", "Total10MinRequirement", "Total30MinRequirement",
                    "TmsrClearingPrice", "TmnsrClearingPrice", "TmorClearingPrice", "TmsrDesignatedMw",
                    "TmnsrDesignatedMw", "TmorDesignatedMw"));
        }

        @Override
        String path(Period period, Version version) {
            return "/fiveminutereserveprice/day/" + period.compactDay();
        }

        @Override
        void record(ApiRecord r, Instant begin, Version version, Sheet sheet) throws Refused {
            String zone = r.text("ReserveZoneId");
            if (zone == null || zone.isBlank()) {
                throw new Refused("no ReserveZoneId");
            }
            addInterval(sheet, floored(begin, sheet), zone.strip(), r.text("ReserveZoneName"),
                    Refused.number(r.text("TmsrClearingPrice"), "TmsrClearingPrice"),
                    Refused.number(r.text("TmnsrClearingPrice"), "TmnsrClearingPrice"),
                    Refused.number(r.text("TmorClearingPrice"), "TmorClearingPrice"),
                    Refused.number(r.text("TenMinSpinRequirement"), "TenMinSpinRequirement"),
                    Refused.number(r.text("Total10MinRequirement"), "Total10MinRequirement"),
                    Refused.number(r.text("Total30MinRequirement"), "Total30MinRequirement"),
                    Refused.number(r.text("TmsrDesignatedMw"), "TmsrDesignatedMw"),
                    Refused.number(r.text("TmnsrDesignatedMw"), "TmnsrDesignatedMw"),
                    Refused.number(r.text("TmorDesignatedMw"), "TmorDesignatedMw"));
        }
    }

    /** {@code FiveMinRcps.FiveMinRcp}. */
    static final class RegulationReport extends FiveMinuteReport {
        RegulationReport(IsoneSettings settings) {
            super(settings, "FiveMinRcps", "FiveMinRcp",
                    Set.of("BeginDate", "RegServiceClearingPrice", "RegCapacityClearingPrice"));
        }

        @Override
        String path(Period period, Version version) {
            return "/fiveminutercp/day/" + period.compactDay();
        }

        @Override
        void record(ApiRecord r, Instant begin, Version version, Sheet sheet) throws Refused {
            addInterval(sheet, floored(begin, sheet),
                    Refused.number(r.text("RegServiceClearingPrice"), "RegServiceClearingPrice"),
                    Refused.number(r.text("RegCapacityClearingPrice"), "RegCapacityClearingPrice"));
        }
    }
}
