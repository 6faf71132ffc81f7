package dev.pmp.app;

import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pmp update}: one incremental pass, for cron. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"One incremental pass over the given datasets (default: every enabled one), for cron.",
            "Another pmp process holding the store makes this exit with code 75."})
final class UpdateCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "DATASET", arity = "0..*", description = "Dataset ids (see pmp datasets).")
    List<String> datasets;

    @Override
    public Integer call() throws Exception {
        AppSettings settings = main.settings();
        try (Pmp pmp = Pmp.open(settings, main.clock, "pmp update")) {
            List<Feed> feeds = Selection.feeds(pmp.configured(), datasets);
            Pipeline pipeline = pmp.pipeline(main.runLog(settings));
            int exit = ExitCodes.OK;
            for (Feed feed : feeds) {
                exit = worse(exit, codeOf(pipeline.update(feed)));
            }
            // A one-shot command waits a little for its events; what is not delivered stays in the outbox.
            pmp.relay().drain(java.time.Duration.ofSeconds(30));
            return exit;
        }
    }

    /** The exit code of one pass: its failure, else bad data when anything was quarantined. */
    static int codeOf(RunReport report) {
        if (report.failure() != null) {
            return ExitCodes.of(report.failure());
        }
        return report.quarantined().isEmpty() ? ExitCodes.OK : ExitCodes.of(Failure.BAD_DATA);
    }

    /** Of two exit codes, the one that matters more: configuration, then bad data, then source failure. */
    static int worse(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case ExitCodes.CONFIG -> 4;
            case ExitCodes.BAD_DATA -> 3;
            case ExitCodes.SOURCE_FAILED -> 2;
            case ExitCodes.OK -> 0;
            default -> 1;
        };
    }
}
