package dev.pmp.source.isone;

import dev.pmp.spi.Auth;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Settings;
import dev.pmp.spi.Source;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.StandardMapping;
import dev.pmp.spi.StandardTable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ISO New England. With {@code PMP_ISONE_USERNAME} and {@code PMP_ISONE_PASSWORD} set, every dataset is read
 * from the Web Services API v1.1 (HTTP Basic); without them the LMP, 5-minute load and fuel-mix datasets are
 * read from the anonymous ISO Express CSV downloads inside a session. Found by {@link java.util.ServiceLoader};
 * does no I/O.
 */
public final class IsoneSource implements Source {

    /** The {@code iso} value of the standard tables. */
    static final String ISO = "ISONE";

    /** The ISO Express page whose visit opens the session the CSV downloads check. */
    static final String LANDING_PATH = "/isoexpress/web/reports/operations/-/tree/gen-fuel-mix";

    /** How long a session is used before the landing page is visited again. */
    static final Duration SESSION_LIFETIME = Duration.ofMinutes(20);

    private static final List<Dataset> DATASETS = List.of(Lmp.DAY_AHEAD_HOURLY, Lmp.REAL_TIME_HOURLY,
            Lmp.REAL_TIME_FIVE_MINUTE, AncillaryPrices.RESERVES, AncillaryPrices.REGULATION, Load.ACTUAL_HOURLY,
            Load.ACTUAL_FIVE_MINUTE, Load.FORECAST, FuelMix.DATASET, Locations.DATASET, ZonalDemand.REAL_TIME,
            ZonalDemand.DAY_AHEAD, Load.FORECAST_REGIONAL);

    @Override
    public String name() {
        return "isone";
    }

    @Override
    public List<Dataset> datasets() {
        return DATASETS;
    }

    /**
     * @throws SourceException {@code CONFIG} for a bad setting, a dataset of another source, or an API-only
     *     dataset without credentials
     */
    @Override
    public Feed feed(Dataset dataset, Settings settings) throws SourceException {
        IsoneSettings s = IsoneSettings.from(settings);
        Dataset d = DATASETS.stream().filter(x -> x.id().equals(dataset.id())).findFirst().orElseThrow(
                () -> new SourceException(Failure.CONFIG, "isone offers no dataset " + dataset.id() + "; it offers "
                        + String.join(", ", DATASETS.stream().map(Dataset::id).toList())));
        if (d == Lmp.DAY_AHEAD_HOURLY || d == Lmp.REAL_TIME_HOURLY || d == Lmp.REAL_TIME_FIVE_MINUTE) {
            return Lmp.feed(d, s);
        }
        boolean api = switch (s.channel()) {
            case API -> true;
            case EXPRESS -> false;
        };
        if (d == Load.ACTUAL_FIVE_MINUTE) {
            return new PeriodFeed(d, 24,
                    api ? new Load.FiveMinuteReport(s) : new Load.FiveMinuteCsvReport(s));
        }
        if (d == FuelMix.DATASET) {
            return new PeriodFeed(d, 24,
                    api ? new FuelMix.ApiFeedReport(s) : new FuelMix.CsvReport(s));
        }
        if (!api) {
            throw new SourceException(Failure.CONFIG, d.id() + " is served only by the ISO-NE Web Services API: set "
                    + IsoneSettings.USERNAME + " and " + IsoneSettings.PASSWORD + " (an approved ISO Express account)");
        }
        if (d == Locations.DATASET) {
            return new Locations(s);
        }
        if (d == ZonalDemand.REAL_TIME || d == ZonalDemand.DAY_AHEAD) {
            return new ZonalDemand(d, s);
        }
        ApiReport report;
        if (d == AncillaryPrices.RESERVES) {
            report = new AncillaryPrices.ReserveReport(s);
        } else if (d == AncillaryPrices.REGULATION) {
            report = new AncillaryPrices.RegulationReport(s);
        } else if (d == Load.ACTUAL_HOURLY) {
            report = new Load.HourlyReport(s);
        } else if (d == Load.FORECAST_REGIONAL) {
            report = new Load.RegionalForecastReport(s);
        } else {
            report = new Load.ForecastReport(s);
        }
        return new PeriodFeed(d, 24, report);
    }

    /**
     * HTTP Basic with the API account when both credentials are set, otherwise an ISO Express session opened
     * on {@value #LANDING_PATH}.
     */
    @Override
    public Optional<Auth> auth(Settings settings) throws SourceException {
        IsoneSettings s = IsoneSettings.from(settings);
        return switch (s.channel()) {
            case API -> Optional.of(s.credentials().orElseThrow());
            case EXPRESS -> Optional.of(new Auth.Session(URI.create(s.expressBase() + LANDING_PATH), SESSION_LIFETIME));
        };
    }

    /**
     * The API publishes no limit but answers bursts with 429 (gridstatus backs off from 5 s; battalion paces
     * 1 s apart): one request a second. ISO Express walls fast clients with 403: one request per 10 s
     * (third-party pacing of 9-11 s), on the {@value ExpressReport#BUDGET} budget.
     */
    @Override
    public Map<String, String> requestRates() {
        return Map.of("", "60 per minute burst 3", ExpressReport.BUDGET, "6 per minute");
    }

    /**
     * LMP (day-ahead, real-time hourly and 5-minute), AS_PRICES (three reserve products, two regulation prices),
     * LOAD (the hourly system native load and the real-time hourly load of each zone; not the 5-minute series of
     * the same system, which would double its sums) and FUEL_MIX.
     */
    @Override
    public List<StandardMapping> standardMappings() {
        List<StandardMapping> out = new ArrayList<>();
        out.add(lmp(Lmp.DAY_AHEAD_HOURLY, "DAM"));
        out.add(lmp(Lmp.REAL_TIME_HOURLY, "RTH"));
        out.add(lmp(Lmp.REAL_TIME_FIVE_MINUTE, "RT5M"));
        for (String[] product : new String[][] {{"TMSR", "tmsr_price"}, {"TMNSR", "tmnsr_price"},
            {"TMOR", "tmor_price"}}) {
            out.add(StandardMapping.of(StandardTable.AS_PRICES, AncillaryPrices.RESERVES)
                    .column("interval_start_utc", "interval_start_utc").column("interval_end_utc", "interval_end_utc")
                    .constant("iso", ISO).constant("market", "RT5M").column("region", "reserve_zone_name")
                    .constant("product", product[0]).column("price", product[1]).build());
        }
        for (String[] product : new String[][] {{"REG_SERVICE", "reg_service_price"},
            {"REG_CAPACITY", "reg_capacity_price"}}) {
            out.add(StandardMapping.of(StandardTable.AS_PRICES, AncillaryPrices.REGULATION)
                    .column("interval_start_utc", "interval_start_utc").column("interval_end_utc", "interval_end_utc")
                    .constant("iso", ISO).constant("market", "RT5M").constant("region", "SYSTEM")
                    .constant("product", product[0]).column("price", product[1]).build());
        }
        out.add(StandardMapping.of(StandardTable.LOAD, Load.ACTUAL_HOURLY)
                .column("interval_start_utc", "interval_start_utc").column("interval_end_utc", "interval_end_utc")
                .constant("iso", ISO).column("area", "location_name").column("load_mw", "native_load_mw").build());
        out.add(StandardMapping.of(StandardTable.LOAD, ZonalDemand.REAL_TIME)
                .column("interval_start_utc", "interval_start_utc").column("interval_end_utc", "interval_end_utc")
                .constant("iso", ISO).column("area", "location_name").column("load_mw", "load_mw").build());
        out.add(StandardMapping.of(StandardTable.FUEL_MIX, FuelMix.DATASET)
                .column("interval_start_utc", "time_utc").column("interval_end_utc", "time_utc")
                .constant("iso", ISO).column("fuel", "fuel_category").column("mw", "generation_mw").build());
        return out;
    }

    private static StandardMapping lmp(Dataset d, String market) {
        return StandardMapping.of(StandardTable.LMP, d)
                .column("interval_start_utc", "interval_start_utc").column("interval_end_utc", "interval_end_utc")
                .constant("iso", ISO).constant("market", market).column("location", "location_id")
                .column("location_type", "location_type").column("lmp", "lmp").column("energy", "energy")
                .column("congestion", "congestion").column("loss", "loss").build();
    }
}
