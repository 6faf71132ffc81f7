package dev.pmp.app;

import dev.pmp.analytics.bess.DailyRevenueTable;
import dev.pmp.analytics.bess.ErcotInputs;
import dev.pmp.analytics.bess.Leaderboard;
import dev.pmp.analytics.bess.LeaderboardEntry;
import dev.pmp.analytics.bess.LeaderboardFormat;
import dev.pmp.analytics.bess.Period;
import dev.pmp.analytics.bess.RevenueCalculator;
import dev.pmp.analytics.bess.ResourcePairing;
import dev.pmp.analytics.bess.RevenueReport;
import dev.pmp.engine.events.Events;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.spi.Batch;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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

    @Option(names = "--pairs", paramLabel = "FILE", description = {"Pairing overrides, one RESOURCE = BATTERY_RESOURCE a line",
        "(LOAD_LD1 = GEN_UNIT1, OLD_UNIT1 = NEW_ESR1, or LOAD_LD1 = - to never pair it); default: setting PMP_BESS_PAIRS."})
    Path pairs;

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
            RevenueReport report = new RevenueCalculator(pmp.store().view(), inputs, main.clock, pairing(pairs, main))
                    .compute(from, to);
            List<LeaderboardEntry> entries = Leaderboard.rank(report, rows, top);
            main.out.print(output.render(entries));
            main.out.flush();
            main.err.println("pmp leaderboard: " + report.batteries().size() + " batteries, " + report.days().size()
                    + " resource-days from " + from + " to " + to.minusDays(1));
            if (report.batteries().isEmpty()) {
                Window period = new Window(from.atStartOfDay(inputs.damGen().marketZone()).toInstant(),
                        to.atStartOfDay(inputs.damGen().marketZone()).toInstant());
                for (Dataset d : List.of(inputs.damGen(), inputs.damEsr(), inputs.smne(), inputs.scedEsr())) {
                    main.err.println("pmp leaderboard: " + d.id() + " covers " + pmp.store().view().coverage(d, period)
                            + " of the period; no PWRSTR or ESR rows found (pmp backfill " + d.id() + " ...)");
                }
            }
            if (write) {
                pmp.store().prepare(DailyRevenueTable.DATASET);
                Batch batch = DailyRevenueTable.batch(report, main.clock.instant());
                WriteResult w = pmp.store().write(batch);
                main.err.println("pmp leaderboard: " + DailyRevenueTable.DATASET.id() + " " + w.inserted()
                        + " inserted, " + w.updated() + " updated, " + w.unchanged() + " unchanged");
                announce(pmp, batch, w);
            }
        }
        return ExitCodes.OK;
    }

    static ErcotInputs inputs(Pmp pmp) {
        return BatteryLeaderboard.inputs(pmp.catalog());
    }

    /**
     * Sends the {@code rows_arrived} / {@code rows_revised} events of a {@code --write} through the event relay
     * ({@code PMP_KAFKA_BOOTSTRAP}, {@code PMP_WEBHOOK_URL}) like a fetch pass's, when one is set.
     */
    private void announce(Pmp pmp, Batch batch, WriteResult w) throws StoreException {
        if (!pmp.relay().active()) {
            return;
        }
        Window changed = w.inserted() + w.updated() == 0 ? null : batch.covered().get(0);
        RunReport pass = new RunReport(DailyRevenueTable.DATASET.id(), 0, batch.rows().size(), w, List.of(), true,
                List.of(), List.of("derived by pmp leaderboard --write"), null, "", Duration.ZERO, changed);
        // A fresh Events: only the write's own events are wanted, not gap or lateness transitions.
        pmp.relay().enqueue(new Events().of(pass, main.clock.instant()));
        // A one-shot command waits a little for its events, like pmp update; the rest stays in the outbox.
        pmp.relay().drain(Duration.ofSeconds(30));
    }

    /** The pairing overrides of {@code --pairs}, else of the file named by {@code PMP_BESS_PAIRS}, else none. */
    static ResourcePairing pairing(Path option, Main main) throws IOException {
        return BatteryLeaderboard.pairing(option, main.settings());
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

        @Parameters(index = "0", paramLabel = "RESOURCE",
                description = "ERCOT Resource Name of the battery, its ESR or its paired load resource, e.g. XXX_BESS1.")
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
                RevenueReport report = new RevenueCalculator(pmp.store().view(), inputs, main.clock,
                        pairing(leaderboard.pairs, main)).explain(resource, day);
                main.out.print(LeaderboardFormat.explain(report));
                main.out.flush();
            }
            return ExitCodes.OK;
        }
    }
}
