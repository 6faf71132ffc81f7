package dev.pmp.source.isone;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * {@code /hourlylmp/{da|rt}/{final|prelim}/day/{d}} and {@code /fiveminutelmp/{final|prelim}/day/{d}/starthour/{HH}}:
 * {@code HourlyLmps.HourlyLmp} or {@code FiveMinLmps.FiveMinLmp} records with {@code BeginDate} (interval
 * start), {@code Location{@LocId,@LocType,$}}, {@code LmpTotal} and the three components.
 */
final class LmpApiReport extends ApiReport {
    private static final Set<String> FIELDS = Set.of("BeginDate", "Location.@LocId", "Location.@LocType", "Location.$",
            "LmpTotal", "EnergyComponent", "CongestionComponent", "LossComponent");

    private final boolean dayAhead;
    private final boolean fiveMinute;

    /**
     * @param dayAhead the day-ahead market, else the real-time one
     * @param fiveMinute the 5-minute report (real-time only), else the hourly one
     */
    LmpApiReport(IsoneSettings settings, boolean dayAhead, boolean fiveMinute) {
        super(settings, fiveMinute ? "FiveMinLmps" : "HourlyLmps", fiveMinute ? "FiveMinLmp" : "HourlyLmp", FIELDS);
        this.dayAhead = dayAhead;
        this.fiveMinute = fiveMinute;
    }

    @Override
    String path(Period period, Version version) {
        if (fiveMinute) {
            return "/fiveminutelmp/" + version.pathWord() + "/day/" + period.compactDay() + "/starthour/"
                    + String.format("%02d", period.firstHour());
        }
        return "/hourlylmp/" + (dayAhead ? "da" : "rt") + "/" + version.pathWord() + "/day/" + period.compactDay();
    }

    @Override
    Duration span() {
        return fiveMinute ? Duration.ofMinutes(5) : Duration.ofHours(1);
    }

    @Override
    void record(ApiRecord r, Instant begin, Version version, Sheet sheet) throws Refused {
        String id = r.text("Location.@LocId");
        if (id == null || id.isBlank()) {
            throw new Refused("Location has no @LocId");
        }
        String type = r.text("Location.@LocType");
        addInterval(sheet, begin, id.strip(), r.text("Location.$"), type, Locations.standardType(type),
                Refused.number(r.text("LmpTotal"), "LmpTotal"),
                Refused.number(r.text("EnergyComponent"), "EnergyComponent"),
                Refused.number(r.text("CongestionComponent"), "CongestionComponent"),
                Refused.number(r.text("LossComponent"), "LossComponent"), version.isFinal());
    }
}
