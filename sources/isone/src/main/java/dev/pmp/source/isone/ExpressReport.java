package dev.pmp.source.isone;

import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A report of the ISO Express CSV channel: a GET of {@code <express base><path>} sent inside the
 * session ({@link dev.pmp.spi.Auth.Session}) with the report page as {@code Referer}, spending the
 * {@value #BUDGET} budget. Only a {@code text/csv} answer is read. Immutable.
 */
abstract class ExpressReport implements Report {

    /** The request budget of the CSV channel, paced apart from the API. */
    static final String BUDGET = "express";

    private final IsoneSettings settings;
    private final String refererPath;

    /**
     * @param refererPath the report tree page under the express base that the {@code Referer} names
     */
    ExpressReport(IsoneSettings settings, String refererPath) {
        this.settings = settings;
        this.refererPath = refererPath;
    }

    /** The path and query under the express base. */
    abstract String path(Period period, Version version);

    /** The columns the reader uses, for the note about the others. */
    abstract Set<String> knownColumns();

    /** Reads the data lines into {@code sheet}. */
    abstract void lines(Period period, Version version, ExpressCsv csv, Sheet sheet) throws SourceException;

    @Override
    public FetchRequest request(Period period, Version version) {
        return FetchRequest.get(settings.express(path(period, version)))
                .withHeader("Referer", settings.express(refererPath).toString())
                .withHeader("Accept", "text/csv")
                .withAuthentication()
                .withBudget(BUDGET);
    }

    /**
     * @throws SourceException BAD_DATA when the answer is not {@code text/csv} (ISO Express answers a
     *     session wall or an error page with 200), or not a readable ISO Express CSV
     */
    @Override
    public void read(Period period, Version version, FetchResponse response, Sheet sheet) throws SourceException {
        String type = response.contentType().toLowerCase(Locale.ROOT).strip();
        if (!type.equals("text/csv") && !type.startsWith("text/csv;")) {
            throw new SourceException(Failure.BAD_DATA, sheet.what() + ": answered with Content-Type \""
                    + response.contentType() + "\", not text/csv (a session or error page); nothing read");
        }
        ExpressCsv csv = ExpressCsv.read(response.body(), sheet.what());
        List<String> unknown = new ArrayList<>();
        for (String c : csv.columns()) {
            if (!knownColumns().contains(c)) {
                unknown.add(c);
            }
        }
        if (!unknown.isEmpty()) {
            sheet.note("columns not read: " + unknown);
        }
        if (csv.data().isEmpty()) {
            sheet.note("the CSV holds no data lines");
            return;
        }
        lines(period, version, csv, sheet);
    }
}
