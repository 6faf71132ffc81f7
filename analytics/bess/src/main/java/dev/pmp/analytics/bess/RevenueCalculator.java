package dev.pmp.analytics.bess;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Row;
import dev.pmp.spi.StoreException;
import dev.pmp.spi.StoreView;
import dev.pmp.spi.Window;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes battery revenue per resource and operating day from the six {@link ErcotInputs} datasets read through a
 * {@link StoreView}, following the ERCOT spec §5.2 (see the module README for every formula, unit and sign).
 *
 * <p>The period is read in chunks of at most {@link #CHUNK_DAYS} operating days, so memory is bounded by one chunk's
 * battery rows. Batteries are the rows with Resource Type {@code PWRSTR} or {@code ESR}; every other resource is
 * skipped while scanning. Not thread-safe; one instance may be reused for several runs.
 */
public final class RevenueCalculator {

    /** First operating day of real-time co-optimisation with single-model ESRs (RTC+B go-live, SCED side). */
    public static final LocalDate RTC_B_GO_LIVE = LocalDate.of(2025, 12, 5);

    /** Operating days read per scan of each dataset. */
    public static final int CHUNK_DAYS = 31;

    /** Longest time one SCED run's telemetry is held when the next run is late. */
    static final long MAX_HOLD_SECONDS = 900;

    /** Telemetry must cover at least this many seconds of a 15-minute interval for the interval to count. */
    static final long MIN_COVER_SECONDS = 450;

    private static final Set<String> STORAGE_TYPES = Set.of("PWRSTR", "ESR");
    private static final String LOAD_SIDE_GAP = "before RTC+B the battery's charging side is a separate load resource"
            + " (60d_DAM_Load_Resource_Data, 60d_Load_Resource_Data_in_SCED) and DAM energy bids, neither in the store:"
            + " charging energy cost and load-side AS awards are not counted";

    private final StoreView view;
    private final ErcotInputs inputs;
    private final Clock clock;
    private final ZoneId zone;
    private final DamColumns dam;
    private final ScedColumns sced;
    private final PriceColumns daSpp;
    private final PriceColumns rtSpp;
    private final PriceColumns daMcpc;
    private final PriceColumns rtMcpc;

    /**
     * @param view where the rows are read
     * @param inputs the datasets; their columns are resolved by name now
     * @param clock tells which days are still inside the publication lag
     * @throws IllegalArgumentException if a dataset lacks a column the formulas need
     */
    public RevenueCalculator(StoreView view, ErcotInputs inputs, Clock clock) {
        this.view = Objects.requireNonNull(view, "view");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = inputs.damAwards().marketZone();
        this.dam = new DamColumns(inputs.damAwards());
        this.sced = new ScedColumns(inputs.sced());
        this.daSpp = new PriceColumns(inputs.dayAheadPrices(), "settlement_point", "price_usd_per_mwh");
        this.rtSpp = new PriceColumns(inputs.realTimePrices(), "settlement_point", "price_usd_per_mwh");
        this.daMcpc = new PriceColumns(inputs.dayAheadMcpc(), "ancillary_type", "mcpc_usd_per_mw");
        this.rtMcpc = new PriceColumns(inputs.realTimeMcpc(), "as_type", "mcpc_usd_per_mw");
    }

    /**
     * Revenue of every battery over operating days {@code [from, to)}.
     *
     * @throws StoreException if a scan fails
     */
    public RevenueReport compute(LocalDate from, LocalDate to) throws StoreException {
        return run(from, to, null, false);
    }

    /**
     * The figures of one resource-day together with every settlement line behind them.
     *
     * @throws StoreException if a scan fails
     */
    public RevenueReport explain(String resourceName, LocalDate day) throws StoreException {
        return run(day, day.plusDays(1), Objects.requireNonNull(resourceName, "resourceName"), true);
    }

    /**
     * Revenue of one battery over operating days {@code [from, to)}; the scans still read every row of the period.
     *
     * @throws StoreException if a scan fails
     */
    public RevenueReport computeOne(String resourceName, LocalDate from, LocalDate to) throws StoreException {
        return run(from, to, Objects.requireNonNull(resourceName, "resourceName"), false);
    }

    private RevenueReport run(LocalDate from, LocalDate to, String only, boolean trace) throws StoreException {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("period end " + to + " must be after its start " + from);
        }
        Map<String, RegistryEntry> registry = new TreeMap<>();
        Map<String, Map<LocalDate, ResourceDay>> computed = new HashMap<>();
        Map<LocalDate, DayStatus> scanStatus = new HashMap<>();
        List<IntervalLine> lines = new ArrayList<>();
        for (LocalDate c = from; c.isBefore(to); c = c.plusDays(CHUNK_DAYS)) {
            LocalDate cEnd = c.plusDays(CHUNK_DAYS).isBefore(to) ? c.plusDays(CHUNK_DAYS) : to;
            Chunk chunk = new Chunk(c, cEnd);
            chunk.read(only, registry);
            for (int d = 0; d < chunk.days; d++) {
                scanStatus.put(chunk.day(d), chunk.scanStatus(d));
            }
            for (ResourceChunk rc : chunk.resources.values()) {
                for (int d = 0; d < chunk.days; d++) {
                    if (rc.dayHasRow[d]) {
                        ResourceDay rd = chunk.settle(rc, d, trace ? lines : null);
                        computed.computeIfAbsent(rc.name, k -> new HashMap<>()).put(rd.day(), rd);
                    }
                }
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<ResourceDay> days = new ArrayList<>();
        List<Battery> batteries = new ArrayList<>();
        for (RegistryEntry e : registry.values()) {
            batteries.add(e.battery());
            Map<LocalDate, ResourceDay> mine = computed.getOrDefault(e.name, Map.of());
            for (LocalDate d = e.first; d.isBefore(to) && !d.isAfter(today); d = d.plusDays(1)) {
                ResourceDay rd = mine.get(d);
                if (rd != null) {
                    days.add(rd);
                    continue;
                }
                DayStatus s = scanStatus.get(d);
                if (s == DayStatus.COMPLETE) {
                    if (d.isBefore(e.last)) {
                        days.add(ResourceDay.absent(e.name, d, DayStatus.MISSING,
                                "the 60-day DAM and SCED disclosures cover the day but hold no row for the resource"));
                    }
                } else {
                    days.add(ResourceDay.absent(e.name, d, s, s == DayStatus.NOT_PUBLISHED
                            ? "the 60-day disclosures for the day are not published yet"
                            : "the 60-day disclosures for the day are not in the store"));
                }
            }
        }
        return new RevenueReport(from, to, batteries, days, lines);
    }

    /** NOT_PUBLISHED if the day is still inside the dataset's publication delay and grace, else MISSING. */
    private DayStatus absentStatus(Dataset d, Instant dayEnd) {
        Instant due = dayEnd.plus(d.publicationDelay()).plus(d.grace());
        return due.isAfter(clock.instant()) ? DayStatus.NOT_PUBLISHED : DayStatus.MISSING;
    }

    private static boolean[] coveredDays(StoreView view, Dataset d, Instant[] dayStarts) throws StoreException {
        Window all = new Window(dayStarts[0], dayStarts[dayStarts.length - 1]);
        List<Window> cov = Window.merge(view.coverage(d, all));
        boolean[] out = new boolean[dayStarts.length - 1];
        for (int i = 0; i < out.length; i++) {
            Window day = new Window(dayStarts[i], dayStarts[i + 1]);
            for (Window w : cov) {
                if (w.contains(day)) {
                    out[i] = true;
                    break;
                }
            }
        }
        return out;
    }

    private static double num(Row r, int i) {
        if (i < 0) {
            return Double.NaN;
        }
        Object v = r.get(i);
        return v == null ? Double.NaN : (Double) v;
    }

    private static double zeroIfNull(Row r, int i) {
        if (i < 0) {
            return 0;
        }
        Object v = r.get(i);
        return v == null ? 0 : (Double) v;
    }

    private static int column(Dataset d, String name) {
        int i = d.schema().indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(d.id() + " has no column " + name);
        }
        return i;
    }

    private static int[] columns(Dataset d, List<String> names, boolean required) {
        List<Integer> found = new ArrayList<>();
        for (String n : names) {
            int i = d.schema().indexOf(n);
            if (i < 0 && required) {
                throw new IllegalArgumentException(d.id() + " has no column " + n);
            }
            if (i >= 0) {
                found.add(i);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Column positions in {@code ercot.dam_resource_awards_60d}. */
    private static final class DamColumns {
        final int start;
        final int resource;
        final int type;
        final int settlementPoint;
        final int hsl;
        final int award;
        final int embeddedSpp;
        final int[][] productAwards = new int[5][];
        final int[] productMcpc = new int[5];

        DamColumns(Dataset d) {
            start = column(d, "interval_start_utc");
            resource = column(d, "resource_name");
            type = column(d, "resource_type");
            settlementPoint = column(d, "settlement_point");
            hsl = column(d, "hsl_mw");
            award = column(d, "awarded_mw");
            embeddedSpp = column(d, "energy_spp_usd_per_mwh");
            List<RevenueStream> products = RevenueStream.products();
            for (int p = 0; p < products.size(); p++) {
                productAwards[p] = columns(d, products.get(p).damAwardColumns(), false);
                if (productAwards[p].length == 0) {
                    throw new IllegalArgumentException(d.id() + " has none of " + products.get(p).damAwardColumns());
                }
                productMcpc[p] = column(d, products.get(p).damMcpcColumn());
            }
        }
    }

    /** Column positions in {@code ercot.sced_resource_data_60d}. */
    private static final class ScedColumns {
        final int scedTime;
        final int resource;
        final int type;
        final int output;
        final int hsl;
        final int[][] productAwards = new int[5][];

        ScedColumns(Dataset d) {
            scedTime = column(d, "sced_time_utc");
            resource = column(d, "resource_name");
            type = column(d, "resource_type");
            output = column(d, "telemetered_net_output_mw");
            hsl = column(d, "hsl_mw");
            List<RevenueStream> products = RevenueStream.products();
            for (int p = 0; p < products.size(); p++) {
                productAwards[p] = columns(d, products.get(p).scedAwardColumns(), true);
            }
        }
    }

    /** Column positions of a price dataset: interval start, the name it is keyed by, the price. */
    private static final class PriceColumns {
        final Dataset dataset;
        final int start;
        final int key;
        final int price;
        final int pointType;

        PriceColumns(Dataset d, String keyColumn, String priceColumn) {
            dataset = d;
            start = column(d, "interval_start_utc");
            key = column(d, keyColumn);
            price = column(d, priceColumn);
            pointType = d.schema().indexOf("settlement_point_type");
        }
    }

    /** What the registry learns of one resource across chunks. */
    private static final class RegistryEntry {
        final String name;
        String settlementPoint = "";
        final Set<String> types = new LinkedHashSet<>();
        double capacity;
        LocalDate first;
        LocalDate last;

        RegistryEntry(String name) {
            this.name = name;
        }

        void saw(LocalDate day) {
            if (first == null || day.isBefore(first)) {
                first = day;
            }
            if (last == null || day.isAfter(last)) {
                last = day;
            }
        }

        Battery battery() {
            return new Battery(name, settlementPoint, List.copyOf(types), capacity, first, last);
        }
    }

    /** One battery's rows over one chunk, in arrays indexed by hour or 15-minute interval from the chunk start. */
    private static final class ResourceChunk {
        final String name;
        final double[] award;
        final double[] embeddedSpp;
        final double[][] asAward;
        final double[][] asEmbeddedMcpc;
        final boolean[] dayHasRow;
        final double[] dayHsl;
        final String[] dayType;
        final String[] daySettlementPoint;
        long[] runSecond = new long[64];
        double[] runMw = new double[64];
        double[][] runAs = new double[5][64];
        int runs;
        double[] quarterEnergySeconds;
        double[] quarterCover;
        double[][] quarterAsSeconds;

        ResourceChunk(String name, int hours, int days) {
            this.name = name;
            award = nan(hours);
            embeddedSpp = nan(hours);
            asAward = new double[5][];
            asEmbeddedMcpc = new double[5][];
            for (int p = 0; p < 5; p++) {
                asAward[p] = nan(hours);
                asEmbeddedMcpc[p] = nan(hours);
            }
            dayHasRow = new boolean[days];
            dayHsl = nan(days);
            dayType = new String[days];
            daySettlementPoint = new String[days];
        }

        void addRun(long second, double mw, double[] as) {
            if (runs == runSecond.length) {
                int n = runs * 2;
                runSecond = Arrays.copyOf(runSecond, n);
                runMw = Arrays.copyOf(runMw, n);
                for (int p = 0; p < 5; p++) {
                    runAs[p] = Arrays.copyOf(runAs[p], n);
                }
            }
            runSecond[runs] = second;
            runMw[runs] = mw;
            for (int p = 0; p < 5; p++) {
                runAs[p][runs] = as[p];
            }
            runs++;
        }

        /**
         * Holds each SCED run's MW (and RT AS awards) until the next run, at most {@link #MAX_HOLD_SECONDS}, and
         * splits the held time at 15-minute boundaries: MW-seconds and covered seconds per interval.
         */
        void integrate(long chunkStart, int quarters) {
            quarterEnergySeconds = new double[quarters];
            quarterCover = new double[quarters];
            quarterAsSeconds = new double[5][quarters];
            int[] order = timeOrder();
            long chunkEnd = chunkStart + quarters * 900L;
            for (int k = 0; k < order.length; k++) {
                int i = order[k];
                long t0 = runSecond[i];
                long t1 = Math.min(t0 + MAX_HOLD_SECONDS, chunkEnd);
                if (k + 1 < order.length) {
                    t1 = Math.min(t1, runSecond[order[k + 1]]);
                }
                if (Double.isNaN(runMw[i])) {
                    continue;
                }
                long t = Math.max(t0, chunkStart);
                while (t < t1) {
                    int q = (int) ((t - chunkStart) / 900);
                    long qEnd = chunkStart + (q + 1) * 900L;
                    long seg = Math.min(qEnd, t1) - t;
                    quarterEnergySeconds[q] += runMw[i] * seg;
                    quarterCover[q] += seg;
                    for (int p = 0; p < 5; p++) {
                        quarterAsSeconds[p][q] += runAs[p][i] * seg;
                    }
                    t += seg;
                }
            }
        }

        private int[] timeOrder() {
            int[] order = new int[runs];
            boolean sorted = true;
            for (int i = 0; i < runs; i++) {
                order[i] = i;
                if (i > 0 && runSecond[i] < runSecond[i - 1]) {
                    sorted = false;
                }
            }
            if (!sorted) {
                long[] packed = new long[runs];
                for (int i = 0; i < runs; i++) {
                    packed[i] = (runSecond[i] << 22) | i;
                }
                Arrays.sort(packed);
                for (int i = 0; i < runs; i++) {
                    order[i] = (int) (packed[i] & ((1 << 22) - 1));
                }
            }
            return order;
        }

        private static double[] nan(int n) {
            double[] a = new double[n];
            Arrays.fill(a, Double.NaN);
            return a;
        }
    }

    /** The rows of up to {@link #CHUNK_DAYS} operating days. */
    private final class Chunk {
        final int days;
        final Instant[] dayStarts;
        final long startSecond;
        final int hours;
        final int quarters;
        final int[] dayByHour;
        final Map<String, ResourceChunk> resources = new HashMap<>();
        final Map<String, double[]> daPrice = new HashMap<>();
        final Map<String, double[]> rtPrice = new HashMap<>();
        final double[][] daMcpcByProduct = new double[5][];
        final double[][] rtMcpcByProduct = new double[5][];
        boolean[] damCovered;
        boolean[] scedCovered;
        boolean[] daSppCovered;
        boolean[] rtSppCovered;
        boolean[] daMcpcCovered;
        boolean[] rtMcpcCovered;
        private final LocalDate first;

        Chunk(LocalDate first, LocalDate end) {
            this.first = first;
            this.days = (int) ChronoUnit.DAYS.between(first, end);
            dayStarts = new Instant[days + 1];
            for (int d = 0; d <= days; d++) {
                dayStarts[d] = first.plusDays(d).atStartOfDay(zone).toInstant();
            }
            startSecond = dayStarts[0].getEpochSecond();
            hours = (int) ((dayStarts[days].getEpochSecond() - startSecond) / 3600);
            quarters = hours * 4;
            dayByHour = new int[hours];
            for (int d = 0, h = 0; h < hours; h++) {
                while (d + 1 < days && dayStarts[d + 1].getEpochSecond() <= startSecond + h * 3600L) {
                    d++;
                }
                dayByHour[h] = d;
            }
            for (int p = 0; p < 5; p++) {
                daMcpcByProduct[p] = ResourceChunk.nan(hours);
                rtMcpcByProduct[p] = ResourceChunk.nan(quarters);
            }
        }

        LocalDate day(int d) {
            return first.plusDays(d);
        }

        int dayOfHour(int h) {
            return dayByHour[h];
        }

        int hourOf(Instant t) {
            return (int) Math.floorDiv(t.getEpochSecond() - startSecond, 3600);
        }

        int quarterOf(Instant t) {
            return (int) Math.floorDiv(t.getEpochSecond() - startSecond, 900);
        }

        DayStatus scanStatus(int d) {
            if (damCovered[d] && scedCovered[d]) {
                return DayStatus.COMPLETE;
            }
            boolean pending = (!damCovered[d] && absentStatus(inputs.damAwards(), dayStarts[d + 1]) == DayStatus.NOT_PUBLISHED)
                    || (!scedCovered[d] && absentStatus(inputs.sced(), dayStarts[d + 1]) == DayStatus.NOT_PUBLISHED);
            return pending ? DayStatus.NOT_PUBLISHED : DayStatus.MISSING;
        }

        void read(String only, Map<String, RegistryEntry> registry) throws StoreException {
            Window w = new Window(dayStarts[0], dayStarts[days]);
            damCovered = coveredDays(view, inputs.damAwards(), dayStarts);
            scedCovered = coveredDays(view, inputs.sced(), dayStarts);
            daSppCovered = coveredDays(view, inputs.dayAheadPrices(), dayStarts);
            rtSppCovered = coveredDays(view, inputs.realTimePrices(), dayStarts);
            daMcpcCovered = coveredDays(view, inputs.dayAheadMcpc(), dayStarts);
            rtMcpcCovered = coveredDays(view, inputs.realTimeMcpc(), dayStarts);
            view.scan(inputs.damAwards(), w, r -> {
                String type = r.text(dam.type);
                if (type == null || !STORAGE_TYPES.contains(type)) {
                    return;
                }
                String name = r.text(dam.resource);
                if (only != null && !only.equals(name)) {
                    return;
                }
                int h = hourOf(r.instant(dam.start));
                if (h < 0 || h >= hours) {
                    return;
                }
                ResourceChunk rc = resources.computeIfAbsent(name, n -> new ResourceChunk(n, hours, days));
                int d = dayOfHour(h);
                rc.award[h] = zeroIfNull(r, dam.award);
                rc.embeddedSpp[h] = num(r, dam.embeddedSpp);
                for (int p = 0; p < 5; p++) {
                    double sum = 0;
                    for (int c : dam.productAwards[p]) {
                        sum += zeroIfNull(r, c);
                    }
                    rc.asAward[p][h] = sum;
                    rc.asEmbeddedMcpc[p][h] = num(r, dam.productMcpc[p]);
                }
                String sp = r.text(dam.settlementPoint);
                if (sp != null && !sp.isEmpty()) {
                    rc.daySettlementPoint[d] = sp;
                }
                sawRow(rc, d, type, num(r, dam.hsl));
            });
            double[] as = new double[5];
            view.scan(inputs.sced(), w, r -> {
                String type = r.text(sced.type);
                if (type == null || !STORAGE_TYPES.contains(type)) {
                    return;
                }
                String name = r.text(sced.resource);
                if (only != null && !only.equals(name)) {
                    return;
                }
                Instant t = r.instant(sced.scedTime);
                if (!w.contains(t)) {
                    return;
                }
                ResourceChunk rc = resources.computeIfAbsent(name, n -> new ResourceChunk(n, hours, days));
                for (int p = 0; p < 5; p++) {
                    double sum = 0;
                    for (int c : sced.productAwards[p]) {
                        sum += zeroIfNull(r, c);
                    }
                    as[p] = sum;
                }
                rc.addRun(t.getEpochSecond(), num(r, sced.output), as);
                sawRow(rc, dayOfHour(hourOf(t)), type, num(r, sced.hsl));
            });
            Set<String> nodes = new HashSet<>();
            for (ResourceChunk rc : resources.values()) {
                rc.integrate(startSecond, quarters);
                RegistryEntry e = registry.computeIfAbsent(rc.name, RegistryEntry::new);
                for (int d = 0; d < days; d++) {
                    if (rc.daySettlementPoint[d] != null) {
                        e.settlementPoint = rc.daySettlementPoint[d];
                    }
                    if (rc.dayHasRow[d]) {
                        e.saw(day(d));
                        e.types.add(rc.dayType[d]);
                        if (!Double.isNaN(rc.dayHsl[d])) {
                            e.capacity = Math.max(e.capacity, rc.dayHsl[d]);
                        }
                    }
                }
                if (!e.settlementPoint.isEmpty()) {
                    nodes.add(e.settlementPoint);
                }
            }
            // Before any price scan: resources seen only in SCED take the node the registry knows from earlier chunks.
            for (ResourceChunk rc : resources.values()) {
                String sp = registry.get(rc.name).settlementPoint;
                for (int d = 0; d < days; d++) {
                    if (rc.daySettlementPoint[d] == null && !sp.isEmpty()) {
                        rc.daySettlementPoint[d] = sp;
                    }
                }
            }
            if (resources.isEmpty()) {
                return;
            }
            view.scan(inputs.dayAheadPrices(), w, r -> {
                String sp = r.text(daSpp.key);
                if (nodes.contains(sp)) {
                    int h = hourOf(r.instant(daSpp.start));
                    if (h >= 0 && h < hours) {
                        daPrice.computeIfAbsent(sp, k -> ResourceChunk.nan(hours))[h] = num(r, daSpp.price);
                    }
                }
            });
            view.scan(inputs.realTimePrices(), w, r -> {
                String sp = r.text(rtSpp.key);
                if (nodes.contains(sp) && (rtSpp.pointType < 0 || !"LZEW".equals(r.text(rtSpp.pointType)))) {
                    int q = quarterOf(r.instant(rtSpp.start));
                    if (q >= 0 && q < quarters) {
                        rtPrice.computeIfAbsent(sp, k -> ResourceChunk.nan(quarters))[q] = num(r, rtSpp.price);
                    }
                }
            });
            view.scan(inputs.dayAheadMcpc(), w, r -> {
                RevenueStream s = RevenueStream.product(r.text(daMcpc.key));
                int h = hourOf(r.instant(daMcpc.start));
                if (s != null && h >= 0 && h < hours) {
                    daMcpcByProduct[RevenueStream.products().indexOf(s)][h] = num(r, daMcpc.price);
                }
            });
            view.scan(inputs.realTimeMcpc(), w, r -> {
                RevenueStream s = RevenueStream.product(r.text(rtMcpc.key));
                int q = quarterOf(r.instant(rtMcpc.start));
                if (s != null && q >= 0 && q < quarters) {
                    rtMcpcByProduct[RevenueStream.products().indexOf(s)][q] = num(r, rtMcpc.price);
                }
            });
        }

        private void sawRow(ResourceChunk rc, int d, String type, double hsl) {
            rc.dayHasRow[d] = true;
            if (rc.dayType[d] == null || "ESR".equals(type)) {
                rc.dayType[d] = type;
            }
            if (!Double.isNaN(hsl) && (Double.isNaN(rc.dayHsl[d]) || hsl > rc.dayHsl[d])) {
                rc.dayHsl[d] = hsl;
            }
        }

        private String why(boolean covered, Dataset d, int day, String what) {
            if (covered) {
                return what + " has no value for the interval";
            }
            return d.id() + " is " + (absentStatus(d, dayStarts[day + 1]) == DayStatus.NOT_PUBLISHED
                    ? "not published yet" : "not in the store") + " for the day";
        }

        /** Settles one resource-day; adds its lines to {@code lines} when not null. */
        ResourceDay settle(ResourceChunk rc, int d, List<IntervalLine> lines) {
            int h0 = (int) ((dayStarts[d].getEpochSecond() - startSecond) / 3600);
            int h1 = (int) ((dayStarts[d + 1].getEpochSecond() - startSecond) / 3600);
            String sp = rc.daySettlementPoint[d] == null ? "" : rc.daySettlementPoint[d];
            String type = rc.dayType[d];
            Map<RevenueStream, Double> revenue = new EnumMap<>(RevenueStream.class);
            Map<RevenueStream, Integer> missing = new EnumMap<>(RevenueStream.class);
            Set<String> gaps = new LinkedHashSet<>();
            double[] da = daPrice.get(sp);
            double[] rt = rtPrice.get(sp);
            boolean postRtcB = !day(d).isBefore(RTC_B_GO_LIVE) && "ESR".equals(type);

            Tally daEnergy = new Tally(lines);
            for (int h = h0; h < h1; h++) {
                Instant s = Instant.ofEpochSecond(startSecond + h * 3600L);
                Instant e = s.plusSeconds(3600);
                double a = rc.award[h];
                double price = da == null ? Double.NaN : da[h];
                String source = "DA SPP " + sp;
                if (Double.isNaN(price) && !Double.isNaN(rc.embeddedSpp[h])) {
                    price = rc.embeddedSpp[h];
                    source = "DA SPP embedded in the DAM disclosure (NP4-190-CD lacks the hour)";
                }
                if (Double.isNaN(a)) {
                    daEnergy.miss(lines == null ? null : new IntervalLine(s, e, RevenueStream.DA_ENERGY, null, "MW", 1, nullable(price),
                            null, why(damCovered[d], inputs.damAwards(), d, "the DAM disclosure")), gaps, "DA_ENERGY: no DAM row for some hours");
                } else if (a == 0) {
                    daEnergy.add(0, lines == null ? null : new IntervalLine(s, e, RevenueStream.DA_ENERGY, a, "MW", 1, nullable(price), 0.0,
                            "no DAM energy award"));
                } else if (Double.isNaN(price)) {
                    daEnergy.miss(lines == null ? null : new IntervalLine(s, e, RevenueStream.DA_ENERGY, a, "MW", 1, null, null,
                            why(daSppCovered[d], inputs.dayAheadPrices(), d, "DA SPP at " + sp)), gaps,
                            "DA_ENERGY: no DA SPP at " + sp + " for some hours");
                } else {
                    daEnergy.add(a * price, lines == null ? null
                            : new IntervalLine(s, e, RevenueStream.DA_ENERGY, a, "MW", 1, price, a * price, source));
                }
            }
            daEnergy.into(RevenueStream.DA_ENERGY, revenue, missing);

            Tally rtEnergy = new Tally(lines);
            for (int q = h0 * 4; q < h1 * 4; q++) {
                Instant s = Instant.ofEpochSecond(startSecond + q * 900L);
                Instant e = s.plusSeconds(900);
                double a = rc.award[q / 4];
                double cover = rc.quarterCover[q];
                double metered = cover >= MIN_COVER_SECONDS ? rc.quarterEnergySeconds[q] / cover * 0.25 : Double.NaN;
                double price = rt == null ? Double.NaN : rt[q];
                if (Double.isNaN(metered)) {
                    rtEnergy.miss(lines == null ? null : new IntervalLine(s, e, RevenueStream.RT_ENERGY, null, "MWh", 1, nullable(price),
                            null, scedCovered[d] ? "SCED telemetry covers " + (long) cover + " s of the interval"
                                    : why(false, inputs.sced(), d, "")), gaps, "RT_ENERGY: no SCED telemetry for some intervals");
                } else if (Double.isNaN(a)) {
                    rtEnergy.miss(lines == null ? null : new IntervalLine(s, e, RevenueStream.RT_ENERGY, null, "MWh", 1, nullable(price),
                            null, "metered " + metered + " MWh but " + why(damCovered[d], inputs.damAwards(), d,
                                    "the DAM disclosure")), gaps, "RT_ENERGY: no DAM position for some intervals");
                } else {
                    double deviation = metered - a * 0.25;
                    String basis = lines == null ? "" : "metered " + fmt(metered) + " MWh - DA award " + fmt(a) + " MW x 0.25 h";
                    if (deviation == 0) {
                        rtEnergy.add(0, lines == null ? null : new IntervalLine(s, e, RevenueStream.RT_ENERGY, 0.0, "MWh", 1,
                                nullable(price), 0.0, basis));
                    } else if (Double.isNaN(price)) {
                        rtEnergy.miss(lines == null ? null : new IntervalLine(s, e, RevenueStream.RT_ENERGY, deviation, "MWh", 1, null,
                                null, basis + "; " + why(rtSppCovered[d], inputs.realTimePrices(), d, "RT SPP at " + sp)),
                                gaps, "RT_ENERGY: no RT SPP at " + sp + " for some intervals");
                    } else {
                        rtEnergy.add(deviation * price, lines == null ? null : new IntervalLine(s, e, RevenueStream.RT_ENERGY,
                                deviation, "MWh", 1, price, deviation * price, basis + "; RT SPP " + sp));
                    }
                }
            }
            rtEnergy.into(RevenueStream.RT_ENERGY, revenue, missing);

            List<RevenueStream> products = RevenueStream.products();
            for (int p = 0; p < products.size(); p++) {
                RevenueStream stream = products.get(p);
                Tally t = new Tally(lines);
                for (int h = h0; h < h1; h++) {
                    Instant s = Instant.ofEpochSecond(startSecond + h * 3600L);
                    Instant e = s.plusSeconds(3600);
                    double a = rc.asAward[p][h];
                    double price = daMcpcByProduct[p][h];
                    String source = "DAM MCPC " + stream.productCode();
                    if (Double.isNaN(price) && !Double.isNaN(rc.asEmbeddedMcpc[p][h])) {
                        price = rc.asEmbeddedMcpc[p][h];
                        source = "MCPC embedded in the DAM disclosure (NP4-188-CD lacks the hour)";
                    }
                    if (Double.isNaN(a)) {
                        t.miss(lines == null ? null : new IntervalLine(s, e, stream, null, "MW", 1, nullable(price), null,
                                why(damCovered[d], inputs.damAwards(), d, "the DAM disclosure")), gaps,
                                stream + ": no DAM row for some hours");
                    } else if (a == 0) {
                        t.add(0, null);
                    } else if (Double.isNaN(price)) {
                        t.miss(lines == null ? null : new IntervalLine(s, e, stream, a, "MW", 1, null, null,
                                why(daMcpcCovered[d], inputs.dayAheadMcpc(), d, "DAM MCPC")), gaps,
                                stream + ": no DAM MCPC for some hours");
                    } else {
                        t.add(a * price, lines == null ? null : new IntervalLine(s, e, stream, a, "MW", 1, price, a * price, source));
                    }
                }
                if (postRtcB) {
                    for (int q = h0 * 4; q < h1 * 4; q++) {
                        Instant s = Instant.ofEpochSecond(startSecond + q * 900L);
                        Instant e = s.plusSeconds(900);
                        double cover = rc.quarterCover[q];
                        double dayAhead = rc.asAward[p][q / 4];
                        double price = rtMcpcByProduct[p][q];
                        if (cover < MIN_COVER_SECONDS || Double.isNaN(dayAhead)) {
                            t.miss(lines == null ? null : new IntervalLine(s, e, stream, null, "MW", 0.25, nullable(price), null,
                                    "RT AS award or DAM AS award unknown for the interval"), gaps,
                                    stream + ": RT AS position unknown for some intervals");
                            continue;
                        }
                        double realTime = rc.quarterAsSeconds[p][q] / cover;
                        double deviation = realTime - dayAhead;
                        String basis = lines == null ? "" : "RT award " + fmt(realTime) + " MW - DAM award " + fmt(dayAhead) + " MW";
                        if (deviation == 0) {
                            t.add(0, null);
                        } else if (Double.isNaN(price)) {
                            t.miss(lines == null ? null : new IntervalLine(s, e, stream, deviation, "MW", 0.25, null, null,
                                    basis + "; " + why(rtMcpcCovered[d], inputs.realTimeMcpc(), d, "RT MCPC")), gaps,
                                    stream + ": no RT MCPC for some intervals");
                        } else {
                            t.add(deviation * 0.25 * price, lines == null ? null : new IntervalLine(s, e, stream, deviation, "MW",
                                    0.25, price, deviation * 0.25 * price, basis + "; RT MCPC " + stream.productCode()));
                        }
                    }
                }
                t.into(stream, revenue, missing);
            }
            boolean complete = gaps.isEmpty() && revenue.size() == RevenueStream.values().length;
            if ("PWRSTR".equals(type)) {
                gaps.add(LOAD_SIDE_GAP);
                complete = false;
            }
            if (sp.isEmpty()) {
                gaps.add("no settlement point known for the resource: energy not priced");
            }
            for (RevenueStream s : RevenueStream.values()) {
                if (!revenue.containsKey(s)) {
                    gaps.add(s + ": no interval could be settled");
                }
            }
            Double capacity = Double.isNaN(rc.dayHsl[d]) ? null : rc.dayHsl[d];
            DayStatus status = revenue.isEmpty() ? DayStatus.MISSING : complete ? DayStatus.COMPLETE : DayStatus.PARTIAL;
            return new ResourceDay(rc.name, day(d), type, sp, capacity, status, revenue, missing, List.copyOf(gaps));
        }
    }

    /** A stream's running sum, the intervals it settled and missed, and the lines behind it when tracing. */
    private static final class Tally {
        private final List<IntervalLine> lines;
        double sum;
        int settled;
        int missed;

        Tally(List<IntervalLine> lines) {
            this.lines = lines;
        }

        /** One settled interval worth {@code revenueUsd}; {@code line} is null when not tracing or not worth showing. */
        void add(double revenueUsd, IntervalLine line) {
            settled++;
            sum += revenueUsd;
            if (lines != null && line != null) {
                lines.add(line);
            }
        }

        void miss(IntervalLine line, Set<String> gaps, String gap) {
            missed++;
            gaps.add(gap);
            if (lines != null && line != null) {
                lines.add(line);
            }
        }

        void into(RevenueStream stream, Map<RevenueStream, Double> revenue, Map<RevenueStream, Integer> missing) {
            if (settled > 0) {
                revenue.put(stream, sum);
            }
            if (missed > 0) {
                missing.put(stream, missed);
            }
        }
    }

    private static Double nullable(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
