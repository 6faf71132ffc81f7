package dev.pmp.source.neso;

import dev.pmp.spi.Access;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.TimeShape;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code current-balancing-services-use-system-bsuos-data}, Interim Initial (II) run: the BSUoS tariff per
 * settlement period ({@code Settlement Day}, {@code Settlement Period}, local). The resource is read whole
 * with {@code datastore_search} ({@code _links.next} paging); the tariff column is found by its current
 * name {@code BSUoS Tariff (£/MWh)} or its older {@code BSUoS Price (£/MWh Hour)}. Immutable and
 * thread-safe.
 */
public final class Bsuos extends PortalFeed {

    /** The portal package. */
    public static final String PACKAGE = "current-balancing-services-use-system-bsuos-data";

    /** The Interim Initial run's resource. */
    public static final String RESOURCE = "0eda5e28-1dc6-48da-8663-c00e12f2a1e2";

    static final int PAGE_ROWS = 20000;

    /** The dataset this feed fills. */
    public static final Dataset DATASET = new Dataset(
            "neso.bsuos",
            "NESO BSUoS tariff per settlement period (Interim Initial run)",
            NesoSettings.DEFAULT_API_BASE + "/api/3/action/datastore_search?resource_id=" + RESOURCE,
            Schema.builder(TimeShape.INTERVAL)
                    .value("settlement_date", ColumnType.DATE, "", "Settlement Day: the local settlement day")
                    .value("settlement_period", ColumnType.BIGINT, "", "Settlement Period: 1 = 00:00-00:30 local; "
                            + "46/50 on clock change days")
                    .value("bsuos_tariff_gbp_per_mwh", ColumnType.DOUBLE, "£/MWh", "BSUoS Tariff (£/MWh); "
                            + "BSUoS Price (£/MWh Hour) in older files")
                    .value("bsuos_fund_tariff_gbp_per_mwh", ColumnType.DOUBLE, "£/MWh", "BSUoS Fund Tariff (£/MWh), "
                            + "when published")
                    .build(),
            TimeShape.INTERVAL,
            Access.SNAPSHOT,
            SettlementPeriods.PERIOD,
            SettlementPeriods.LONDON,
            Duration.ofDays(1),
            Duration.ofDays(3),
            LocalDate.of(2023, 4, 1),
            Optional.of(Duration.ofDays(7)),
            true,
            Duration.ofDays(400));

    /** A feed reading the portal under {@link NesoSettings#apiBase()}. */
    public Bsuos(NesoSettings settings) {
        super(DATASET, settings, PACKAGE);
    }

    /**
     * @throws SourceException {@link Failure#BAD_DATA} when the package no longer lists the II resource
     */
    @Override
    CkanPackage.Resource resource(Window window, CkanPackage pkg) throws SourceException {
        return fixed(pkg, RESOURCE);
    }

    @Override
    FetchRequest firstPage(Window window, CkanPackage.Resource resource) {
        return datastoreSearch(resource.id(), PAGE_ROWS, "&sort=_id");
    }

    /**
     * Each page covers the span of its rows.
     *
     * @throws SourceException {@link Failure#BAD_DATA} when a required column is missing or a row's day or
     *     period cannot be read; {@link Failure#NOT_PUBLISHED} when the resource is empty
     */
    @Override
    Parsed page(Window window, FetchResponse response) throws SourceException {
        DatastorePage page = DatastorePage.read(response.body(), "datastore_search");
        Optional<FetchRequest> next = nextSearchPage(page, response);
        if (page.records().isEmpty()) {
            if (page.offset() == 0) {
                throw new SourceException(Failure.NOT_PUBLISHED, "the BSUoS II resource holds no rows");
            }
            return new Parsed(List.of(), List.of(), List.of(), List.of(), next);
        }
        ColumnNames names = new ColumnNames(page.fields(), "BSUoS answer");
        String day = names.required("Settlement Day", "Settlement Date", "SETT_DATE");
        String period = names.required("Settlement Period", "SettlementPeriod", "SETT_PERIOD");
        String tariff = names.required("BSUoS Tariff (£/MWh)", "BSUoS Price (£/MWh Hour)");
        String fund = names.optional("BSUoS Fund Tariff (£/MWh)");
        HalfHourRows rows = new HalfHourRows();
        if (!names.unknown().isEmpty()) {
            rows.note("BSUoS: columns this reader does not store: " + names.unknown());
        }
        for (int i = 0; i < page.records().size(); i++) {
            Map<String, Object> record = page.records().get(i);
            String where = "BSUoS record " + (page.offset() + i + 1);
            LocalDate date;
            long sp;
            try {
                date = Cells.date(record.get(day));
                sp = Cells.whole(record.get(period));
            } catch (IllegalArgumentException e) {
                throw new SourceException(Failure.BAD_DATA, where + ": its day or period cannot be read: "
                        + e.getMessage());
            }
            if (sp < 1 || sp > SettlementPeriods.count(date)) {
                rows.hold(new Window(SettlementPeriods.midnight(date), SettlementPeriods.midnight(date.plusDays(1))),
                        1, where + ": settlement period " + sp + " does not exist on " + date + "; day held back");
                continue;
            }
            Instant start = SettlementPeriods.start(date, sp);
            try {
                rows.add(start, "", Row.of(start, start.plus(SettlementPeriods.PERIOD), date, sp,
                        Cells.number(record.get(tariff)), fund == null ? null : Cells.number(record.get(fund))), where);
            } catch (IllegalArgumentException e) {
                rows.hold(Window.of(start, SettlementPeriods.PERIOD), 1, where + ": " + e.getMessage()
                        + "; half-hour held back");
            }
        }
        List<Window> covered = rows.isEmpty() ? List.of()
                : rows.covered(new Window(rows.firstStart(), rows.lastStart().plus(SettlementPeriods.PERIOD)));
        return new Parsed(rows.rows(), covered, rows.quarantined(), rows.notes(), next);
    }
}
