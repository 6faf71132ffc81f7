package dev.pmp.source.nyiso;

import dev.pmp.spi.Window;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The files that answer one window, in fetch order. A window holding a whole local calendar month is
 * read from that month's archive; every other day of the window from its daily file (NYISO hosts the
 * daily files for about a week, the archives for every month back to 1999). Each day or month lists the
 * dataset's files in order; the last one is the one whose answer claims coverage.
 */
final class FilePlan {

    /**
     * One file to fetch.
     *
     * @param file the kind of file
     * @param day the day of a daily file, the first of the month of an archive
     * @param monthly whether it is the month's archive
     * @param claims whether its answer claims the coverage of its day or month (the last file of the piece)
     */
    record Fetch(MisFile file, LocalDate day, boolean monthly, boolean claims) {
        Fetch {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(day, "day");
        }

        String fileName() {
            return monthly ? file.monthlyName(day) : file.dailyName(day);
        }
    }

    private FilePlan() {
    }

    /** The fetches answering {@code window}, oldest first. */
    static List<Fetch> of(Window window, List<MisFile> files, ZoneId zone) {
        List<Fetch> out = new ArrayList<>();
        LocalDate day = window.start().atZone(zone).toLocalDate();
        while (day.atStartOfDay(zone).toInstant().isBefore(window.end())) {
            LocalDate nextMonth = day.withDayOfMonth(1).plusMonths(1);
            boolean wholeMonth = day.getDayOfMonth() == 1
                    && !day.atStartOfDay(zone).toInstant().isBefore(window.start())
                    && !nextMonth.atStartOfDay(zone).toInstant().isAfter(window.end());
            for (int i = 0; i < files.size(); i++) {
                out.add(new Fetch(files.get(i), day, wholeMonth, i == files.size() - 1));
            }
            day = wholeMonth ? nextMonth : day.plusDays(1);
        }
        return out;
    }
}
