package dev.pmp.source.isone;

import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A report of the Web Services API: an authenticated GET of {@code <api base><path>} with
 * {@code Accept: application/json}, read record by record. Records outside the requested period are
 * dropped and noted; a record whose time cannot be read makes the answer untrustworthy; a record with a
 * non-numeric value has its interval quarantined. Immutable.
 */
abstract class ApiReport implements Report {
    private final IsoneSettings settings;
    private final String plural;
    private final String singular;
    private final Set<String> knownFields;

    /**
     * @param plural the outer envelope name ({@code HourlyLmps})
     * @param singular the record name ({@code HourlyLmp})
     * @param knownFields the flattened fields this report reads or deliberately ignores
     */
    ApiReport(IsoneSettings settings, String plural, String singular, Set<String> knownFields) {
        this.settings = settings;
        this.plural = plural;
        this.singular = singular;
        this.knownFields = Set.copyOf(knownFields);
    }

    /** The path under the API base, starting with {@code /}. */
    abstract String path(Period period, Version version);

    /**
     * Turns one record into rows added to {@code sheet}.
     *
     * @param begin the record's {@code BeginDate}
     * @throws Refused when a value is not a number
     */
    abstract void record(ApiRecord record, Instant begin, Version version, Sheet sheet) throws Refused;

    /** The span a record starting at {@code begin} fills on the grid. */
    abstract Duration span();

    @Override
    public FetchRequest request(Period period, Version version) {
        return FetchRequest.get(settings.api(path(period, version))).withHeader("Accept", "application/json")
                .withAuthentication();
    }

    @Override
    public void read(Period period, Version version, FetchResponse response, Sheet sheet) throws SourceException {
        ApiAnswer answer = ApiAnswer.read(response.body(), plural, singular, sheet.what());
        if (answer.singleObject()) {
            sheet.note("a single " + singular + " came as an object instead of an array; read as one record");
        }
        List<String> unknown = new ArrayList<>();
        for (String f : answer.fieldNames()) {
            if (!knownFields.contains(f)) {
                unknown.add(f);
            }
        }
        if (!unknown.isEmpty()) {
            sheet.note("fields not read: " + unknown);
        }
        Window window = period.window();
        int outside = 0;
        for (ApiRecord r : answer.records()) {
            String text = r.text("BeginDate");
            Instant begin = text == null ? null : IsoneTime.apiInstant(text);
            if (begin == null) {
                throw IsoneTime.badData(sheet.what() + ": record " + r.index() + " has "
                        + (text == null ? "no BeginDate" : "the BeginDate \"" + text + "\", not a time with offset"));
            }
            if (window == null || !window.contains(begin)) {
                outside++;
                continue;
            }
            try {
                record(r, begin, version, sheet);
            } catch (Refused e) {
                Instant start = grid(begin);
                sheet.extend(start.plus(span()));
                sheet.quarantine(new Window(start, start.plus(span())), 1, "record " + r.index() + " at " + text
                        + ": " + e.getMessage());
            }
        }
        if (outside > 0) {
            sheet.note(outside + " record(s) outside " + period + " left out");
        }
    }

    /** The grid instant of a record starting at {@code begin}; the stamp itself unless overridden. */
    Instant grid(Instant begin) {
        return begin;
    }

    /** Adds an interval row: the start, start + {@link #span()}, then {@code values}. */
    void addInterval(Sheet sheet, Instant start, Object... values) {
        Object[] all = new Object[values.length + 2];
        all[0] = start;
        all[1] = start.plus(span());
        System.arraycopy(values, 0, all, 2, values.length);
        sheet.add(Row.of(all), start.plus(span()));
    }
}
