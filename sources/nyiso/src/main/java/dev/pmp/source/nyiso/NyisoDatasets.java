package dev.pmp.source.nyiso;

import dev.pmp.source.nyiso.MisFeed.Part;
import dev.pmp.source.nyiso.mis.DayFileReader;
import dev.pmp.source.nyiso.mis.FileFormat;
import dev.pmp.source.nyiso.mis.Labelling;
import dev.pmp.spi.Access;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Schema;
import dev.pmp.spi.TimeShape;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The NYISO datasets and the MIS files each is read from. */
final class NyisoDatasets {

    /** The first market day offered: the monthly archives reach back to 1999, pmp backfills from 2019. */
    static final LocalDate EARLIEST = LocalDate.of(2019, 1, 1);

    /** Largest window: one calendar month, answered by one archive. */
    static final Duration MAX_WINDOW = Duration.ofDays(31);

    static final MisFile DAM_ZONE = new MisFile("damlbmp", "damlbmp_zone");
    static final MisFile DAM_GEN = new MisFile("damlbmp", "damlbmp_gen");
    static final MisFile RT_ZONE = new MisFile("realtime", "realtime_zone");
    static final MisFile RT_GEN = new MisFile("realtime", "realtime_gen");
    static final MisFile RTH_ZONE = new MisFile("rtlbmp", "rtlbmp_zone");
    static final MisFile RTH_GEN = new MisFile("rtlbmp", "rtlbmp_gen");
    static final MisFile DAM_ASP = new MisFile("damasp", "damasp");
    static final MisFile RT_ASP = new MisFile("rtasp", "rtasp");
    static final MisFile PAL = new MisFile("pal", "pal");
    static final MisFile ISOLF = new MisFile("isolf", "isolf");
    static final MisFile FUEL_MIX = new MisFile("rtfuelmix", "rtfuelmix");

    static final Dataset LMP_DAY_AHEAD_HOURLY = dataset("lmp_day_ahead_hourly",
            "NYISO day-ahead hourly LBMP, zones, external proxies and generator buses", DAM_ZONE,
            Lbmp.schema("day-ahead LBMP of the hour starting at interval_start_utc"), TimeShape.INTERVAL,
            Duration.ofHours(1), Duration.ZERO, Duration.ofHours(12));

    static final Dataset LMP_REAL_TIME_5MIN = dataset("lmp_real_time_5min",
            "NYISO real-time (RTD) 5-minute LBMP, zones, external proxies and generator buses", RT_ZONE,
            Lbmp.schema("RTD 5-minute LBMP of the interval ending at interval_end_utc (RTC 15-minute advisory rows "
                    + "of the current day's file are left out)"), TimeShape.INTERVAL,
            Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(30));

    static final Dataset LMP_REAL_TIME_HOURLY = dataset("lmp_real_time_hourly",
            "NYISO real-time hourly (time-weighted) LBMP, zones, external proxies and generator buses", RTH_ZONE,
            Lbmp.schema("time-weighted real-time LBMP of the hour starting at interval_start_utc"), TimeShape.INTERVAL,
            Duration.ofHours(1), Duration.ofMinutes(20), Duration.ofHours(2));

    static final Dataset AS_PRICES_DAY_AHEAD = dataset("as_prices_day_ahead",
            "NYISO day-ahead ancillary service prices per reserve region", DAM_ASP, ReservePrices.schema(),
            TimeShape.INTERVAL, Duration.ofHours(1), Duration.ZERO, Duration.ofHours(12));

    static final Dataset AS_PRICES_REAL_TIME = dataset("as_prices_real_time",
            "NYISO real-time 5-minute ancillary service prices per reserve region", RT_ASP, ReservePrices.schema(),
            TimeShape.INTERVAL, Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(30));

    static final Dataset LOAD_ACTUAL = dataset("load_actual",
            "NYISO actual load per zone, instantaneous 5-minute readings", PAL, Load.actualSchema(), TimeShape.POINT,
            Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(30));

    static final Dataset LOAD_FORECAST = dataset("load_forecast",
            "NYISO ISO load forecast per zone, hourly, each day's file for that day and the following days", ISOLF,
            Load.forecastSchema(), TimeShape.INTERVAL, Duration.ofHours(1), Duration.ZERO, Duration.ofHours(12));

    static final Dataset FUEL_MIX_DATASET = dataset("fuel_mix",
            "NYISO generation by fuel category, instantaneous 5-minute readings", FUEL_MIX, FuelMix.schema(),
            TimeShape.POINT, Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(30));

    static final List<Dataset> ALL = List.of(LMP_DAY_AHEAD_HOURLY, LMP_REAL_TIME_5MIN, LMP_REAL_TIME_HOURLY,
            AS_PRICES_DAY_AHEAD, AS_PRICES_REAL_TIME, LOAD_ACTUAL, LOAD_FORECAST, FUEL_MIX_DATASET);

    private NyisoDatasets() {
    }

    /** The files and readers of a dataset of {@link #ALL}, or empty for another dataset. */
    static Optional<List<Part>> parts(Dataset dataset, NyisoSettings settings) {
        String id = dataset.id();
        boolean gens = settings.generators();
        if (id.equals(LMP_DAY_AHEAD_HOURLY.id())) {
            return Optional.of(lbmp(DAM_GEN, DAM_ZONE, Labelling.INTERVAL_START, Duration.ofHours(1), false, gens));
        }
        if (id.equals(LMP_REAL_TIME_5MIN.id())) {
            return Optional.of(lbmp(RT_GEN, RT_ZONE, Labelling.INTERVAL_END, Duration.ofMinutes(5), true, gens));
        }
        if (id.equals(LMP_REAL_TIME_HOURLY.id())) {
            return Optional.of(lbmp(RTH_GEN, RTH_ZONE, Labelling.INTERVAL_START, Duration.ofHours(1), false, gens));
        }
        if (id.equals(AS_PRICES_DAY_AHEAD.id())) {
            return Optional.of(List.of(part(DAM_ASP, ReservePrices.format(false))));
        }
        if (id.equals(AS_PRICES_REAL_TIME.id())) {
            return Optional.of(List.of(part(RT_ASP, ReservePrices.format(true))));
        }
        if (id.equals(LOAD_ACTUAL.id())) {
            return Optional.of(List.of(part(PAL, Load.actualFormat())));
        }
        if (id.equals(LOAD_FORECAST.id())) {
            return Optional.of(List.of(part(ISOLF, Load.forecastFormat())));
        }
        if (id.equals(FUEL_MIX_DATASET.id())) {
            return Optional.of(List.of(part(FUEL_MIX, FuelMix.format())));
        }
        return Optional.empty();
    }

    /**
     * The generator file first, then the zone file: the zone file's answer claims the day, so a day counts as
     * covered only once both were read.
     */
    private static List<Part> lbmp(MisFile gen, MisFile zone, Labelling labelling, Duration cadence,
            boolean splitsAdvisory, boolean generators) {
        return List.of(part(gen, Lbmp.format(labelling, cadence, splitsAdvisory, Lbmp.generators(generators))),
                part(zone, Lbmp.format(labelling, cadence, splitsAdvisory, Lbmp.zones())));
    }

    private static Part part(MisFile file, FileFormat format) {
        return new Part(file, new DayFileReader(format));
    }

    private static Dataset dataset(String name, String title, MisFile file, Schema schema, TimeShape shape,
            Duration cadence, Duration delay, Duration grace) {
        return new Dataset("nyiso." + name, title,
                NyisoSettings.DEFAULT_MIS_BASE + "/" + file.directory() + "/{YYYYMMDD}" + file.name()
                        + ".csv and {YYYYMM01}" + file.name() + "_csv.zip",
                schema, shape, Access.WINDOWED, cadence, DayFileReader.ZONE, delay, grace, EARLIEST,
                Optional.empty(), true, MAX_WINDOW);
    }
}
