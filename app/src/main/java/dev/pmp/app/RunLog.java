package dev.pmp.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pmp.engine.ledger.GapKind;
import dev.pmp.engine.pipeline.RunListener;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.spi.Quarantine;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;

/** Writes one log line per finished pass, as text or JSON, to a stream (standard error). */
public final class RunLog implements RunListener {
    private static final JsonFactory JSON = new JsonFactory();
    private final PrintStream out;
    private final boolean json;
    private final Clock clock;

    public RunLog(PrintStream out, boolean json, Clock clock) {
        this.out = out;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void finished(RunReport r) {
        out.println(json ? json(r) : text(r));
        out.flush();
    }

    /** INFO for a clean pass, WARN for data not published yet or quarantined, ERROR for a failure. */
    private static String level(RunReport r) {
        if (r.failure() == null) {
            return r.quarantined().isEmpty() ? "INFO " : "WARN ";
        }
        return switch (r.failure()) {
            case NOT_PUBLISHED -> "WARN ";
            case TRANSIENT, BAD_DATA, CONFIG -> "ERROR";
        };
    }

    private String text(RunReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(Times.format(clock.instant())).append(' ').append(level(r)).append(' ')
                .append(r.datasetId()).append(": ")
                .append("fetched ").append(r.rowsFetched()).append(" rows, inserted ").append(r.written().inserted())
                .append(", updated ").append(r.written().updated())
                .append(", unchanged ").append(r.written().unchanged())
                .append(", gaps ").append(r.gapPoints(GapKind.MISSING))
                .append(" missing + ").append(r.gapPoints(GapKind.SOURCE_GAP)).append(" not published")
                .append(", ").append(r.duration().toMillis()).append(" ms");
        if (!r.succeeded()) {
            sb.append(" — ").append(r.failure()).append(": ").append(r.message());
        }
        for (Quarantine q : r.quarantined()) {
            sb.append(System.lineSeparator()).append("  quarantined ").append(q.window()).append(" (").append(q.rows())
                    .append(" rows): ").append(q.reason());
        }
        for (String n : r.notes()) {
            sb.append(System.lineSeparator()).append("  note: ").append(n);
        }
        return sb.toString();
    }

    private String json(RunReport r) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("time", Times.format(clock.instant()));
            g.writeStringField("level", level(r).trim().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("dataset", r.datasetId());
            g.writeNumberField("fetches", r.fetches());
            g.writeNumberField("rows_fetched", r.rowsFetched());
            g.writeNumberField("rows_inserted", r.written().inserted());
            g.writeNumberField("rows_updated", r.written().updated());
            g.writeNumberField("rows_unchanged", r.written().unchanged());
            g.writeNumberField("gaps_missing", r.gapPoints(GapKind.MISSING));
            g.writeNumberField("gaps_source", r.gapPoints(GapKind.SOURCE_GAP));
            g.writeBooleanField("caught_up", r.caughtUp());
            g.writeNumberField("duration_ms", r.duration().toMillis());
            if (r.failure() != null) {
                g.writeStringField("failure", r.failure().name());
                g.writeStringField("message", r.message());
            }
            g.writeArrayFieldStart("quarantined");
            for (Quarantine q : r.quarantined()) {
                g.writeStartObject();
                g.writeStringField("from", Times.format(q.window().start()));
                g.writeStringField("to", Times.format(q.window().end()));
                g.writeNumberField("rows", q.rows());
                g.writeStringField("reason", q.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (String n : r.notes()) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
