package dev.pmp.source.neso;

import dev.pmp.spi.Access;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code daily-demand-update}: the same demand table as {@link HistoricDemand} for a rolling window from
 * the first day of the previous month to today, plus forecast rows for the coming days. Only outturn rows
 * ({@code FORECAST_ACTUAL_INDICATOR = A}) are stored; every pass re-reads the whole resource and the store
 * upserts it, so corrections arrive as revisions. Immutable and thread-safe.
 */
public final class DemandDataUpdate extends PortalFeed {

    /** The portal package. */
    public static final String PACKAGE = "daily-demand-update";

    /** The resource's UUID (NESO's "Demand Data Update" page). */
    public static final String RESOURCE = "177f6fa4-ae49-4182-81ea-0c6b35f26ca6";

    private static final Window EVERYTHING = new Window(Instant.parse("2001-01-01T00:00:00Z"),
            Instant.parse("2201-01-01T00:00:00Z"));

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "neso.demand_data_update",
            "NESO demand data update (outturn demand per settlement period, rolling window)",
            NesoSettings.DEFAULT_API_BASE + "/api/3/action/datastore_search?resource_id=" + RESOURCE,
            DemandTable.schema(),
            TimeShape.INTERVAL,
            Access.SNAPSHOT,
            SettlementPeriods.PERIOD,
            SettlementPeriods.LONDON,
            Duration.ofHours(2),
            Duration.ofDays(1),
            LocalDate.of(2024, 1, 1),
            Optional.of(Duration.ofDays(28)),
            true,
            Duration.ofDays(62));

    /** A feed reading the portal under {@link NesoSettings#apiBase()}. */
    public DemandDataUpdate(NesoSettings settings) {
        super(DATASET, settings, PACKAGE);
    }

    /**
     * @throws SourceException {@link Failure#BAD_DATA} when the package no longer lists the resource
     */
    @Override
    CkanPackage.Resource resource(Window window, CkanPackage pkg) throws SourceException {
        return fixed(pkg, RESOURCE);
    }

    @Override
    FetchRequest firstPage(Window window, CkanPackage.Resource resource) {
        return datastoreSearch(resource.id(), HistoricDemand.PAGE_ROWS, "&sort=_id");
    }

    /**
     * Each page covers the span of its outturn rows.
     *
     * @throws SourceException {@link Failure#NOT_PUBLISHED} when the first page holds no outturn row
     */
    @Override
    Parsed page(Window window, FetchResponse response) throws SourceException {
        DatastorePage page = DatastorePage.read(response.body(), "datastore_search");
        HalfHourRows rows = new HalfHourRows();
        DemandTable.read(page, "demand data update", EVERYTHING, true, rows);
        Optional<FetchRequest> next = nextSearchPage(page, response);
        if (rows.isEmpty() && page.offset() == 0 && next.isEmpty()) {
            throw new SourceException(Failure.NOT_PUBLISHED, "demand data update holds no outturn rows");
        }
        List<Window> covered = rows.isEmpty() ? List.of()
                : rows.covered(new Window(rows.firstStart(), rows.lastStart().plus(SettlementPeriods.PERIOD)));
        return new Parsed(rows.rows(), covered, rows.quarantined(), rows.notes(), next);
    }
}
