package dev.pmp.push.iris;

import dev.pmp.engine.ledger.Grid;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dataset's feed as it reads one pushed message. The rows are the feed's own; what the message
 * <em>covers</em> is cut down to the intervals its rows carry (a message vouches for what it holds, not for
 * the window around it), so an interval no message brought stays missing in the ledger and is filled from
 * the REST API later. A pushed message has no next page.
 */
final class MessageFeed implements Feed {
    private final Feed delegate;
    private final boolean unwrapped;

    /**
     * @param unwrapped whether the body was a JSON string around the rows (noted in the result)
     */
    MessageFeed(Feed delegate, boolean unwrapped) {
        this.delegate = delegate;
        this.unwrapped = unwrapped;
    }

    @Override
    public Dataset dataset() {
        return delegate.dataset();
    }

    @Override
    public FetchRequest request(Window window) {
        return delegate.request(window);
    }

    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        Parsed parsed = delegate.parse(window, response);
        List<Window> carried = carried(dataset(), parsed.rows());
        List<Window> covered = new ArrayList<>();
        for (Window claimed : parsed.covered()) {
            for (Window held : carried) {
                Window both = claimed.intersection(held);
                if (both != null) {
                    covered.add(both);
                }
            }
        }
        List<String> notes = new ArrayList<>(parsed.notes());
        if (unwrapped) {
            notes.add("the message body was a JSON string holding the rows; read the string's content");
        }
        parsed.next().ifPresent(next -> notes.add("the feed asked for a next page (" + next.uri()
                + "); a pushed message has none, not followed"));
        return new Parsed(parsed.rows(), Window.merge(covered), parsed.quarantined(), notes, Optional.empty());
    }

    /**
     * The intervals the rows sit on, merged: {@code [interval_start_utc, interval_end_utc)} of an interval row,
     * {@code [time_utc, next grid point)} of a point sample. Rows without a time are left to validation.
     */
    static List<Window> carried(Dataset dataset, List<Row> rows) {
        Grid grid = Grid.of(dataset);
        List<Window> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (row.width() == 0 || !(row.get(0) instanceof Instant start)) {
                continue;
            }
            Instant end = switch (dataset.timeShape()) {
                case POINT -> grid.next(start);
                case INTERVAL -> row.width() > 1 && row.get(1) instanceof Instant e ? e : grid.next(start);
            };
            if (end.isAfter(start)) {
                out.add(new Window(start, end));
            }
        }
        return Window.merge(out);
    }
}
