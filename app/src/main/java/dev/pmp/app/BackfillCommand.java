package dev.pmp.app;

import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.spi.Access;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pmp backfill}: fetches history. The plan is what the completeness ledger does not yet cover, oldest
 * first, cut into the dataset's largest request windows; every window commits its rows and coverage in one
 * transaction, so a killed backfill resumes where it stopped and never fetches a covered window again.
 * History older than the source's retention is recorded as unavailable at the source.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Fetch history the ledger does not cover yet, oldest first; resumable after a kill.",
            "Windows already covered are never fetched again; history older than the source keeps is recorded"
                + " as unavailable at the source."})
final class BackfillCommand implements Callable<Integer> {

    /** Where history starts when neither --from nor the dataset says later. */
    static final LocalDate HISTORY_START = LocalDate.of(2019, 1, 1);

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "DATASET", arity = "0..*",
            description = "Dataset ids (default: every enabled dataset that can be asked for a window).")
    List<String> datasets;

    @Option(names = "--from", paramLabel = "T",
            description = "Start (market-local date or ISO instant; default: 2019-01-01 or the dataset's first day).")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "End, exclusive (default: what should be published by now).")
    String to;

    @Option(names = "--dry-run", description = "Print the plan and fetch nothing.")
    boolean dryRun;

    @Option(names = "--newest-first", description = "Fetch the newest windows first (default: oldest first, as sources"
            + " with a retention roll their oldest history off first).")
    boolean newestFirst;

    @Option(names = "--force", description = "Fetch the whole range again, also the windows the ledger already covers"
            + " (rows are upserted: changed values become revisions, nothing is duplicated).")
    boolean force;

    @Option(names = "--no-hash-check", description = "Write every payload, also one the payload registry (PMP_REDIS_URL"
            + " or the store's fetch log) says was already ingested.")
    boolean noHashCheck;

    @Override
    public Integer call() throws Exception {
        AppSettings settings = main.settings();
        int exit = ExitCodes.OK;
        try (Pmp pmp = Pmp.open(settings, main.clock, "pmp backfill")) {
            List<Feed> feeds = Selection.feeds(pmp.configured(), datasets);
            Pipeline pipeline = pmp.pipeline(report -> { }, !noHashCheck && !force);
            Instant now = pmp.clock().instant();
            for (Feed feed : feeds) {
                Dataset d = feed.dataset();
                if (d.access() == Access.SNAPSHOT) {
                    if (datasets != null && !datasets.isEmpty()) {
                        main.err.println(d.id() + ": the publisher serves only its current window; nothing to backfill");
                    }
                    continue;
                }
                exit = UpdateCommand.worse(exit, backfill(pipeline, pmp.store().view(), feed, now));
            }
        }
        return exit;
    }

    private int backfill(Pipeline pipeline, StoreView view, Feed feed, Instant now) throws StoreException {
        Dataset d = feed.dataset();
        Instant first = d.earliest().isAfter(HISTORY_START) ? d.earliest().atStartOfDay(d.marketZone()).toInstant()
                : HISTORY_START.atStartOfDay(d.marketZone()).toInstant();
        Instant start = from == null ? first : Times.parse(from, d.marketZone());
        if (start.isBefore(first)) {
            start = first;
        }
        Instant end = to == null ? Pipeline.expectedEnd(d, now) : Times.parse(to, d.marketZone());
        if (!start.isBefore(end)) {
            main.err.println(d.id() + ": nothing to backfill between " + Times.format(start) + " and " + Times.format(end));
            return ExitCodes.OK;
        }
        Window range = new Window(start, end);
        Instant retained = d.sourceRetention().map(r -> now.minus(r)).orElse(start);
        List<Window> open = force ? List.of(range) : uncovered(view.coverage(d, range), range);
        List<Window> lost = new ArrayList<>();
        List<Window> plan = new ArrayList<>();
        for (Window w : open) {
            if (!w.end().isAfter(retained)) {
                lost.add(w);
            } else if (w.start().isBefore(retained)) {
                // Start on a grid point: the window the source still keeps begins at the next interval mark.
                Instant cut = dev.pmp.engine.ledger.Grid.of(d).floor(retained).plus(d.cadence());
                lost.add(new Window(w.start(), cut));
                plan.addAll(chunks(new Window(cut, w.end()), d.maxWindow(), d.marketZone()));
            } else {
                plan.addAll(chunks(w, d.maxWindow(), d.marketZone()));
            }
        }
        if (newestFirst) {
            java.util.Collections.reverse(plan);
        }
        Duration planned = plan.stream().map(w -> Duration.between(w.start(), w.end())).reduce(Duration.ZERO, Duration::plus);
        main.err.println(d.id() + ": " + plan.size() + (plan.size() == 1 ? " window" : " windows") + " to fetch ("
                + Durations.brief(planned) + " of " + Durations.brief(Duration.between(start, end))
                + (force ? ", --force: covered windows included)" : " not covered yet)")
                + (lost.isEmpty() ? "" : "; " + lost.size() + " older than the source keeps"));
        if (dryRun) {
            for (Window w : lost) {
                main.out.println(d.id() + "\tunavailable\t" + Times.format(w.start()) + "\t" + Times.format(w.end()));
            }
            for (Window w : plan) {
                main.out.println(d.id() + "\tfetch\t" + Times.format(w.start()) + "\t" + Times.format(w.end()));
            }
            main.out.flush();
            return ExitCodes.OK;
        }
        int exit = ExitCodes.OK;
        for (Window w : lost) {
            String why = "older than the " + Durations.brief(d.sourceRetention().orElseThrow()) + " the source keeps";
            exit = UpdateCommand.worse(exit, UpdateCommand.codeOf(pipeline.unavailable(d, w, why)));
        }
        long rows = 0;
        int fetched = 0;
        int failed = 0;
        for (Window w : plan) {
            RunReport r = pipeline.fill(feed, List.of(w), false);
            rows += r.rowsFetched();
            fetched += r.fetches();
            if (r.failure() != null) {
                failed++;
                main.err.println(d.id() + ": " + Times.format(w.start()) + " .. " + Times.format(w.end()) + " failed ("
                        + r.failure().name().toLowerCase(java.util.Locale.ROOT) + "): " + r.message());
                exit = UpdateCommand.worse(exit, UpdateCommand.codeOf(r));
                if (r.failure() == Failure.CONFIG) {
                    main.err.println(d.id() + ": stopping: the settings must change before more windows can succeed");
                    break;
                }
            }
        }
        main.err.println(d.id() + ": " + fetched + " fetches, " + rows + " rows, " + failed
                + (failed == 1 ? " window" : " windows") + " failed (left uncovered for the next run)");
        return exit;
    }

    /** The parts of {@code range} not inside any of the merged, ordered {@code covered} windows. */
    static List<Window> uncovered(List<Window> covered, Window range) {
        List<Window> out = new ArrayList<>();
        Instant at = range.start();
        for (Window c : covered) {
            if (c.start().isAfter(at)) {
                out.add(new Window(at, c.start().isBefore(range.end()) ? c.start() : range.end()));
            }
            if (c.end().isAfter(at)) {
                at = c.end();
            }
            if (!at.isBefore(range.end())) {
                return out;
            }
        }
        if (at.isBefore(range.end())) {
            out.add(new Window(at, range.end()));
        }
        return out;
    }

    /**
     * {@code w} cut into consecutive windows no longer than {@code max}, cut at calendar months in the market
     * zone when a window may hold a month or more (monthly archives and bundles answer whole months), else at
     * local midnights when it may hold a day or more (daily files), so requests line up with what operators
     * publish.
     */
    static List<Window> chunks(Window w, Duration max, java.time.ZoneId zone) {
        List<Window> out = new ArrayList<>();
        Instant at = w.start();
        while (at.isBefore(w.end())) {
            Instant next = at.plus(max);
            java.time.ZonedDateTime local = at.atZone(zone);
            Instant boundary = null;
            if (max.compareTo(Duration.ofDays(28)) >= 0) {
                boundary = local.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant();
                if (boundary.isBefore(next)) {
                    next = boundary;
                }
            } else if (max.compareTo(Duration.ofDays(1)) >= 0) {
                // Whole local days; a day may be 25 hours long at the fall-back change.
                boundary = local.toLocalDate().plusDays(max.toDays()).atStartOfDay(zone).toInstant();
                if (boundary.isAfter(next.plus(Duration.ofHours(1)))) {
                    boundary = local.toLocalDate().plusDays(max.toDays() - 1).atStartOfDay(zone).toInstant();
                }
                if (boundary.isAfter(at)) {
                    next = boundary;
                }
            }
            if (next.isAfter(w.end())) {
                next = w.end();
            }
            out.add(new Window(at, next));
            at = next;
        }
        return out;
    }}
