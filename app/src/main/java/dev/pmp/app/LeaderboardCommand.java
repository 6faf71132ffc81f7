package dev.pmp.app;

import dev.pmp.analytics.bess.DailyRevenueTable;
import dev.pmp.analytics.bess.ErcotInputs;
import dev.pmp.analytics.bess.Leaderboard;
import dev.pmp.analytics.bess.LeaderboardEntry;
import dev.pmp.analytics.bess.LeaderboardFormat;
import dev.pmp.analytics.bess.Period;
import dev.pmp.analytics.bess.RevenueCalculator;
import dev.pmp.analytics.bess.RevenueReport;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pmp leaderboard}: ERCOT battery revenue per resource from the stored 60-day disclosures and prices, ranked
 * by $/MW-year; {@code pmp leaderboard explain} shows the interval rows and prices behind one resource-day.
 */
@Command(name = "leaderboard", mixinStandardHelpOptions = true, subcommands = LeaderboardCommand.Explain.class,
        description = {"ERCOT battery (PWRSTR / ESR) revenue per resource: DA energy, RT energy and each AS product,",
            "ranked by $/MW-year on the maximum HSL. Days not yet published (60-day lag) or missing are counted",
            "as such, never as zero. Only data goes to standard output; messages go to standard error."})
final class LeaderboardCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--year", paramLabel = "YYYY", description = "The year of operating days (required).")
    Integer year;

    @Option(names = "--month", paramLabel = "M", description = "Only this month (1..12) of the year.")
    Integer month;

    @Option(names = "--period", paramLabel = "day|month|year",
            description = "One row per battery and day, month or year (default: month with --month, else year).")
    String period;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--top", paramLabel = "N", defaultValue = "0",
            description = "Only the best N per period (default: all).")
    int top;

    @Option(names = "--write", description = "Also store the resource-days as dataset analytics.bess_revenue_daily.")
    boolean write;

    @Override
    public Integer call() throws Exception {
        if (year == null) {
            throw new IllegalArgumentException("--year is required, e.g. pmp leaderboard --year 2024");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new IllegalArgumentException("--month must be 1..12, not " + month);
        }
        LeaderboardFormat output = LeaderboardFormat.parse(format);
        Period rows = period == null ? (month == null ? Period.YEAR : Period.MONTH) : parsePeriod(period);
        LocalDate from = month == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, month, 1);
        LocalDate to = month == null ? from.plusYears(1) : from.plusMonths(1);
        try (Pmp pmp = Pmp.open(main.settings(), main.clock, "pmp leaderboard")) {
            ErcotInputs inputs = inputs(pmp);
            for (Dataset d : inputs.all()) {
                pmp.store().prepare(d);
            }
            RevenueReport report = new RevenueCalculator(pmp.store().view(), inputs, main.clock).compute(from, to);
            List<LeaderboardEntry> entries = Leaderboard.rank(report, rows, top);
            main.out.print(output.render(entries));
            main.out.flush();
            main.err.println("pmp leaderboard: " + report.batteries().size() + " batteries, " + report.days().size()
                    + " resource-days from " + from + " to " + to.minusDays(1));
            if (report.batteries().isEmpty()) {
                Window period = new Window(from.atStartOfDay(inputs.damAwards().marketZone()).toInstant(),
                        to.atStartOfDay(inputs.damAwards().marketZone()).toInstant());
                for (Dataset d : List.of(inputs.damAwards(), inputs.sced())) {
                    main.err.println("pmp leaderboard: " + d.id() + " covers " + pmp.store().view().coverage(d, period)
                            + " of the period; no PWRSTR or ESR rows found (pmp backfill " + d.id() + " ...)");
                }
            }
            if (write) {
                pmp.store().prepare(DailyRevenueTable.DATASET);
                WriteResult w = pmp.store().write(DailyRevenueTable.batch(report, main.clock.instant()));
                main.err.println("pmp leaderboard: " + DailyRevenueTable.DATASET.id() + " " + w.inserted()
                        + " inserted, " + w.updated() + " updated, " + w.unchanged() + " unchanged");
            }
        }
        return ExitCodes.OK;
    }

    static ErcotInputs inputs(Pmp pmp) {
        List<Dataset> found = new ArrayList<>();
        for (int i = 0; i < ErcotInputs.IDS.size(); i++) {
            String id = ErcotInputs.IDS.get(i);
            String former = ErcotInputs.FORMER_IDS.get(i);
            found.add(pmp.catalog().find(id).or(() -> pmp.catalog().find(former))
                    .orElseGet(() -> pmp.catalog().dataset(id)));
        }
        return new ErcotInputs(found.get(0), found.get(1), found.get(2), found.get(3), found.get(4), found.get(5));
    }

    private static Period parsePeriod(String name) {
        for (Period p : Period.values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("--period must be day, month or year, not " + name);
    }

    /** {@code pmp leaderboard explain RESOURCE --day D}: the settlement lines behind one resource-day. */
    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = {"Every hourly DA line and 15-minute RT line (quantity, price, revenue, source) behind one",
                "battery's operating day, then the day's sums per stream, which equal the sums of the lines."})
    static final class Explain implements Callable<Integer> {
        @ParentCommand
        LeaderboardCommand leaderboard;

        @Parameters(index = "0", paramLabel = "RESOURCE", description = "ERCOT Resource Name, e.g. XXX_BESS1.")
        String resource;

        @Option(names = "--day", paramLabel = "YYYY-MM-DD", required = true,
                description = "Operating day in Central Prevailing Time.")
        LocalDate day;

        @Override
        public Integer call() throws Exception {
            Main main = leaderboard.main;
            try (Pmp pmp = Pmp.open(main.settings(), main.clock, "pmp leaderboard explain")) {
                ErcotInputs inputs = inputs(pmp);
                for (Dataset d : inputs.all()) {
                    pmp.store().prepare(d);
                }
                RevenueReport report = new RevenueCalculator(pmp.store().view(), inputs, main.clock)
                        .explain(resource, day);
                main.out.print(LeaderboardFormat.explain(report));
                main.out.flush();
            }
            return ExitCodes.OK;
        }
    }
}
