package dev.pmp.sim.caiso;

import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Answers Today's Outlook history files, {@code YYYYMMDD/fuelsource.csv} and {@code YYYYMMDD/demand.csv},
 * as CAISO lists them: local {@code HH:MM} rows for the whole day in file order (01:00-01:55 twice on the
 * fall-back day, the skipped hour listed empty on the spring day), values only for intervals that ended
 * by {@code now}, CRLF line ends, a header-only file for a day that has not begun.
 */
final class OutlookFiles {
    static final List<String> FUELS = List.of("Solar", "Wind", "Geothermal", "Biomass", "Biogas", "Small hydro", "Coal",
            "Nuclear", "Natural Gas", "Large Hydro", "Batteries", "Imports", "Other");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private OutlookFiles() {
    }

    /** @param rest the path after {@code /history/}: {@code YYYYMMDD/<file>} */
    static SimResponse answer(SimRequest request, String rest) {
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return SimResponse.status(404, "no Outlook file at " + request.path());
        }
        LocalDate day;
        try {
            day = LocalDate.parse(rest.substring(0, slash), DAY);
        } catch (DateTimeParseException e) {
            return SimResponse.status(404, "no Outlook day " + rest.substring(0, slash));
        }
        String file = rest.substring(slash + 1);
        boolean fuel = file.equals("fuelsource.csv");
        if (!fuel && !file.equals("demand.csv")) {
            return SimResponse.status(404, "no Outlook file " + file);
        }
        StringBuilder sb = new StringBuilder(fuel ? "Time," + String.join(",", FUELS)
                : "Time,Day ahead forecast,Hour ahead forecast,Current demand").append("\r\n");
        Instant dayStart = day.atStartOfDay(OasisReports.PACIFIC).toInstant();
        if (dayStart.isAfter(request.now()) || request.variant() == SimRequest.Variant.EMPTY_DATA) {
            return SimResponse.ok("text/csv", sb.toString());
        }
        // With NOT_A_NUMBER the first published value is "abc"; notANumberPlaced says it is done.
        boolean notANumberPlaced = request.variant() != SimRequest.Variant.NOT_A_NUMBER;
        Instant dayEnd = day.plusDays(1).atStartOfDay(OasisReports.PACIFIC).toInstant();
        LocalTime expected = LocalTime.MIDNIGHT;
        for (Instant start = dayStart; start.isBefore(dayEnd); start = start.plusSeconds(300)) {
            LocalTime local = start.atZone(OasisReports.PACIFIC).toLocalTime();
            // the hour the spring-forward skips is still listed, without values
            while (local.isAfter(expected)) {
                sb.append(String.format("%02d:%02d", expected.getHour(), expected.getMinute()))
                        .append(fuel ? ",".repeat(FUELS.size()) : ",,,").append("\r\n");
                expected = expected.plusMinutes(5);
            }
            expected = local.plusMinutes(5);
            boolean shown = !start.plusSeconds(300).isAfter(request.now()) && !request.isWithheld(start);
            sb.append(String.format("%02d:%02d", local.getHour(), local.getMinute()));
            if (fuel) {
                for (int f = 0; f < FUELS.size(); f++) {
                    sb.append(',');
                    if (shown) {
                        sb.append(notANumberPlaced ? String.valueOf(SimPrices.fuel(f, start)) : "abc");
                        notANumberPlaced = true;
                    }
                }
            } else if (shown) {
                double demand = SimPrices.demand(start);
                sb.append(',').append(demand + 100).append(',').append(demand + 50).append(',')
                        .append(notANumberPlaced ? String.valueOf(demand) : "abc");
                notANumberPlaced = true;
            } else {
                sb.append(",,,");
            }
            sb.append("\r\n");
        }
        return SimResponse.ok("text/csv", sb.toString());
    }
}
