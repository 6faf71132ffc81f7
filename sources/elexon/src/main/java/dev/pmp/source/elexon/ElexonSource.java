package dev.pmp.source.elexon;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Settings;
import dev.pmp.spi.Source;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.StandardMapping;
import dev.pmp.spi.StandardTable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Elexon's BMRS Insights API, the GB balancing and settlement data. Every dataset code of the API is a
 * dataset {@code elexon.<code>} (see {@link ElexonCatalogue}); no credentials. Found by
 * {@link java.util.ServiceLoader}; does no I/O.
 */
public final class ElexonSource implements Source {

    /** The upper-case operator name written into the standard tables' {@code iso} column. */
    public static final String ISO = "GB";

    /** The request budget of UOU2T3YW, the only dataset with a published limit. */
    static final String UOU2T3YW_BUDGET = "uou2t3yw";

    @Override
    public String name() {
        return "elexon";
    }

    @Override
    public List<Dataset> datasets() {
        return ElexonCatalogue.datasets();
    }

    /** @throws SourceException {@link Failure#CONFIG} for a dataset of another source or a bad {@value ElexonSettings#API_URL} */
    @Override
    public Feed feed(Dataset dataset, Settings settings) throws SourceException {
        DatasetFacts facts = ElexonCatalogue.facts(dataset.id()).orElseThrow(() -> new SourceException(Failure.CONFIG,
                "elexon offers no dataset " + dataset.id() + "; its datasets are elexon.<Insights dataset code>, e.g. elexon.fuelinst"));
        return new InsightsFeed(facts, ElexonCatalogue.byId(dataset.id()).orElseThrow(), ElexonSettings.from(settings));
    }

    /**
     * Elexon publishes no general limit (spec §2.3): the default paces every dataset at 2 requests per
     * second, bursts of 5, well under the 2-5 per second the spec recommends; UOU2T3YW's own published
     * 100 requests per minute has its own budget. 429 and 5xx are retried with backoff by the engine,
     * honouring {@code Retry-After} when Elexon sends one.
     */
    @Override
    public Map<String, String> requestRates() {
        return Map.of("", "2 per second burst 5", UOU2T3YW_BUDGET, "100 per minute");
    }

    /**
     * FUELINST feeds {@link StandardTable#FUEL_MIX} (5-minute, the nearest to other operators' fuel mix;
     * FUELHH would count the same generation twice). INDO (national demand) and ITSDO (transmission
     * system demand) feed {@link StandardTable#LOAD} as two areas, over the settlement period of their
     * {@code start_time_utc}. MID is a market index of traded prices, not a locational marginal price, and
     * feeds nothing.
     */
    @Override
    public List<StandardMapping> standardMappings() {
        Dataset fuelinst = ElexonCatalogue.byCode("FUELINST").orElseThrow();
        Dataset indo = ElexonCatalogue.byCode("INDO").orElseThrow();
        Dataset itsdo = ElexonCatalogue.byCode("ITSDO").orElseThrow();
        return List.of(
                StandardMapping.of(StandardTable.FUEL_MIX, fuelinst).column("interval_start_utc", "interval_start_utc")
                        .column("interval_end_utc", "interval_end_utc").constant("iso", ISO)
                        .column("fuel", "fuel_type").column("mw", "generation").build(),
                load(indo, "national demand (INDO)"),
                load(itsdo, "transmission system demand (ITSDO)"));
    }

    private static StandardMapping load(Dataset dataset, String area) {
        return StandardMapping.of(StandardTable.LOAD, dataset).column("interval_start_utc", "start_time_utc")
                .shifted("interval_end_utc", "start_time_utc", Duration.ofMinutes(30)).constant("iso", ISO)
                .constant("area", area).column("load_mw", "demand").build();
    }
}
