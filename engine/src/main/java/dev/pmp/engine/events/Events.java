package dev.pmp.engine.events;

import dev.pmp.engine.ledger.Gap;
import dev.pmp.engine.ledger.GapKind;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.spi.Event;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns finished passes into events: {@code rows_arrived}, {@code rows_revised}, {@code gap_found},
 * {@code gap_filled}, {@code dataset_late}, {@code fetch_failed}, {@code schema_drift}. Gap and lateness
 * events fire on change only (a gap found once is not announced again every pass), so this object remembers
 * the last pass of each dataset. Thread-safe.
 */
public final class Events {

    /** The version of the events' JSON shape; consumers check it. */
    public static final int SCHEMA_VERSION = 1;

    private final Map<String, RunReport> previous = new ConcurrentHashMap<>();

    /** The events of one finished pass, made at {@code at}. */
    public List<Event> of(RunReport r, Instant at) {
        RunReport before = previous.put(r.datasetId(), r);
        List<Event> out = new ArrayList<>();
        Window changed = r.changed();
        if (r.written().inserted() > 0) {
            out.add(event("rows_arrived", r.datasetId(), at, changed, r, ""));
        }
        if (r.written().updated() > 0) {
            out.add(event("rows_revised", r.datasetId(), at, changed, r, ""));
        }
        List<Gap> missingNow = missing(r);
        List<Gap> missingBefore = before == null ? List.of() : missing(before);
        for (Gap g : missingNow) {
            if (missingBefore.stream().noneMatch(b -> b.window().contains(g.window()))) {
                out.add(event("gap_found", r.datasetId(), at, g.window(), r, g.points() + " intervals missing"));
            }
        }
        for (Gap b : missingBefore) {
            boolean stillOpen = missingNow.stream().anyMatch(g -> g.window().touches(b.window()));
            if (!stillOpen && r.failure() == null) {
                out.add(event("gap_filled", r.datasetId(), at, b.window(), r, b.points() + " intervals filled"));
            }
        }
        boolean lateBefore = before != null && !before.caughtUp();
        if (!r.caughtUp() && !lateBefore) {
            out.add(event("dataset_late", r.datasetId(), at, null, r, "the newest expected interval is not stored"));
        }
        if (!r.unknownColumns().isEmpty() && (before == null || !before.unknownColumns().containsAll(r.unknownColumns()))) {
            out.add(event("schema_drift", r.datasetId(), at, null, r, "unknown column(s) "
                    + String.join(", ", r.unknownColumns()) + "; rows kept without them"));
        }
        if (r.failure() != null) {
            boolean drift = r.failure() == Failure.BAD_DATA && r.message().toLowerCase(Locale.ROOT).contains("column");
            out.add(event(drift ? "schema_drift" : "fetch_failed", r.datasetId(), at, null, r, r.message()));
        }
        return out;
    }

    private static List<Gap> missing(RunReport r) {
        return r.gaps().stream().filter(g -> g.kind() == GapKind.MISSING).toList();
    }

    private static Event event(String type, String datasetId, Instant at, Window window, RunReport r, String text) {
        StringBuilder j = new StringBuilder(256);
        j.append("{\"schema_version\":").append(SCHEMA_VERSION);
        field(j, "type", type);
        field(j, "dataset", datasetId);
        field(j, "at", at.toString());
        if (window != null) {
            j.append(",\"window\":{\"start\":\"").append(window.start()).append("\",\"end\":\"").append(window.end())
                    .append("\"}");
        }
        j.append(",\"rows\":{\"fetched\":").append(r.rowsFetched()).append(",\"inserted\":").append(r.written().inserted())
                .append(",\"updated\":").append(r.written().updated()).append(",\"unchanged\":")
                .append(r.written().unchanged()).append('}');
        if (r.failure() != null) {
            field(j, "failure", r.failure().name());
        }
        field(j, "message", text);
        j.append('}');
        return new Event(0, type, datasetId, at, j.toString());
    }

    private static void field(StringBuilder j, String name, String value) {
        j.append(",\"").append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> j.append("\\\"");
                case '\\' -> j.append("\\\\");
                case '\n' -> j.append("\\n");
                case '\r' -> j.append("\\r");
                case '\t' -> j.append("\\t");
                default -> {
                    if (c < 0x20) {
                        j.append(String.format("\\u%04x", (int) c));
                    } else {
                        j.append(c);
                    }
                }
            }
        }
        j.append('"');
    }
}
