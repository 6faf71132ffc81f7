package dev.pmp.source.caiso;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds Today's Outlook CSVs for tests from the documented format (shared/sources/caiso/README.md §3,
 * §4.5): a {@code Time} column of local {@code HH:MM} in file order, the spring-forward day listing the
 * missing hour with empty values, the fall-back day listing 01:00-01:55 twice.
 */
final class OutlookPayloads {
    static final String FUEL_HEADER = "Time,Solar,Wind,Geothermal,Biomass,Biogas,Small hydro,Coal,Nuclear,Natural Gas,"
            + "Large Hydro,Batteries,Imports,Other";
    static final String DEMAND_HEADER = "Time,Day ahead forecast,Hour ahead forecast,Current demand";

    private OutlookPayloads() {
    }

    /** The local times a file for {@code date} lists, in order (with the repeated and missing hours as CAISO lists them). */
    static List<LocalTime> times(LocalDate date) {
        ZoneId zone = OasisPayloads.PACIFIC;
        List<LocalTime> out = new ArrayList<>();
        for (int m = 0; m < 24 * 60; m += 5) {
            LocalTime t = LocalTime.of(m / 60, m % 60);
            out.add(t);
            boolean lastOfOverlap = zone.getRules().getValidOffsets(date.atTime(t)).size() == 2
                    && zone.getRules().getValidOffsets(date.atTime(t.plusMinutes(5))).size() == 1;
            if (lastOfOverlap) {
                for (int r = 0; r < 12; r++) {
                    out.add(t.minusMinutes(55).plusMinutes(5L * r));
                }
            }
        }
        return out;
    }

    /** Whether CAISO lists {@code t} of {@code date} without values (the hour the spring-forward skips). */
    static boolean skipped(LocalDate date, LocalTime t) {
        return OasisPayloads.PACIFIC.getRules().getValidOffsets(date.atTime(t)).isEmpty();
    }

    /** fuelsource.csv: fuel {@code f} on row {@code i} is {@code 1000 f + i} (Batteries negative). */
    static String fuel(LocalDate date, String lineEnd) {
        StringBuilder sb = new StringBuilder(FUEL_HEADER).append(lineEnd);
        List<LocalTime> times = times(date);
        for (int i = 0; i < times.size(); i++) {
            sb.append(String.format("%02d:%02d", times.get(i).getHour(), times.get(i).getMinute()));
            for (int f = 0; f < 13; f++) {
                sb.append(',');
                if (!skipped(date, times.get(i))) {
                    sb.append(fuelValue(f, i));
                }
            }
            sb.append(lineEnd);
        }
        return sb.toString();
    }

    static int fuelValue(int fuel, int row) {
        return fuel == 10 ? -(1000 + row) : 1000 * fuel + row;
    }

    /** demand.csv: current demand {@code 25000 + i}, forecasts {@code 25100 + i}, {@code 25050 + i}. */
    static String demand(LocalDate date) {
        StringBuilder sb = new StringBuilder(DEMAND_HEADER).append('\n');
        List<LocalTime> times = times(date);
        for (int i = 0; i < times.size(); i++) {
            sb.append(String.format("%02d:%02d", times.get(i).getHour(), times.get(i).getMinute()));
            if (skipped(date, times.get(i))) {
                sb.append(",,,\n");
            } else {
                sb.append(',').append(25100 + i).append(',').append(25050 + i).append(',').append(25000 + i).append('\n');
            }
        }
        return sb.toString();
    }
}
