package dev.pmp.source.neso;

import dev.pmp.spi.Access;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code historic-demand-data}: national demand per settlement period, one resource per calendar year
 * (2001 onwards). The catalogue answer picks the resource of the window's year by name; the year's table is
 * read whole with {@code datastore_search} (about 17,500 rows, one page at {@value #PAGE_ROWS}; more pages
 * follow {@code _links.next}) and only the window's rows are kept. A window reaching into the next year is
 * covered up to the year's end; the rest stays missing and is read with the next year's resource on the
 * next pass. Immutable and thread-safe.
 */
public final class HistoricDemand extends PortalFeed {

    /** The portal package. */
    public static final String PACKAGE = "historic-demand-data";

    /** Rows asked for per page; CKAN may answer with fewer and a {@code _links.next}. */
    static final int PAGE_ROWS = 20000;

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "neso.historic_demand",
            "NESO historic demand data (national demand per settlement period, yearly resources)",
            NesoSettings.DEFAULT_API_BASE + "/api/3/action/package_show?id=" + PACKAGE,
            DemandTable.schema(),
            dev.pmp.spi.TimeShape.INTERVAL,
            Access.WINDOWED,
            SettlementPeriods.PERIOD,
            SettlementPeriods.LONDON,
            // The current year's resource is refreshed with settlement data; a third-party note says "populated
            // 21 days in arrears", so a month of grace before the dataset counts as late.
            Duration.ofDays(1),
            Duration.ofDays(30),
            LocalDate.of(2001, 1, 1),
            Optional.empty(),
            true,
            Duration.ofDays(366));

    /** A feed reading the portal under {@link NesoSettings#apiBase()}. */
    public HistoricDemand(NesoSettings settings) {
        super(DATASET, settings, PACKAGE);
    }

    /**
     * The datastore resource named after the local year of the window's start ({@code Historic Demand Data
     * 2024}); when several names hold the year, the one that ends with it.
     *
     * @throws SourceException {@link Failure#NOT_PUBLISHED} when the year has no resource yet, or the
     *     resource was last modified before the window starts; {@link Failure#BAD_DATA} when the choice is
     *     ambiguous
     */
    @Override
    CkanPackage.Resource resource(Window window, CkanPackage pkg) throws SourceException {
        int year = SettlementPeriods.date(window.start()).getYear();
        Pattern holdsYear = Pattern.compile("(^|\\D)" + year + "(\\D|$)");
        List<CkanPackage.Resource> candidates = pkg.resources().stream()
                .filter(CkanPackage.Resource::datastoreActive)
                .filter(r -> holdsYear.matcher(r.name()).find())
                .toList();
        if (candidates.size() > 1) {
            candidates = candidates.stream()
                    .filter(r -> r.name().strip().toLowerCase(Locale.ROOT).endsWith(" " + year)).toList();
        }
        if (candidates.isEmpty()) {
            throw new SourceException(Failure.NOT_PUBLISHED, PACKAGE + " has no datastore resource for " + year
                    + " yet");
        }
        if (candidates.size() > 1) {
            throw new SourceException(Failure.BAD_DATA, PACKAGE + " has several resources for " + year + ": "
                    + candidates.stream().map(r -> r.id() + " (" + r.name() + ")").toList());
        }
        CkanPackage.Resource r = candidates.get(0);
        if (r.lastModified().isPresent() && !r.lastModified().get().isAfter(window.start())) {
            throw new SourceException(Failure.NOT_PUBLISHED, PACKAGE + " resource " + r.id() + " (" + r.name()
                    + ") was last modified " + r.lastModified().get() + ", before " + window.start()
                    + "; nothing of the window can be in it yet");
        }
        return r;
    }

    @Override
    FetchRequest firstPage(Window window, CkanPackage.Resource resource) {
        return datastoreSearch(resource.id(), PAGE_ROWS, "&sort=_id");
    }

    /**
     * Keeps the page's rows inside the window and the year; the last page covers the window within the
     * year up to the end of the resource's latest period.
     *
     * @throws SourceException {@link Failure#NOT_PUBLISHED} when the resource ends before the window
     */
    @Override
    Parsed page(Window window, FetchResponse response) throws SourceException {
        DatastorePage page = DatastorePage.read(response.body(), "datastore_search");
        LocalDate first = SettlementPeriods.date(window.start());
        Instant yearEnd = SettlementPeriods.midnight(LocalDate.of(first.getYear() + 1, 1, 1));
        Window span = new Window(window.start(), window.end().isBefore(yearEnd) ? window.end() : yearEnd);
        HalfHourRows rows = new HalfHourRows();
        String what = "historic demand " + first.getYear();
        Instant latest = DemandTable.read(page, what, span, false, rows);
        Optional<FetchRequest> next = nextSearchPage(page, response);
        if (next.isPresent()) {
            return new Parsed(rows.rows(), List.of(), rows.quarantined(), rows.notes(), next);
        }
        List<String> notes = new java.util.ArrayList<>(rows.notes());
        if (span.end().isBefore(window.end())) {
            notes.add("window " + window + " reaches past " + first.getYear() + "; covered up to " + yearEnd);
        }
        if (latest == null) {
            notes.add(what + ": the last page is empty, so nothing is claimed as covered");
            return Parsed.of(rows.rows(), List.of(), rows.quarantined(), notes);
        }
        Instant end = latest.plus(SettlementPeriods.PERIOD);
        if (!end.isAfter(span.start())) {
            throw new SourceException(Failure.NOT_PUBLISHED, what + " holds periods up to " + end + " only, before "
                    + span.start());
        }
        Window covered = new Window(span.start(), end.isBefore(span.end()) ? end : span.end());
        return Parsed.of(rows.rows(), rows.covered(covered), rows.quarantined(), notes);
    }
}
