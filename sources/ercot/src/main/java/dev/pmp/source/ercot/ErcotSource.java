package dev.pmp.source.ercot;

import dev.pmp.source.ercot.api.ApiSettings;
import dev.pmp.source.ercot.api.DisclosureFeed;
import dev.pmp.source.ercot.api.ErcotApi;
import dev.pmp.source.ercot.api.ReportFeed;
import dev.pmp.source.ercot.report.ErcotReport;
import dev.pmp.spi.Auth;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Settings;
import dev.pmp.spi.Source;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.StandardMapping;
import dev.pmp.spi.StandardTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ERCOT, the Texas grid operator: the public dashboards (no credentials) and the Public API reports
 * (credentials from {@link ApiSettings}). Found by {@link java.util.ServiceLoader}; does no I/O.
 */
public final class ErcotSource implements Source {

    /** The upper-case operator name of the standard tables. */
    public static final String ISO = "ERCOT";

    private static final List<ErcotReport> QUERY_REPORTS = List.of(ErcotReport.NP6_905_CD, ErcotReport.NP4_190_CD,
            ErcotReport.NP4_188_CD, ErcotReport.NP6_331_CD, ErcotReport.NP6_345_CD, ErcotReport.NP6_346_CD,
            ErcotReport.NP6_322_CD, ErcotReport.NP6_788_CD);

    private static final List<DisclosureFeed.Kind> DISCLOSURES = List.of(DisclosureFeed.Kind.values());

    // The energy storage dataset stays first: callers that update in this order meet it first.
    private static final List<Dataset> DATASETS = allDatasets();

    @Override
    public String name() {
        return "ercot";
    }

    @Override
    public List<Dataset> datasets() {
        return DATASETS;
    }

    /**
     * @throws SourceException {@link Failure#CONFIG} for a dataset of another source, a bad setting, or an
     *     API dataset without {@link ApiSettings#USERNAME}, {@link ApiSettings#PASSWORD} and {@link ApiSettings#KEY}
     */
    @Override
    public Feed feed(Dataset dataset, Settings settings) throws SourceException {
        String id = dataset.id();
        if (id.equals(EnergyStorageResources.DATASET.id())) {
            return new EnergyStorageResources(ErcotSettings.from(settings));
        }
        if (id.equals(SystemWidePrices.DATASET.id())) {
            return new SystemWidePrices(ErcotSettings.from(settings));
        }
        if (id.equals(SystemWidePricesDayAhead.DATASET.id())) {
            return new SystemWidePricesDayAhead(ErcotSettings.from(settings));
        }
        if (id.equals(FuelMix.DATASET.id())) {
            return new FuelMix(ErcotSettings.from(settings));
        }
        for (ErcotReport r : QUERY_REPORTS) {
            if (id.equals(r.dataset().id())) {
                ApiSettings api = ApiSettings.from(settings);
                api.requireCredentials(id);
                return new ReportFeed(r, api);
            }
        }
        for (DisclosureFeed.Kind k : DISCLOSURES) {
            if (id.equals(k.report().dataset().id())) {
                ApiSettings api = ApiSettings.from(settings);
                api.requireCredentials(id);
                return new DisclosureFeed(k, api);
            }
        }
        throw new SourceException(Failure.CONFIG, "ercot offers no dataset " + id + "; it offers "
                + String.join(", ", DATASETS.stream().map(Dataset::id).toList()));
    }

    /** The Public API's Azure B2C sign-in (see {@link ApiSettings#auth()}); empty without credentials. */
    @Override
    public Optional<Auth> auth(Settings settings) throws SourceException {
        return ApiSettings.from(settings).auth();
    }

    /**
     * The dashboards keep the default budget; API calls spend their own {@value ErcotApi#BUDGET} budget at
     * ERCOT's published {@value ErcotApi#RATE} per subscription.
     */
    @Override
    public Map<String, String> requestRates() {
        return Map.of("", "60 per minute burst 10", ErcotApi.BUDGET, ErcotApi.RATE);
    }

    @Override
    public List<StandardMapping> standardMappings() {
        List<StandardMapping> out = new ArrayList<>();
        out.add(lmp(ErcotReport.NP4_190_CD.dataset(), "DAM"));
        out.add(lmp(ErcotReport.NP6_905_CD.dataset(), "RT15M"));
        out.add(asPrices(ErcotReport.NP4_188_CD.dataset(), "DAM", "ancillary_type"));
        out.add(asPrices(ErcotReport.NP6_331_CD.dataset(), "RT15M", "as_type"));
        Dataset weather = ErcotReport.NP6_345_CD.dataset();
        for (String[] zone : new String[][] {{"COAST", "coast_mw"}, {"EAST", "east_mw"}, {"FAR_WEST", "far_west_mw"},
            {"NORTH", "north_mw"}, {"NORTH_C", "north_central_mw"}, {"SOUTHERN", "southern_mw"},
            {"SOUTH_C", "south_central_mw"}, {"WEST", "west_mw"}, {"ERCOT", "total_mw"}}) {
            out.add(load(weather, zone[0], zone[1]));
        }
        Dataset forecast = ErcotReport.NP6_346_CD.dataset();
        for (String[] zone : new String[][] {{"FZ_NORTH", "north_mw"}, {"FZ_SOUTH", "south_mw"}, {"FZ_WEST", "west_mw"},
            {"FZ_HOUSTON", "houston_mw"}}) {
            out.add(load(forecast, zone[0], zone[1]));
        }
        out.add(StandardMapping.of(StandardTable.FUEL_MIX, FuelMix.DATASET)
                .column("interval_start_utc", "time_utc").column("interval_end_utc", "time_utc")
                .constant("iso", ISO).column("fuel", "fuel").column("mw", "generation_mw").build());
        return out;
    }

    private static StandardMapping lmp(Dataset d, String market) {
        return StandardMapping.of(StandardTable.LMP, d).column("interval_start_utc", "interval_start_utc")
                .column("interval_end_utc", "interval_end_utc").constant("iso", ISO).constant("market", market)
                .column("location", "settlement_point").column("location_type", "location_type")
                .column("lmp", "price_usd_per_mwh").restAbsent().build();
    }

    private static StandardMapping asPrices(Dataset d, String market, String product) {
        return StandardMapping.of(StandardTable.AS_PRICES, d).column("interval_start_utc", "interval_start_utc")
                .column("interval_end_utc", "interval_end_utc").constant("iso", ISO).constant("market", market)
                .constant("region", ISO).column("product", product).column("price", "mcpc_usd_per_mw").build();
    }

    private static StandardMapping load(Dataset d, String area, String column) {
        return StandardMapping.of(StandardTable.LOAD, d).column("interval_start_utc", "interval_start_utc")
                .column("interval_end_utc", "interval_end_utc").constant("iso", ISO).constant("area", area)
                .column("load_mw", column).build();
    }

    private static List<Dataset> allDatasets() {
        List<Dataset> out = new ArrayList<>(List.of(EnergyStorageResources.DATASET, SystemWidePrices.DATASET,
                SystemWidePricesDayAhead.DATASET, FuelMix.DATASET));
        QUERY_REPORTS.forEach(r -> out.add(r.dataset()));
        DISCLOSURES.forEach(k -> out.add(k.report().dataset()));
        return List.copyOf(out);
    }
}
