package dev.pmp.engine.pipeline;

import dev.pmp.engine.ledger.Gap;
import dev.pmp.engine.ledger.GapKind;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one pass over one dataset did.
 *
 * @param datasetId the dataset
 * @param fetches requests answered and written
 * @param rowsFetched rows the feed parsed (before upsert)
 * @param written what the writes did
 * @param gaps open gaps in the span the pass looked at
 * @param caughtUp whether the newest expected interval is now stored (or known to be a source gap)
 * @param quarantined spans the feed held back
 * @param notes repairs and oddities the feed reported
 * @param failure the failure that stopped the pass, null when none
 * @param message the failure's message, empty when none
 * @param duration wall time of the pass
 * @param changed the span of the windows whose writes inserted or changed rows, null when none did
 * @param unknownColumns columns the payloads had that the dataset does not know (schema drift), rows kept
 */
public record RunReport(
        String datasetId,
        int fetches,
        long rowsFetched,
        WriteResult written,
        List<Gap> gaps,
        boolean caughtUp,
        List<Quarantine> quarantined,
        List<String> notes,
        Failure failure,
        String message,
        Duration duration,
        Window changed,
        List<String> unknownColumns) {

    /** A report without schema drift. */
    public RunReport(String datasetId, int fetches, long rowsFetched, WriteResult written, List<Gap> gaps,
            boolean caughtUp, List<Quarantine> quarantined, List<String> notes, Failure failure, String message,
            Duration duration, Window changed) {
        this(datasetId, fetches, rowsFetched, written, gaps, caughtUp, quarantined, notes, failure, message, duration,
                changed, List.of());
    }

    /** A report of a pass that changed no rows. */
    public RunReport(String datasetId, int fetches, long rowsFetched, WriteResult written, List<Gap> gaps,
            boolean caughtUp, List<Quarantine> quarantined, List<String> notes, Failure failure, String message,
            Duration duration) {
        this(datasetId, fetches, rowsFetched, written, gaps, caughtUp, quarantined, notes, failure, message, duration,
                null);
    }

    public RunReport {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(written, "written");
        gaps = List.copyOf(gaps);
        quarantined = List.copyOf(quarantined);
        notes = List.copyOf(notes);
        unknownColumns = List.copyOf(unknownColumns);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(duration, "duration");
    }

    public boolean succeeded() {
        return failure == null;
    }

    /** Grid points missing in the span looked at, of either kind. */
    public int gapPoints() {
        return gaps.stream().mapToInt(Gap::points).sum();
    }

    public int gapPoints(GapKind kind) {
        return gaps.stream().filter(g -> g.kind() == kind).mapToInt(Gap::points).sum();
    }
}
