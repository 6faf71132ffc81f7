package dev.pmp.source.nyiso;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Settings;
import dev.pmp.spi.Source;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.StandardMapping;
import dev.pmp.spi.StandardTable;
import java.util.List;
import java.util.Map;

/** NYISO, the New York grid operator, read from the static CSV files of its MIS server. No I/O. */
public final class NyisoSource implements Source {

    /** The {@code iso} value of the standard tables. */
    public static final String ISO = "NYISO";

    @Override
    public String name() {
        return "nyiso";
    }

    @Override
    public List<Dataset> datasets() {
        return NyisoDatasets.ALL;
    }

    /** @throws SourceException {@link Failure#CONFIG} for a dataset of another source or a bad setting */
    @Override
    public Feed feed(Dataset dataset, Settings settings) throws SourceException {
        NyisoSettings s = NyisoSettings.from(settings);
        List<MisFeed.Part> parts = NyisoDatasets.parts(dataset, s).orElseThrow(() -> new SourceException(Failure.CONFIG,
                "nyiso offers no dataset " + dataset.id() + "; it offers "
                        + String.join(", ", NyisoDatasets.ALL.stream().map(Dataset::id).toList())));
        return new MisFeed(NyisoDatasets.ALL.stream().filter(d -> d.id().equals(dataset.id())).findFirst().orElseThrow(),
                parts, s);
    }

    /**
     * NYISO documents no rate limit for its static files (spec §1); pmp stays polite with one file a second
     * and a burst of 5.
     */
    @Override
    public Map<String, String> requestRates() {
        return Map.of("", "60 per minute burst 5");
    }

    @Override
    public List<StandardMapping> standardMappings() {
        return List.of(lmp(NyisoDatasets.LMP_DAY_AHEAD_HOURLY, "DAM"), lmp(NyisoDatasets.LMP_REAL_TIME_5MIN, "RT5M"),
                lmp(NyisoDatasets.LMP_REAL_TIME_HOURLY, "RTH"),
                reserves(NyisoDatasets.AS_PRICES_DAY_AHEAD, "DAM"), reserves(NyisoDatasets.AS_PRICES_REAL_TIME, "RT5M"),
                StandardMapping.of(StandardTable.LOAD, NyisoDatasets.LOAD_ACTUAL)
                        .column("interval_start_utc", "time_utc").column("interval_end_utc", "time_utc")
                        .constant("iso", ISO).column("area", "zone").column("load_mw", "load_mw").build(),
                StandardMapping.of(StandardTable.FUEL_MIX, NyisoDatasets.FUEL_MIX_DATASET)
                        .column("interval_start_utc", "time_utc").column("interval_end_utc", "time_utc")
                        .constant("iso", ISO).column("fuel", "fuel").column("mw", "gen_mw").build());
    }

    private static StandardMapping lmp(Dataset d, String market) {
        return StandardMapping.of(StandardTable.LMP, d)
                .column("interval_start_utc", "interval_start_utc").column("interval_end_utc", "interval_end_utc")
                .constant("iso", ISO).constant("market", market).column("location", "location")
                .column("location_type", "location_type").column("lmp", "lmp").column("energy", "energy")
                .column("congestion", "congestion").column("loss", "loss").build();
    }

    private static StandardMapping reserves(Dataset d, String market) {
        return StandardMapping.of(StandardTable.AS_PRICES, d)
                .column("interval_start_utc", "interval_start_utc").column("interval_end_utc", "interval_end_utc")
                .constant("iso", ISO).constant("market", market).column("region", "region")
                .column("product", "product").column("price", "price").build();
    }
}
