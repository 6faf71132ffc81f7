package dev.pmp.analytics.bess;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.KeyFilter;
import dev.pmp.spi.Row;
import dev.pmp.spi.RowSink;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes battery revenue per battery and operating day from the {@link ErcotInputs} datasets read through a
 * {@link StoreView}, following the ERCOT spec §5.2 (see the module README for every formula, unit and sign).
 *
 * <p>The period is read in chunks of at most {@link #CHUNK_DAYS} operating days, so memory is bounded by one chunk's
 * battery rows. Rows of resources that are not batteries are dropped in the scan's sink before anything is kept.
 * Not thread-safe; one instance may be reused for several runs.
 */
public final class RevenueCalculator {

    /** First operating day of real-time co-optimisation with single-model ESRs (RTC+B go-live, SCED side). */
    public static final LocalDate RTC_B_GO_LIVE = LocalDate.of(2025, 12, 5);

    /** First operating day of the DAM ESR disclosure (the DAM for 2025-12-05 ran before go-live). */
    public static final LocalDate DAM_ESR_FIRST_DAY = LocalDate.of(2025, 12, 6);

    /** Operating days read per scan of each dataset; small enough that a chunk's arrays stay in a 256 MB heap. */
    public static final int CHUNK_DAYS = 7;

    /** Longest time one SCED run's telemetry is held when the next run is late. */
    static final long MAX_HOLD_SECONDS = 900;

    /** Telemetry must cover at least this many seconds of a 15-minute interval for the interval to count. */
    static final long MIN_COVER_SECONDS = 450;

    /** The standing exclusion of every PWRSTR day, in its gaps. */
    public static final String DAM_CHARGING_EXCLUDED = "DAM charging bought through QSE energy bids"
            + " (60d_DAM_EnergyBidAwards) is not resource-specific and not counted: all charging settles at RT SPP";

    /** The gap of a PWRSTR day without a paired load resource. */
    public static final String NO_LOAD_PAIRED = "no load resource paired with the PWRSTR (ResourcePairing):"
            + " charging energy and load-side AS awards are not counted";

    private static final int PRODUCTS = 5;

    private final StoreView view;
    private final ErcotInputs inputs;
    private final Clock clock;
    private final ResourcePairing pairing;
    private final ZoneId zone;
    private final DamColumns damGen;
    private final DamColumns damEsr;
    private final DamColumns damLoad;
    private final ScedColumns scedGen;
    private final ScedColumns scedEsr;
    private final ScedColumns scedLoad;
    private final int smneStart;
    private final int smneResource;
    private final int smneEnergy;
    private final PriceColumns daSpp;
    private final PriceColumns rtSpp;
    private final PriceColumns daMcpc;
    private final PriceColumns rtMcpc;

    /** A calculator pairing resources by the rules alone ({@link ResourcePairing#RULES_ONLY}). */
    public RevenueCalculator(StoreView view, ErcotInputs inputs, Clock clock) {
        this(view, inputs, clock, ResourcePairing.RULES_ONLY);
    }

    /**
     * @param view where the rows are read; a view that also implements a key-filtered scan ({@code StoreView.scan} with a {@code KeyFilter}) lets a single battery
     *     be read without reading every row
     * @param inputs the datasets; their columns are resolved by name now
     * @param clock tells which days are still inside the publication lag
     * @param pairing how load resources and renamed ESRs are tied to batteries
     * @throws IllegalArgumentException if a dataset lacks a column the formulas need
     */
    public RevenueCalculator(StoreView view, ErcotInputs inputs, Clock clock, ResourcePairing pairing) {
        this.view = Objects.requireNonNull(view, "view");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pairing = Objects.requireNonNull(pairing, "pairing");
        this.zone = inputs.damGen().marketZone();
        this.damGen = new DamColumns(inputs.damGen(), true);
        this.damEsr = new DamColumns(inputs.damEsr(), true);
        this.damLoad = new DamColumns(inputs.damLoad(), false);
        this.scedGen = new ScedColumns(inputs.scedGen(), "telemetered_net_output_mw", true);
        this.scedEsr = new ScedColumns(inputs.scedEsr(), "telemetered_net_output_mw", true);
        this.scedLoad = new ScedColumns(inputs.scedLoad(), "real_power_consumption_mw", false);
        this.smneStart = column(inputs.smne(), "interval_start_utc");
        this.smneResource = column(inputs.smne(), "resource_name");
        this.smneEnergy = column(inputs.smne(), "metered_net_energy_mwh");
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
     * The figures of the battery {@code resourceName} answers to (its name, another name or a paired load resource)
     * on one day, together with every settlement line behind them.
     *
     * @throws StoreException if a scan fails
     */
    public RevenueReport explain(String resourceName, LocalDate day) throws StoreException {
        return run(day, day.plusDays(1), Objects.requireNonNull(resourceName, "resourceName"), true);
    }

    /**
     * Revenue of the battery {@code resourceName} answers to over operating days {@code [from, to)}. Only the
     * resources sharing its prefix up to the first {@code _} (and those its pairing overrides name) are read: with a
     * a key-filtered scan ({@code StoreView.scan} with a {@code KeyFilter}) view the others are never built, otherwise they are dropped in the sink. A PWRSTR that
     * became an ESR of another prefix at the same node is followed only through an override.
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
        Registry registry = new Registry();
        KeyFilter resources = null;
        if (only != null) {
            Set<String> names = new HashSet<>(pairing.namesTiedTo(only));
            names.add(only);
            String prefix = ResourcePairing.prefix(only);
            resources = new KeyFilter("resource_name", names, prefix.equals(only) ? Set.of() : Set.of(prefix + "_"));
        }
        Map<Entry, Map<LocalDate, ResourceDay>> computed = new HashMap<>();
        Map<LocalDate, DayStatus> scanStatus = new HashMap<>();
        List<IntervalLine> lines = new ArrayList<>();
        for (LocalDate c = from; c.isBefore(to); c = c.plusDays(CHUNK_DAYS)) {
            LocalDate cEnd = c.plusDays(CHUNK_DAYS).isBefore(to) ? c.plusDays(CHUNK_DAYS) : to;
            Chunk chunk = new Chunk(c, cEnd);
            chunk.read(registry, resources);
            for (int d = 0; d < chunk.days; d++) {
                scanStatus.put(chunk.day(d), chunk.scanStatus(d));
            }
            for (BatteryChunk bc : chunk.batteries) {
                boolean traced = trace && bc.entry.answersTo(only);
                for (int d = 0; d < chunk.days; d++) {
                    if (bc.dayHasRow[d]) {
                        ResourceDay rd = chunk.settle(bc, d, traced ? lines : null);
                        computed.computeIfAbsent(bc.entry, k -> new HashMap<>()).put(rd.day(), rd);
                    }
                }
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<ResourceDay> days = new ArrayList<>();
        List<Battery> batteries = new ArrayList<>();
        for (Entry e : registry.byName.values()) {
            if (e.first == null || (only != null && !e.answersTo(only))) {
                continue;
            }
            batteries.add(e.battery());
            Map<LocalDate, ResourceDay> mine = computed.getOrDefault(e, Map.of());
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
                                "the 60-day DAM and SCED disclosures cover the day but hold no row for the battery"));
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

    /** Reads {@code d} keeping the rows {@code filter} keeps (all when null); the store applies the filter. */
    private void scan(Dataset d, Window w, KeyFilter filter, RowSink sink) throws StoreException {
        if (filter == null) {
            view.scan(d, w, sink);
        } else {
            view.scan(d, w, filter, sink);
        }
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

    private static int[] columns(Dataset d, List<String> names) {
        return names.stream().mapToInt(n -> d.schema().indexOf(n)).filter(i -> i >= 0).toArray();
    }

    /** Column positions in a DAM disclosure (gen, ESR or load resources). */
    private static final class DamColumns {
        final int start;
        final int resource;
        final int type;
        final int settlementPoint;
        final int hsl;
        final int award;
        final int embeddedSpp;
        final int[][] productAwards = new int[PRODUCTS][];
        final int[] productMcpc = new int[PRODUCTS];

        /** @param storage gen or ESR file (energy award, type, node, HSL), else the load resource file */
        DamColumns(Dataset d, boolean storage) {
            start = column(d, "interval_start_utc");
            resource = column(d, "resource_name");
            type = storage ? column(d, "resource_type") : -1;
            settlementPoint = storage ? column(d, "settlement_point") : -1;
            hsl = storage ? column(d, "hsl_mw") : -1;
            award = storage ? column(d, "awarded_mw") : -1;
            embeddedSpp = storage ? column(d, "energy_spp_usd_per_mwh") : -1;
            List<RevenueStream> products = RevenueStream.products();
            for (int p = 0; p < PRODUCTS; p++) {
                productAwards[p] = columns(d, products.get(p).damAwardColumns());
                if (productAwards[p].length == 0) {
                    throw new IllegalArgumentException(d.id() + " has none of " + products.get(p).damAwardColumns());
                }
                productMcpc[p] = column(d, products.get(p).damMcpcColumn());
            }
        }

        double productAward(Row r, int p) {
            double sum = 0;
            for (int c : productAwards[p]) {
                sum += zeroIfNull(r, c);
            }
            return sum;
        }
    }

    /** Column positions in a SCED disclosure (gen, ESR or load resources). */
    private static final class ScedColumns {
        final int scedTime;
        final int resource;
        final int type;
        final int mw;
        final int hsl;
        final int[][] productAwards = new int[PRODUCTS][];

        ScedColumns(Dataset d, String mwColumn, boolean storage) {
            // The run's own instant when the dataset keeps it beside the 5-minute mark, else the time column.
            int run = d.schema().indexOf("sced_time_utc");
            scedTime = run >= 0 ? run : column(d, "time_utc");
            resource = column(d, "resource_name");
            type = storage ? column(d, "resource_type") : -1;
            mw = column(d, mwColumn);
            hsl = storage ? column(d, "hsl_mw") : -1;
            List<RevenueStream> products = RevenueStream.products();
            for (int p = 0; p < PRODUCTS; p++) {
                productAwards[p] = storage ? columns(d, products.get(p).scedAwardColumns()) : new int[0];
            }
        }
    }

    /** Column positions of a price dataset: interval start, the name it is keyed by, the price. */
    private static final class PriceColumns {
        final int start;
        final int key;
        final int price;
        final int pointType;

        PriceColumns(Dataset d, String keyColumn, String priceColumn) {
            start = column(d, "interval_start_utc");
            key = column(d, keyColumn);
            price = column(d, priceColumn);
            pointType = d.schema().indexOf("settlement_point_type");
        }
    }

    /** What the registry learns of one battery across chunks. */
    private static final class Entry {
        final String name;
        String settlementPoint = "";
        final Set<String> types = new LinkedHashSet<>();
        final Set<String> loads = new LinkedHashSet<>();
        final Set<String> others = new LinkedHashSet<>();
        double capacity;
        /** This battery's arrays, reused from chunk to chunk so that they stay in the old generation. */
        BatteryChunk chunk;
        /** The chunk {@link #chunk} was last reset for. */
        Object activeIn;
        /** Whether an ESR row has been seen: a PWRSTR already continued by an ESR is no longer a candidate. */
        boolean esr;
        LocalDate first;
        LocalDate last;

        Entry(String name) {
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

        boolean answersTo(String n) {
            return name.equals(n) || others.contains(n) || loads.contains(n);
        }

        Battery battery() {
            return new Battery(name, settlementPoint, List.copyOf(types), capacity, first, last, List.copyOf(loads),
                    List.copyOf(others));
        }
    }

    /** The registry's mark of a load resource no rule pairs. */
    private static final Entry UNPAIRED = new Entry("");

    /** Most hours in a chunk (a fall-back day has 25). */
    private static final int MAX_HOURS = CHUNK_DAYS * 24 + 1;

    /** Resource names to batteries, kept across chunks. */
    private final class Registry {
        final Map<String, Entry> byName = new TreeMap<>();
        final Map<String, Entry> storage = new HashMap<>();
        /** PWRSTR resource names to their node ("" when unknown), the candidates of the load pairing. */
        final Map<String, String> pwrstr = new LinkedHashMap<>();
        /** Load resource names to their battery, or to {@link #UNPAIRED} until the next chunk asks again. */
        final Map<String, Entry> loads = new HashMap<>();

        /** The battery of a storage resource row, linking an ESR to its PWRSTR predecessor on first sight. */
        Entry storage(String name, String type, String node) {
            Entry e = storage.get(name);
            if (e == null) {
                if ("ESR".equals(type)) {
                    Map<String, String> candidates = new LinkedHashMap<>();
                    pwrstr.forEach((n, sp) -> {
                        if (!storage.get(n).esr) {
                            candidates.put(n, sp);
                        }
                    });
                    String before = pairing.predecessor(name, node, candidates);
                    e = before == null ? null : storage.get(before);
                    if (e != null) {
                        e.others.add(name);
                    }
                }
                if (e == null) {
                    e = new Entry(name);
                    byName.put(name, e);
                }
                storage.put(name, e);
            }
            if ("ESR".equals(type)) {
                e.esr = true;
            }
            if ("PWRSTR".equals(type) && (node != null || !pwrstr.containsKey(name))) {
                pwrstr.put(name, node == null ? "" : node);
            }
            return e;
        }

        /** The battery a load resource belongs to, or null; a load unpaired now is asked again next chunk. */
        Entry load(String name) {
            Entry e = loads.get(name);
            if (e != null) {
                return e == UNPAIRED ? null : e;
            }
            String gen = pairing.storageOf(name, pwrstr.keySet());
            e = gen == null ? null : storage.get(gen);
            if (e == null) {
                loads.put(name, UNPAIRED);
            } else {
                loads.put(name, e);
                e.loads.add(name);
            }
            return e;
        }
    }

    /** SCED runs of one resource over a chunk: instant, MW and (ESR) RT AS awards per run. */
    private static final class Runs {
        long[] second = new long[64];
        double[] mw = new double[64];
        double[][] as;
        int count;
        private Integrated integrated;

        void add(long s, double value, double[] awards) {
            if (count == second.length) {
                int n = count * 2;
                second = Arrays.copyOf(second, n);
                mw = Arrays.copyOf(mw, n);
                if (as != null) {
                    for (int p = 0; p < PRODUCTS; p++) {
                        as[p] = Arrays.copyOf(as[p], n);
                    }
                }
            }
            if (awards != null && as == null) {
                as = new double[PRODUCTS][second.length];
            }
            second[count] = s;
            mw[count] = value;
            if (as != null) {
                for (int p = 0; p < PRODUCTS; p++) {
                    as[p][count] = awards == null ? 0 : awards[p];
                }
            }
            count++;
        }

        /**
         * Holds each run's MW (and RT AS awards) until the next run, at most {@link #MAX_HOLD_SECONDS}, and splits
         * the held time at 15-minute boundaries: MW-seconds and covered seconds per interval.
         */
        Integrated integrate(long chunkStart, int quarters) {
            if (integrated == null || (as != null && integrated.asSeconds == null)) {
                integrated = new Integrated(MAX_HOURS * 4, as != null);
            } else {
                integrated.clear(quarters);
            }
            Integrated out = integrated;
            int[] order = timeOrder();
            long chunkEnd = chunkStart + quarters * 900L;
            for (int k = 0; k < order.length; k++) {
                int i = order[k];
                long t0 = second[i];
                long t1 = Math.min(t0 + MAX_HOLD_SECONDS, chunkEnd);
                if (k + 1 < order.length) {
                    t1 = Math.min(t1, second[order[k + 1]]);
                }
                if (Double.isNaN(mw[i])) {
                    continue;
                }
                long t = Math.max(t0, chunkStart);
                while (t < t1) {
                    int q = (int) ((t - chunkStart) / 900);
                    long seg = Math.min(chunkStart + (q + 1) * 900L, t1) - t;
                    out.energySeconds[q] += mw[i] * seg;
                    out.cover[q] += seg;
                    if (as != null) {
                        for (int p = 0; p < PRODUCTS; p++) {
                            out.asSeconds[p][q] += as[p][i] * seg;
                        }
                    }
                    t += seg;
                }
            }
            return out;
        }

        private int[] timeOrder() {
            int[] order = new int[count];
            boolean sorted = true;
            for (int i = 0; i < count; i++) {
                order[i] = i;
                if (i > 0 && second[i] < second[i - 1]) {
                    sorted = false;
                }
            }
            if (!sorted) {
                long[] packed = new long[count];
                for (int i = 0; i < count; i++) {
                    packed[i] = (second[i] << 22) | i;
                }
                Arrays.sort(packed);
                for (int i = 0; i < count; i++) {
                    order[i] = (int) (packed[i] & ((1 << 22) - 1));
                }
            }
            return order;
        }
    }

    /** Telemetry per 15-minute interval: MW-seconds, covered seconds and AS-award MW-seconds. */
    private static final class Integrated {
        final double[] energySeconds;
        final double[] cover;
        final double[][] asSeconds;

        Integrated(int quarters, boolean withAs) {
            energySeconds = new double[quarters];
            cover = new double[quarters];
            asSeconds = withAs ? new double[PRODUCTS][quarters] : null;
        }

        void clear(int quarters) {
            Arrays.fill(energySeconds, 0, quarters, 0);
            Arrays.fill(cover, 0, quarters, 0);
            if (asSeconds != null) {
                for (double[] a : asSeconds) {
                    Arrays.fill(a, 0, quarters, 0);
                }
            }
        }

        /** MWh of interval {@code q}, or NaN when covered for less than {@link #MIN_COVER_SECONDS}. */
        double mwh(int q) {
            return cover[q] >= MIN_COVER_SECONDS ? energySeconds[q] / cover[q] * 0.25 : Double.NaN;
        }
    }

    /** One battery's rows over one chunk, in arrays indexed by hour or 15-minute interval from the chunk start. */
    private static final class BatteryChunk {
        final Entry entry;
        final double[] award;
        final double[] embeddedSpp;
        final double[][] asAward;
        final double[][] asEmbeddedMcpc;
        double[][] loadAsAward;
        boolean hasLoadAs;
        final boolean[] dayHasRow;
        final double[] dayHsl;
        final String[] dayType;
        final String[] daySettlementPoint;
        double[] smne;
        boolean hasSmne;
        final Runs storageRuns = new Runs();
        final Runs loadRuns = new Runs();
        Integrated storageTelemetry;
        Integrated loadTelemetry;

        BatteryChunk(Entry entry, int hours, int days) {
            this.entry = entry;
            award = nan(hours);
            embeddedSpp = nan(hours);
            asAward = new double[PRODUCTS][];
            asEmbeddedMcpc = new double[PRODUCTS][];
            for (int p = 0; p < PRODUCTS; p++) {
                asAward[p] = nan(hours);
                asEmbeddedMcpc[p] = nan(hours);
            }
            dayHasRow = new boolean[days];
            dayHsl = nan(days);
            dayType = new String[days];
            daySettlementPoint = new String[days];
        }

        /** Empties the arrays for a chunk of {@code hours} hours and {@code days} days. */
        void reset(int hours, int days) {
            Arrays.fill(award, 0, hours, Double.NaN);
            Arrays.fill(embeddedSpp, 0, hours, Double.NaN);
            for (int p = 0; p < PRODUCTS; p++) {
                Arrays.fill(asAward[p], 0, hours, Double.NaN);
                Arrays.fill(asEmbeddedMcpc[p], 0, hours, Double.NaN);
            }
            hasLoadAs = false;
            hasSmne = false;
            Arrays.fill(dayHasRow, false);
            Arrays.fill(dayHsl, Double.NaN);
            Arrays.fill(dayType, null);
            Arrays.fill(daySettlementPoint, null);
            storageRuns.count = 0;
            loadRuns.count = 0;
            storageTelemetry = null;
            loadTelemetry = null;
        }

        void sawRow(int d, String type, double hsl) {
            dayHasRow[d] = true;
            if (dayType[d] == null || "ESR".equals(type)) {
                dayType[d] = type;
            }
            if (!Double.isNaN(hsl) && (Double.isNaN(dayHsl[d]) || hsl > dayHsl[d])) {
                dayHsl[d] = hsl;
            }
        }

        static double[] nan(int n) {
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
        final List<BatteryChunk> batteries = new ArrayList<>();
        final Map<String, double[]> daPrice = new HashMap<>();
        final Map<String, double[]> rtPrice = new HashMap<>();
        final double[][] daMcpcByProduct = new double[PRODUCTS][];
        final double[][] rtMcpcByProduct = new double[PRODUCTS][];
        boolean[] damGenCovered;
        boolean[] damEsrCovered;
        boolean[] damLoadCovered;
        boolean[] scedGenCovered;
        boolean[] scedEsrCovered;
        boolean[] scedLoadCovered;
        boolean[] smneCovered;
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
            for (int p = 0; p < PRODUCTS; p++) {
                daMcpcByProduct[p] = BatteryChunk.nan(hours);
                rtMcpcByProduct[p] = BatteryChunk.nan(quarters);
            }
        }

        LocalDate day(int d) {
            return first.plusDays(d);
        }

        int hourOf(Instant t) {
            return (int) Math.floorDiv(t.getEpochSecond() - startSecond, 3600);
        }

        int quarterOf(Instant t) {
            return (int) Math.floorDiv(t.getEpochSecond() - startSecond, 900);
        }

        /** The battery's arrays, emptied on its first row in this chunk. */
        BatteryChunk of(Entry e) {
            if (e.activeIn != this) {
                if (e.chunk == null) {
                    e.chunk = new BatteryChunk(e, MAX_HOURS, CHUNK_DAYS);
                }
                e.chunk.reset(hours, days);
                e.activeIn = this;
                batteries.add(e.chunk);
            }
            return e.chunk;
        }

        /** Whether the disclosures a day needs cover it: DAM (gen, and ESR from its first day) and SCED energy. */
        DayStatus scanStatus(int d) {
            boolean esrDam = !day(d).isBefore(DAM_ESR_FIRST_DAY);
            boolean esrSced = !day(d).isBefore(RTC_B_GO_LIVE);
            boolean dam = damGenCovered[d] && (!esrDam || damEsrCovered[d]);
            boolean sced = esrSced ? scedEsrCovered[d] : smneCovered[d] || scedGenCovered[d];
            if (dam && sced) {
                return DayStatus.COMPLETE;
            }
            Instant end = dayStarts[d + 1];
            boolean pending = (!damGenCovered[d] && absentStatus(inputs.damGen(), end) == DayStatus.NOT_PUBLISHED)
                    || (esrDam && !damEsrCovered[d] && absentStatus(inputs.damEsr(), end) == DayStatus.NOT_PUBLISHED)
                    || (!sced && absentStatus(esrSced ? inputs.scedEsr() : inputs.smne(), end) == DayStatus.NOT_PUBLISHED);
            return pending ? DayStatus.NOT_PUBLISHED : DayStatus.MISSING;
        }

        void read(Registry registry, KeyFilter resources) throws StoreException {
            Window w = new Window(dayStarts[0], dayStarts[days]);
            // A load resource left unpaired may pair with a PWRSTR first seen in this chunk.
            registry.loads.values().removeIf(e -> e == UNPAIRED);
            damGenCovered = coveredDays(view, inputs.damGen(), dayStarts);
            damEsrCovered = coveredDays(view, inputs.damEsr(), dayStarts);
            damLoadCovered = coveredDays(view, inputs.damLoad(), dayStarts);
            scedGenCovered = coveredDays(view, inputs.scedGen(), dayStarts);
            scedEsrCovered = coveredDays(view, inputs.scedEsr(), dayStarts);
            scedLoadCovered = coveredDays(view, inputs.scedLoad(), dayStarts);
            smneCovered = coveredDays(view, inputs.smne(), dayStarts);
            daSppCovered = coveredDays(view, inputs.dayAheadPrices(), dayStarts);
            rtSppCovered = coveredDays(view, inputs.realTimePrices(), dayStarts);
            daMcpcCovered = coveredDays(view, inputs.dayAheadMcpc(), dayStarts);
            rtMcpcCovered = coveredDays(view, inputs.realTimeMcpc(), dayStarts);
            readDam(inputs.damGen(), damGen, w, registry, resources);
            readDam(inputs.damEsr(), damEsr, w, registry, resources);
            scan(inputs.damLoad(), w, resources, r -> {
                int h = hourOf(r.instant(damLoad.start));
                if (h < 0 || h >= hours) {
                    return;
                }
                Entry e = registry.load(r.text(damLoad.resource));
                if (e == null) {
                    return;
                }
                BatteryChunk bc = of(e);
                if (!bc.hasLoadAs) {
                    if (bc.loadAsAward == null) {
                        bc.loadAsAward = new double[PRODUCTS][MAX_HOURS];
                    }
                    for (double[] a : bc.loadAsAward) {
                        Arrays.fill(a, 0, hours, 0);
                    }
                    bc.hasLoadAs = true;
                }
                for (int p = 0; p < PRODUCTS; p++) {
                    bc.loadAsAward[p][h] = damLoad.productAward(r, p);
                    if (Double.isNaN(bc.asEmbeddedMcpc[p][h])) {
                        bc.asEmbeddedMcpc[p][h] = num(r, damLoad.productMcpc[p]);
                    }
                }
            });
            double[] as = new double[PRODUCTS];
            scan(inputs.scedEsr(), w, resources, r -> {
                Instant t = r.instant(scedEsr.scedTime);
                if (!w.contains(t)) {
                    return;
                }
                String type = scedEsr.type < 0 ? "ESR" : r.text(scedEsr.type);
                BatteryChunk bc = of(registry.storage(r.text(scedEsr.resource), type == null ? "ESR" : type, null));
                for (int p = 0; p < PRODUCTS; p++) {
                    double sum = 0;
                    for (int c : scedEsr.productAwards[p]) {
                        sum += zeroIfNull(r, c);
                    }
                    as[p] = sum;
                }
                bc.storageRuns.add(t.getEpochSecond(), num(r, scedEsr.mw), as);
                bc.sawRow(dayByHour[hourOf(t)], "ESR", num(r, scedEsr.hsl));
            });
            scan(inputs.scedLoad(), w, resources, r -> {
                Instant t = r.instant(scedLoad.scedTime);
                if (!w.contains(t)) {
                    return;
                }
                Entry e = registry.load(r.text(scedLoad.resource));
                if (e != null) {
                    of(e).loadRuns.add(t.getEpochSecond(), num(r, scedLoad.mw), null);
                }
            });
            scan(inputs.smne(), w, resources, r -> {
                Entry e = registry.storage.get(r.text(smneResource));
                if (e == null) {
                    return;
                }
                int q = quarterOf(r.instant(smneStart));
                BatteryChunk bc = e.activeIn == this ? e.chunk : null;
                if (bc == null || q < 0 || q >= quarters) {
                    return;
                }
                if (!bc.hasSmne) {
                    if (bc.smne == null) {
                        bc.smne = new double[MAX_HOURS * 4];
                    }
                    Arrays.fill(bc.smne, 0, quarters, Double.NaN);
                    bc.hasSmne = true;
                }
                double v = num(r, smneEnergy);
                bc.smne[q] = Double.isNaN(bc.smne[q]) ? v : bc.smne[q] + v;
            });
            readScedGenWhereSmneIsShort(w, registry, resources);
            Set<String> nodes = new HashSet<>();
            for (BatteryChunk bc : batteries) {
                bc.storageTelemetry = bc.storageRuns.integrate(startSecond, quarters);
                bc.loadTelemetry = bc.loadRuns.count == 0 ? null : bc.loadRuns.integrate(startSecond, quarters);
                Entry e = bc.entry;
                for (int d = 0; d < days; d++) {
                    if (bc.daySettlementPoint[d] != null) {
                        e.settlementPoint = bc.daySettlementPoint[d];
                    }
                    if (bc.dayHasRow[d]) {
                        e.saw(day(d));
                        e.types.add(bc.dayType[d]);
                        if (!Double.isNaN(bc.dayHsl[d])) {
                            e.capacity = Math.max(e.capacity, bc.dayHsl[d]);
                        }
                    }
                }
                if (!e.settlementPoint.isEmpty()) {
                    nodes.add(e.settlementPoint);
                }
            }
            // Resources seen only in SCED take the node the registry knows from earlier chunks.
            for (BatteryChunk bc : batteries) {
                String sp = bc.entry.settlementPoint;
                for (int d = 0; d < days; d++) {
                    if (bc.daySettlementPoint[d] == null && !sp.isEmpty()) {
                        bc.daySettlementPoint[d] = sp;
                    }
                }
            }
            if (batteries.isEmpty()) {
                return;
            }
            KeyFilter atNodes = resources == null ? null : new KeyFilter("settlement_point", nodes, Set.of());
            scan(inputs.dayAheadPrices(), w, atNodes, r -> {
                String sp = r.text(daSpp.key);
                if (nodes.contains(sp)) {
                    int h = hourOf(r.instant(daSpp.start));
                    if (h >= 0 && h < hours) {
                        daPrice.computeIfAbsent(sp, k -> BatteryChunk.nan(hours))[h] = num(r, daSpp.price);
                    }
                }
            });
            scan(inputs.realTimePrices(), w, atNodes, r -> {
                String sp = r.text(rtSpp.key);
                if (nodes.contains(sp) && (rtSpp.pointType < 0 || !"LZEW".equals(r.text(rtSpp.pointType)))) {
                    int q = quarterOf(r.instant(rtSpp.start));
                    if (q >= 0 && q < quarters) {
                        rtPrice.computeIfAbsent(sp, k -> BatteryChunk.nan(quarters))[q] = num(r, rtSpp.price);
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

        private void readDam(Dataset d, DamColumns c, Window w, Registry registry, KeyFilter resources)
                throws StoreException {
            scan(d, w, resources, r -> {
                String type = r.text(c.type);
                if (!"PWRSTR".equals(type) && !"ESR".equals(type)) {
                    return;
                }
                int h = hourOf(r.instant(c.start));
                if (h < 0 || h >= hours) {
                    return;
                }
                String sp = r.text(c.settlementPoint);
                BatteryChunk bc = of(registry.storage(r.text(c.resource), type, sp));
                int day = dayByHour[h];
                bc.award[h] = zeroIfNull(r, c.award);
                bc.embeddedSpp[h] = num(r, c.embeddedSpp);
                for (int p = 0; p < PRODUCTS; p++) {
                    bc.asAward[p][h] = c.productAward(r, p);
                    bc.asEmbeddedMcpc[p][h] = num(r, c.productMcpc[p]);
                }
                if (sp != null && !sp.isEmpty()) {
                    bc.daySettlementPoint[day] = sp;
                }
                bc.sawRow(day, type, num(r, c.hsl));
            });
        }

        /**
         * SMNE is the meter, so the generation SCED file (every generator of ERCOT, the largest input) is read only
         * for the days where a PWRSTR lacks an SMNE value for some interval.
         */
        private void readScedGenWhereSmneIsShort(Window w, Registry registry, KeyFilter resources)
                throws StoreException {
            boolean[] needed = new boolean[days];
            for (BatteryChunk bc : batteries) {
                for (int d = 0; d < days; d++) {
                    if (needed[d] || !bc.dayHasRow[d] || !"PWRSTR".equals(bc.dayType[d])) {
                        continue;
                    }
                    int q1 = (int) ((dayStarts[d + 1].getEpochSecond() - startSecond) / 900);
                    for (int q = (int) ((dayStarts[d].getEpochSecond() - startSecond) / 900); q < q1; q++) {
                        if (!bc.hasSmne || Double.isNaN(bc.smne[q])) {
                            needed[d] = true;
                            break;
                        }
                    }
                }
            }
            for (int d = 0; d < days; d++) {
                if (!needed[d]) {
                    continue;
                }
                int e = d;
                while (e + 1 < days && needed[e + 1]) {
                    e++;
                }
                Window part = new Window(dayStarts[d], dayStarts[e + 1]);
                scan(inputs.scedGen(), part, resources, r -> {
                    if (!"PWRSTR".equals(r.text(scedGen.type))) {
                        return;
                    }
                    Instant t = r.instant(scedGen.scedTime);
                    if (!part.contains(t)) {
                        return;
                    }
                    BatteryChunk bc = of(registry.storage(r.text(scedGen.resource), "PWRSTR", null));
                    bc.storageRuns.add(t.getEpochSecond(), num(r, scedGen.mw), null);
                    bc.sawRow(dayByHour[hourOf(t)], "PWRSTR", num(r, scedGen.hsl));
                });
                d = e;
            }
        }

        private String why(boolean covered, Dataset d, int day, String what) {
            if (covered) {
                return what + " has no value for the interval";
            }
            return d.id() + " is " + (absentStatus(d, dayStarts[day + 1]) == DayStatus.NOT_PUBLISHED
                    ? "not published yet" : "not in the store") + " for the day";
        }

        /** Settles one battery-day; adds its lines to {@code lines} when not null. */
        ResourceDay settle(BatteryChunk bc, int d, List<IntervalLine> lines) {
            int h0 = (int) ((dayStarts[d].getEpochSecond() - startSecond) / 3600);
            int h1 = (int) ((dayStarts[d + 1].getEpochSecond() - startSecond) / 3600);
            String sp = bc.daySettlementPoint[d] == null ? "" : bc.daySettlementPoint[d];
            String type = bc.dayType[d];
            Map<RevenueStream, Double> revenue = new EnumMap<>(RevenueStream.class);
            Map<RevenueStream, Integer> missing = new EnumMap<>(RevenueStream.class);
            Set<String> gaps = new LinkedHashSet<>();
            double[] da = daPrice.get(sp);
            double[] rt = rtPrice.get(sp);
            boolean esr = "ESR".equals(type);
            boolean postRtcB = !day(d).isBefore(RTC_B_GO_LIVE) && esr;
            boolean paired = !bc.entry.loads.isEmpty();
            Dataset damOfDay = day(d).isBefore(DAM_ESR_FIRST_DAY) ? inputs.damGen() : inputs.damEsr();
            boolean damOfDayCovered = day(d).isBefore(DAM_ESR_FIRST_DAY) ? damGenCovered[d] : damEsrCovered[d];

            Tally daEnergy = new Tally(lines);
            for (int h = h0; h < h1; h++) {
                // Instants and notes are built only for explain: the full-year run settles ~10^8 intervals.
                Instant s = lines == null ? null : Instant.ofEpochSecond(startSecond + h * 3600L);
                Instant e = lines == null ? null : s.plusSeconds(3600);
                double a = bc.award[h];
                double price = da == null ? Double.NaN : da[h];
                boolean embedded = false;
                if (Double.isNaN(price) && !Double.isNaN(bc.embeddedSpp[h])) {
                    price = bc.embeddedSpp[h];
                    embedded = true;
                }
                if (Double.isNaN(a)) {
                    daEnergy.miss(lines == null ? null : new IntervalLine(s, e, RevenueStream.DA_ENERGY, null, "MW", 1,
                            nullable(price), null, why(damOfDayCovered, damOfDay, d, "the DAM disclosure")), gaps,
                            "DA_ENERGY: no DAM row for some hours");
                } else if (a == 0) {
                    daEnergy.add(0, lines == null ? null : new IntervalLine(s, e, RevenueStream.DA_ENERGY, a, "MW", 1,
                            nullable(price), 0.0, "no DAM energy award"));
                } else if (Double.isNaN(price)) {
                    daEnergy.miss(lines == null ? null : new IntervalLine(s, e, RevenueStream.DA_ENERGY, a, "MW", 1, null,
                            null, why(daSppCovered[d], inputs.dayAheadPrices(), d, "DA SPP at " + sp)), gaps,
                            "DA_ENERGY: no DA SPP at " + sp + " for some hours");
                } else {
                    daEnergy.add(a * price, lines == null ? null
                            : new IntervalLine(s, e, RevenueStream.DA_ENERGY, a, "MW", 1, price, a * price, embedded
                                    ? "DA SPP embedded in the DAM disclosure (NP4-190-CD lacks the hour)" : "DA SPP " + sp));
                }
            }
            daEnergy.into(RevenueStream.DA_ENERGY, revenue, missing);

            Tally rtEnergy = new Tally(lines);
            for (int q = h0 * 4; q < h1 * 4; q++) {
                Instant s = lines == null ? null : Instant.ofEpochSecond(startSecond + q * 900L);
                Instant e = lines == null ? null : s.plusSeconds(900);
                double a = bc.award[q / 4];
                double price = rt == null ? Double.NaN : rt[q];
                double generated;
                boolean metered = !esr && bc.hasSmne && !Double.isNaN(bc.smne[q]);
                if (metered) {
                    generated = bc.smne[q];
                } else {
                    generated = bc.storageTelemetry.mwh(q);
                }
                double charged = 0;
                String missingWhy = null;
                if (Double.isNaN(generated) && lines != null) {
                    missingWhy = esr || scedGenCovered[d] || smneCovered[d]
                            ? "no SMNE and SCED telemetry covers " + (long) bc.storageTelemetry.cover[q] + " s of the interval"
                            : why(false, esr ? inputs.scedEsr() : inputs.smne(), d, "");
                } else if (!esr && paired) {
                    charged = bc.loadTelemetry == null ? Double.NaN : bc.loadTelemetry.mwh(q);
                    if (Double.isNaN(charged)) {
                        missingWhy = lines == null ? "" : scedLoadCovered[d] ? "the paired load resource's SCED telemetry covers "
                                + (bc.loadTelemetry == null ? 0 : (long) bc.loadTelemetry.cover[q]) + " s of the interval"
                                : why(false, inputs.scedLoad(), d, "");
                    }
                }
                if (missingWhy != null || (Double.isNaN(generated) && lines == null)) {
                    rtEnergy.miss(lines == null ? null : new IntervalLine(s, e, RevenueStream.RT_ENERGY, null, "MWh", 1,
                            nullable(price), null, missingWhy), gaps, "RT_ENERGY: no metered energy for some intervals");
                    continue;
                }
                double net = generated - charged;
                if (Double.isNaN(a)) {
                    rtEnergy.miss(lines == null ? null : new IntervalLine(s, e, RevenueStream.RT_ENERGY, null, "MWh", 1,
                            nullable(price), null, "metered " + net + " MWh but " + why(damOfDayCovered, damOfDay, d,
                                    "the DAM disclosure")), gaps, "RT_ENERGY: no DAM position for some intervals");
                    continue;
                }
                double deviation = net - a * 0.25;
                String basis = lines == null ? "" : (metered ? "SMNE " : "telemetry ") + fmt(generated) + " MWh"
                        + (!esr && paired ? " - load " + fmt(charged) + " MWh" : "") + " - DA award " + fmt(a) + " MW x 0.25 h";
                if (deviation == 0) {
                    rtEnergy.add(0, lines == null ? null : new IntervalLine(s, e, RevenueStream.RT_ENERGY, 0.0, "MWh", 1,
                            nullable(price), 0.0, basis));
                } else if (Double.isNaN(price)) {
                    rtEnergy.miss(lines == null ? null : new IntervalLine(s, e, RevenueStream.RT_ENERGY, deviation, "MWh",
                            1, null, null, basis + "; " + why(rtSppCovered[d], inputs.realTimePrices(), d, "RT SPP at " + sp)),
                            gaps, "RT_ENERGY: no RT SPP at " + sp + " for some intervals");
                } else {
                    rtEnergy.add(deviation * price, lines == null ? null : new IntervalLine(s, e, RevenueStream.RT_ENERGY,
                            deviation, "MWh", 1, price, deviation * price, basis + "; RT SPP " + sp));
                }
            }
            rtEnergy.into(RevenueStream.RT_ENERGY, revenue, missing);

            List<RevenueStream> products = RevenueStream.products();
            for (int p = 0; p < PRODUCTS; p++) {
                RevenueStream stream = products.get(p);
                Tally t = new Tally(lines);
                for (int h = h0; h < h1; h++) {
                    Instant s = lines == null ? null : Instant.ofEpochSecond(startSecond + h * 3600L);
                    Instant e = lines == null ? null : s.plusSeconds(3600);
                    double a = bc.asAward[p][h];
                    double load = !bc.hasLoadAs ? 0 : bc.loadAsAward[p][h];
                    double price = daMcpcByProduct[p][h];
                    String source = null;
                    if (lines != null) {
                        source = "DAM MCPC " + stream.productCode();
                        if (Double.isNaN(price) && !Double.isNaN(bc.asEmbeddedMcpc[p][h])) {
                            source = "MCPC embedded in the DAM disclosure (NP4-188-CD lacks the hour)";
                        }
                        if (load != 0) {
                            source += "; gen " + fmt(a) + " MW + load " + fmt(load) + " MW";
                        }
                    }
                    if (Double.isNaN(price) && !Double.isNaN(bc.asEmbeddedMcpc[p][h])) {
                        price = bc.asEmbeddedMcpc[p][h];
                    }
                    if (Double.isNaN(a)) {
                        t.miss(lines == null ? null : new IntervalLine(s, e, stream, null, "MW", 1, nullable(price), null,
                                why(damOfDayCovered, damOfDay, d, "the DAM disclosure")), gaps,
                                stream + ": no DAM row for some hours");
                        continue;
                    }
                    a += load;
                    if (a == 0) {
                        t.add(0, null);
                    } else if (Double.isNaN(price)) {
                        t.miss(lines == null ? null : new IntervalLine(s, e, stream, a, "MW", 1, null, null,
                                why(daMcpcCovered[d], inputs.dayAheadMcpc(), d, "DAM MCPC")), gaps,
                                stream + ": no DAM MCPC for some hours");
                    } else {
                        t.add(a * price, lines == null ? null : new IntervalLine(s, e, stream, a, "MW", 1, price, a * price,
                                source));
                    }
                }
                Integrated tel = bc.storageTelemetry;
                if (postRtcB) {
                    for (int q = h0 * 4; q < h1 * 4; q++) {
                        Instant s = lines == null ? null : Instant.ofEpochSecond(startSecond + q * 900L);
                        Instant e = lines == null ? null : s.plusSeconds(900);
                        double cover = tel.cover[q];
                        double dayAhead = bc.asAward[p][q / 4] + (!bc.hasLoadAs ? 0 : bc.loadAsAward[p][q / 4]);
                        double price = rtMcpcByProduct[p][q];
                        if (cover < MIN_COVER_SECONDS || tel.asSeconds == null || Double.isNaN(dayAhead)) {
                            t.miss(lines == null ? null : new IntervalLine(s, e, stream, null, "MW", 0.25, nullable(price),
                                    null, "RT AS award or DAM AS award unknown for the interval"), gaps,
                                    stream + ": RT AS position unknown for some intervals");
                            continue;
                        }
                        double realTime = tel.asSeconds[p][q] / cover;
                        double deviation = realTime - dayAhead;
                        String basis = lines == null ? "" : "RT award " + fmt(realTime) + " MW - DAM award " + fmt(dayAhead)
                                + " MW";
                        if (deviation == 0) {
                            t.add(0, null);
                        } else if (Double.isNaN(price)) {
                            t.miss(lines == null ? null : new IntervalLine(s, e, stream, deviation, "MW", 0.25, null, null,
                                    basis + "; " + why(rtMcpcCovered[d], inputs.realTimeMcpc(), d, "RT MCPC")), gaps,
                                    stream + ": no RT MCPC for some intervals");
                        } else {
                            t.add(deviation * 0.25 * price, lines == null ? null : new IntervalLine(s, e, stream, deviation,
                                    "MW", 0.25, price, deviation * 0.25 * price, basis + "; RT MCPC " + stream.productCode()));
                        }
                    }
                }
                t.into(stream, revenue, missing);
            }
            boolean complete = gaps.isEmpty() && revenue.size() == RevenueStream.values().length;
            if (!esr) {
                if (!paired) {
                    gaps.add(NO_LOAD_PAIRED);
                    complete = false;
                }
                gaps.add(DAM_CHARGING_EXCLUDED);
            }
            if (sp.isEmpty()) {
                gaps.add("no settlement point known for the battery: energy not priced");
            }
            for (RevenueStream s : RevenueStream.values()) {
                if (!revenue.containsKey(s)) {
                    gaps.add(s + ": no interval could be settled");
                }
            }
            Double capacity = Double.isNaN(bc.dayHsl[d]) ? null : bc.dayHsl[d];
            DayStatus status = revenue.isEmpty() ? DayStatus.MISSING : complete ? DayStatus.COMPLETE : DayStatus.PARTIAL;
            return new ResourceDay(bc.entry.name, day(d), type, sp, capacity, status, revenue, missing, List.copyOf(gaps));
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
