package dev.pmp.source.caiso.outlook;

import dev.pmp.source.caiso.oasis.CsvTable;
import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One day's Today's Outlook CSV ({@code fuelsource.csv}, {@code demand.csv}) with each row's local
 * {@code HH:MM} resolved to an instant. The file names no offset, so clock changes are resolved by row
 * order: on the fall-back day the second run of {@code 01:00..01:55} is standard time; on the
 * spring-forward day rows of the missing hour are dropped when empty (CAISO lists them without values).
 * A last row at {@code 00:00} after other rows belongs to the next day and is dropped, as are rows whose
 * cells are all empty (future intervals, trailing lines).
 *
 * @param date the day of the file (from its URL)
 * @param columns the value columns, stripped, in file order (every column after {@code Time})
 * @param samples rows with at least one value, in file order
 * @param listsWholeDay whether the file lists the day through {@code 23:55} (with or without values), so
 *     that it cannot have been cut short
 * @param notes what was dropped, for the log
 */
public record OutlookDay(LocalDate date, List<String> columns, List<Sample> samples, boolean listsWholeDay,
        List<String> notes) {

    private static final LocalTime LAST = LocalTime.of(23, 55);

    public OutlookDay {
        Objects.requireNonNull(date, "date");
        columns = List.copyOf(columns);
        samples = List.copyOf(samples);
        notes = List.copyOf(notes);
    }

    /**
     * One row.
     *
     * @param start the instant the row's {@code HH:MM} stands for (interval start)
     * @param line the 1-based line in the file, for messages
     * @param cells the value cells, stripped, one per {@link OutlookDay#columns()} ({@code ""} when empty)
     */
    public record Sample(Instant start, int line, List<String> cells) {
        public Sample {
            Objects.requireNonNull(start, "start");
            cells = List.copyOf(cells);
        }
    }

    /**
     * Reads one file.
     *
     * @param file the file's name and date, for messages
     * @throws SourceException {@link Failure#TRANSIENT} for an HTML page instead of the CSV;
     *     {@link Failure#BAD_DATA} when there is no {@code Time} column, a line has fewer cells than the
     *     header (cut short), a time is not {@code HH:MM}, or times go backwards other than into the
     *     repeated fall-back hour (rows out of order), naming the line
     */
    public static OutlookDay read(byte[] body, LocalDate date, ZoneId zone, String file) throws SourceException {
        if (startsWithMarkup(body)) {
            throw new SourceException(Failure.TRANSIENT, file + " is an HTML page, not the CSV (bot wall or "
                    + "maintenance page?)");
        }
        CsvTable t = CsvTable.open(body, file);
        int time = -1;
        for (int i = 0; i < t.header().size(); i++) {
            if (t.header().get(i).equalsIgnoreCase("Time")) {
                time = i;
            }
        }
        if (time < 0) {
            throw new SourceException(Failure.BAD_DATA, file + " has no Time column; header: "
                    + String.join(",", t.header()));
        }
        List<String> columns = new ArrayList<>(t.header());
        columns.remove(time);
        ZoneRules rules = zone.getRules();
        List<Sample> samples = new ArrayList<>();
        int empty = 0;
        int nextDay = 0;
        int inGap = 0;
        int repeated = 0;
        LocalDateTime previous = null;
        boolean secondPass = false;
        while (t.next()) {
            if (t.fields() < t.header().size()) {
                throw new SourceException(Failure.BAD_DATA, t.where() + " has " + t.fields() + " cells, the header "
                        + t.header().size() + ": the file is cut short");
            }
            String text = t.text(time).strip();
            LocalTime local = parseTime(text);
            if (local == null) {
                throw new SourceException(Failure.BAD_DATA, t.where() + ": Time \"" + text + "\" is not HH:MM");
            }
            List<String> cells = new ArrayList<>(columns.size());
            boolean any = false;
            for (int i = 0; i < t.header().size(); i++) {
                if (i != time) {
                    String c = t.text(i).strip();
                    any |= !c.isEmpty();
                    cells.add(c);
                }
            }
            if (local.equals(LocalTime.MIDNIGHT) && previous != null) {
                nextDay++;
                continue;
            }
            LocalDateTime at = date.atTime(local);
            List<ZoneOffset> offsets = rules.getValidOffsets(at);
            if (previous != null && !at.isAfter(previous)) {
                if (offsets.size() == 2 && !secondPass) {
                    secondPass = true;
                } else if (at.equals(previous) && any && !samples.isEmpty()
                        && samples.get(samples.size() - 1).cells().equals(cells)) {
                    repeated++;
                    continue;
                } else {
                    throw new SourceException(Failure.BAD_DATA, t.where() + ": Time " + text + " comes after "
                            + previous.toLocalTime() + ": rows out of order (only the repeated fall-back hour may go back)");
                }
            }
            previous = at;
            if (!any) {
                empty++;
                continue;
            }
            if (offsets.isEmpty()) {
                inGap++;
                continue;
            }
            ZoneOffset offset = offsets.size() == 2 && secondPass ? offsets.get(1) : offsets.get(0);
            samples.add(new Sample(at.toInstant(offset), t.line(), cells));
        }
        List<String> notes = new ArrayList<>();
        if (empty > 0) {
            notes.add(file + ": " + empty + " rows without any value left out");
        }
        if (nextDay > 0) {
            notes.add(file + ": the 00:00 row of the next day left out");
        }
        if (inGap > 0) {
            notes.add(file + ": " + inGap + " rows with values at local times the spring-forward skips, left out");
        }
        if (repeated > 0) {
            notes.add(file + ": " + repeated + " rows repeated the row before; merged");
        }
        boolean whole = previous != null && previous.toLocalTime().equals(LAST);
        return new OutlookDay(date, columns, samples, whole, notes);
    }

    private static LocalTime parseTime(String text) {
        int colon = text.indexOf(':');
        if (colon < 1 || colon > 2 || text.length() != colon + 3) {
            return null;
        }
        try {
            int h = Integer.parseInt(text.substring(0, colon));
            int m = Integer.parseInt(text.substring(colon + 1));
            return h < 24 && m < 60 && h >= 0 && m >= 0 ? LocalTime.of(h, m) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean startsWithMarkup(byte[] body) {
        for (byte b : body) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == (byte) 0xEF || b == (byte) 0xBB
                    || b == (byte) 0xBF) {
                continue;
            }
            return b == '<';
        }
        return false;
    }
}
