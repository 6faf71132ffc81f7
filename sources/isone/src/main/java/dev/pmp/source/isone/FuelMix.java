package dev.pmp.source.isone;

import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Generation by fuel. ISO-NE publishes irregular snapshots ({@code 00:02:39}, {@code 00:05:53}, ...), about
 * 250 a day: each is placed on the 5-minute mark at or before it (UTC), the newest snapshot of a mark wins,
 * and its own instant is kept in {@code snapshot_utc}. A mark without a snapshot is a source gap.
 */
final class FuelMix {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    static final Dataset DATASET = new Dataset("isone.fuel_mix",
            "ISO-NE generation by fuel category (irregular snapshots on the 5-minute grid)",
            IsoneSettings.DEFAULT_API_BASE + "/genfuelmix/day/{YYYYMMDD}",
            Schema.builder(TimeShape.POINT)
                    .key("fuel_category", ColumnType.VARCHAR, "FuelCategory / Fuel Category (Coal, Hydro, Natural Gas, ...)")
                    .add(dev.pmp.spi.Column.required("snapshot_utc", ColumnType.TIMESTAMP, "",
                            "BeginDate / Date+Time: the snapshot's own instant, UTC; time_utc is its 5-minute mark"))
                    .value("fuel_category_rollup", ColumnType.VARCHAR, "", "FuelCategoryRollup (API only)")
                    .value("generation_mw", ColumnType.DOUBLE, "MW", "GenMw / Gen Mw")
                    .value("is_marginal", ColumnType.BOOLEAN, "", "MarginalFlag Y/N (API only)")
                    .build(),
            TimeShape.POINT, Access.WINDOWED, FIVE_MINUTES, IsoneTime.ZONE, Duration.ofMinutes(10),
            Duration.ofMinutes(30), LocalDate.of(2019, 1, 1), Optional.empty(), false, Duration.ofDays(1));

    private FuelMix() {
    }

    static Instant mark(Instant t) {
        long s = t.getEpochSecond();
        return Instant.ofEpochSecond(s - Math.floorMod(s, FIVE_MINUTES.toSeconds()));
    }

    /** {@code GenFuelMixes.GenFuelMix}. */
    static final class ApiFeedReport extends ApiReport {
        ApiFeedReport(IsoneSettings settings) {
            super(settings, "GenFuelMixes", "GenFuelMix",
                    Set.of("BeginDate", "GenMw", "FuelCategoryRollup", "FuelCategory", "MarginalFlag"));
        }

        @Override
        String path(Period period, Version version) {
            return "/genfuelmix/day/" + period.compactDay();
        }

        @Override
        Duration span() {
            return FIVE_MINUTES;
        }

        @Override
        Instant grid(Instant begin) {
            return mark(begin);
        }

        @Override
        void record(ApiRecord r, Instant begin, Version version, Sheet sheet) throws Refused {
            String fuel = r.text("FuelCategory");
            if (fuel == null || fuel.isBlank()) {
                throw new Refused("no FuelCategory");
            }
            String flag = r.text("MarginalFlag");
            Boolean marginal = flag == null ? null : switch (flag.strip()) {
                case "Y" -> Boolean.TRUE;
                case "N" -> Boolean.FALSE;
                default -> throw new Refused("MarginalFlag is \"" + flag + "\", not Y or N");
            };
            Instant mark = mark(begin);
            sheet.addNewest(Row.of(mark, fuel.strip(), begin, r.text("FuelCategoryRollup"),
                    Refused.number(r.text("GenMw"), "GenMw"), marginal), mark.plus(FIVE_MINUTES), begin);
        }
    }

    /**
     * The ISO Express CSV {@code /transform/csv/genfuelmix?start={d}}: {@code Date}, {@code Time} (local
     * wall clock; the repeated hour told apart by order, per fuel), {@code Fuel Category}, {@code Gen Mw}.
     */
    static final class CsvReport extends ExpressReport {
        CsvReport(IsoneSettings settings) {
            super(settings, "/isoexpress/web/reports/operations/-/tree/gen-fuel-mix");
        }

        @Override
        String path(Period period, Version version) {
            return "/transform/csv/genfuelmix?start=" + period.compactDay();
        }

        @Override
        Set<String> knownColumns() {
            return Set.of("Date", "Time", "Fuel Category", "Gen Mw");
        }

        @Override
        void lines(Period period, Version version, ExpressCsv csv, Sheet sheet) throws SourceException {
            int date = csv.column(sheet.what(), "Date");
            int time = csv.column(sheet.what(), "Time");
            int fuel = csv.column(sheet.what(), "Fuel Category");
            int mw = csv.column(sheet.what(), "Gen Mw");
            Window window = period.window();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < csv.data().size(); i++) {
                List<String> line = csv.data().get(i);
                long lineNo = csv.firstDataLine() + i;
                LocalDate day = IsoneTime.csvDate(line.get(date));
                LocalTime clock;
                try {
                    String t = line.get(time).strip();
                    clock = LocalTime.parse(t.indexOf(':') == 1 ? "0" + t : t);
                } catch (DateTimeParseException e) {
                    clock = null;
                }
                if (day == null || clock == null) {
                    throw IsoneTime.badData(sheet.what() + ": line " + lineNo + " has the Date/Time \""
                            + line.get(date) + " " + line.get(time) + "\", not MM/DD/YYYY HH:MM:SS");
                }
                String category = line.get(fuel).strip();
                Instant stamp = IsoneTime.local(day, clock, !seen.add(category + '|' + clock));
                if (window == null || !window.contains(stamp)) {
                    sheet.repaired("line outside " + period + " left out");
                    continue;
                }
                Instant mark = mark(stamp);
                try {
                    sheet.addNewest(Row.of(mark, category, stamp, null, Refused.number(line.get(mw), "Gen Mw"), null),
                            mark.plus(FIVE_MINUTES), stamp);
                } catch (Refused e) {
                    sheet.extend(mark.plus(FIVE_MINUTES));
                    sheet.quarantine(new Window(mark, mark.plus(FIVE_MINUTES)), 1, "line " + lineNo + ": "
                            + e.getMessage());
                }
            }
        }
    }
}
