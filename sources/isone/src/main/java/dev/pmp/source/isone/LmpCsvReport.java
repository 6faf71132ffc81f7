package dev.pmp.source.isone;

import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ISO Express LMP CSVs: hourly files ({@code Date}, {@code Hour Ending} with {@code 02X} for the
 * repeated hour, location id, name and type, price and components) and the 5-minute files of four
 * hours ({@code Local Time} of the interval start, location id, price and components; the repeated
 * local hour of the fall-back day is told apart by order, per location).
 */
final class LmpCsvReport extends ExpressReport {
    private static final Set<String> COLUMNS = Set.of("Date", "Hour Ending", "Local Time", "Location ID", "Location Name",
            "Location", "Location Type", "Locational Marginal Price", "LMP", "Energy Component", "Congestion Component",
            "Marginal Loss Component", "Loss Component");

    private final String dayAheadOrRealTime;
    private final boolean fiveMinute;

    private LmpCsvReport(IsoneSettings settings, String refererPath, String dayAheadOrRealTime, boolean fiveMinute) {
        super(settings, refererPath);
        this.dayAheadOrRealTime = dayAheadOrRealTime;
        this.fiveMinute = fiveMinute;
    }

    static LmpCsvReport dayAhead(IsoneSettings settings) {
        return new LmpCsvReport(settings, "/isoexpress/web/reports/pricing/-/tree/lmps-da-hourly", "da", false);
    }

    static LmpCsvReport realTimeHourly(IsoneSettings settings) {
        return new LmpCsvReport(settings, "/isoexpress/web/reports/pricing/-/tree/lmps-rt-hourly-final", "rt", false);
    }

    static LmpCsvReport fiveMinute(IsoneSettings settings) {
        return new LmpCsvReport(settings, "/isoexpress/web/reports/pricing/-/tree/lmps-rt-five-minute-prelim", "rt",
                true);
    }

    @Override
    String path(Period period, Version version) {
        String d = period.compactDay();
        if (fiveMinute) {
            return "/static-transform/csv/histRpts/5min-rt-prelim/lmp_5min_" + d + "_"
                    + String.format("%02d-%02d", period.firstHour(), period.firstHour() + period.hours()) + ".csv";
        }
        if (dayAheadOrRealTime.equals("da")) {
            return "/static-transform/csv/histRpts/da-lmp/WW_DALMP_ISO_" + d + ".csv";
        }
        return switch (version) {
            case SOLE, FINAL -> "/histRpts/rt-lmp/lmp_rt_final_" + d + ".csv";
            case PRELIMINARY -> "/static-transform/csv/histRpts/rt-lmp/lmp_rt_prelim_" + d + ".csv";
        };
    }

    @Override
    Set<String> knownColumns() {
        return COLUMNS;
    }

    @Override
    void lines(Period period, Version version, ExpressCsv csv, Sheet sheet) throws SourceException {
        String what = sheet.what();
        int id = csv.column(what, "Location ID");
        int lmp = csv.column(what, "Locational Marginal Price", "LMP");
        int energy = csv.column(what, "Energy Component");
        int congestion = csv.column(what, "Congestion Component");
        int loss = csv.column(what, "Marginal Loss Component", "Loss Component");
        if (fiveMinute) {
            fiveMinuteLines(csv, sheet, period.window(), period.day(), csv.column(what, "Local Time"), id, lmp, energy,
                    congestion, loss);
            return;
        }
        int date = csv.column(what, "Date");
        int hourEnding = csv.column(what, "Hour Ending");
        int name = csv.optionalColumn("Location Name", "Location");
        int type = csv.optionalColumn("Location Type");
        int skipped = 0;
        int otherDay = 0;
        for (int i = 0; i < csv.data().size(); i++) {
            List<String> line = csv.data().get(i);
            LocalDate day = IsoneTime.csvDate(line.get(date));
            if (day == null) {
                throw IsoneTime.badData(what + ": line " + (csv.firstDataLine() + i) + " has the Date \""
                        + line.get(date) + "\", not MM/DD/YYYY");
            }
            if (!day.equals(period.day())) {
                otherDay++;
                continue;
            }
            Instant start = IsoneTime.hourEndingStart(day, line.get(hourEnding));
            if (start == null) {
                // Hour ending 03 of the spring-forward day names the hour that does not exist.
                skipped++;
                continue;
            }
            String isoType = type < 0 ? null : line.get(type).strip();
            add(sheet, line, start, Duration.ofHours(1), line.get(id).strip(), name < 0 ? null : line.get(name).strip(),
                    isoType, Locations.standardType(isoType), version, lmp, energy, congestion, loss,
                    csv.firstDataLine() + i);
        }
        if (skipped > 0) {
            sheet.note(skipped + " line(s) with an Hour Ending that names no hour of " + period.day()
                    + " (the skipped spring-forward hour) left out");
        }
        if (otherDay > 0) {
            sheet.note(otherDay + " line(s) of another day than " + period.day() + " left out");
        }
    }

    /** The 5-minute files: ISO Express keeps only the preliminary edition, so every row is preliminary. */
    private void fiveMinuteLines(ExpressCsv csv, Sheet sheet, Window window, LocalDate day, int time,
            int id, int lmp, int energy, int congestion, int loss) throws SourceException {
        Set<String> seen = new HashSet<>();
        int outside = 0;
        for (int i = 0; i < csv.data().size(); i++) {
            List<String> line = csv.data().get(i);
            LocalTime local = clock(line.get(time));
            if (local == null) {
                throw IsoneTime.badData(sheet.what() + ": line " + (csv.firstDataLine() + i) + " has the Local Time \""
                        + line.get(time) + "\", not a clock time");
            }
            String location = line.get(id).strip();
            // The repeated 01:xx of the fall-back day: the second time a location shows a clock time is EST.
            boolean later = !seen.add(location + '|' + local);
            Instant start = IsoneTime.local(day, local, later);
            if (window == null || !window.contains(start)) {
                outside++;
                continue;
            }
            Locations.Known known = Locations.DEFAULTS.get(location);
            add(sheet, line, start, Duration.ofMinutes(5), location, known == null ? null : known.name(), null,
                    known == null ? "node" : known.type(), Version.PRELIMINARY, lmp, energy, congestion, loss,
                    csv.firstDataLine() + i);
        }
        if (outside > 0) {
            sheet.note(outside + " line(s) outside the file's four hours left out");
        }
    }

    private static void add(Sheet sheet, List<String> line, Instant start, Duration span, String id, String name,
            String isoType, String type, Version version, int lmp, int energy, int congestion, int loss, long lineNo) {
        Instant end = start.plus(span);
        try {
            sheet.add(Row.of(start, end, id, name, isoType, type,
                    Refused.number(line.get(lmp), "LMP"), Refused.number(line.get(energy), "Energy Component"),
                    Refused.number(line.get(congestion), "Congestion Component"),
                    Refused.number(line.get(loss), "Loss Component"), version.isFinal()), end);
        } catch (Refused e) {
            sheet.extend(end);
            sheet.quarantine(new Window(start, end), 1, "line " + lineNo + ": " + e.getMessage());
        }
    }

    /** The clock time of a {@code Local Time} cell ({@code HH:mm}, {@code HH:mm:ss}, or a date and time). */
    private static LocalTime clock(String text) {
        String t = text.strip();
        int space = t.lastIndexOf(' ');
        if (space >= 0) {
            t = t.substring(space + 1);
        }
        try {
            return LocalTime.parse(t.length() == 4 ? "0" + t : t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
