package dev.pmp.sim.ercot;

import dev.pmp.spi.Window;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ERCOT's {@code energy-storage-resources.json} dashboard as it would read at a given instant, with the
 * recorded day's values replayed on every simulated day.
 *
 * <p>Day layout: the samples of a local day (America/Chicago) are taken every five minutes from local
 * midnight; sample {@code k} (elapsed five-minute steps since midnight) takes the values of recorded slot
 * {@code k mod 288}, so a 23-hour day has 276 rows and a 25-hour day 300. On a fall-back day (found from
 * {@link ZoneRules}) the rows of the repeated hour carry {@code dstFlag "Y"}; with the defect switched on,
 * the first row of the repeated hour is labelled one hour late, as ERCOT did (see the module README).
 *
 * <p>Thread-safe: {@link #render} may be called concurrently; rows of recently served days are cached.
 */
public final class EnergyStorageDashboard {

    /** Path of the dashboard on ERCOT's web server and on the simulator. */
    public static final String PATH = "/api/1/services/read/dashboards/energy-storage-resources.json";

    /** ERCOT's market time zone, in which labels and days are formed. */
    public static final ZoneId MARKET_ZONE = ZoneId.of("America/Chicago");

    private static final Duration STEP = Duration.ofMinutes(5);
    private static final int CACHED_DAYS = 8;

    /** What a rendered payload holds besides the normal rows. */
    public enum Variant {
        /** The payload as ERCOT would publish it. */
        NORMAL,
        /** Both {@code data} arrays empty; {@code lastUpdated} and {@code dayDate} as usual. */
        EMPTY_DATA,
        /** The first row's {@code totalCharging} is the string {@code "abc"} instead of a number. */
        NOT_A_NUMBER
    }

    private final EsrRecordedDay pattern;
    private final Duration publicationLag;
    private final boolean fallBackDefect;
    private final String[] valueFields;
    private final Map<LocalDate, DayRows> recentDays = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, DayRows> eldest) {
            return size() > CACHED_DAYS;
        }
    };

    /**
     * @param pattern recorded values of the five-minute slots
     * @param publicationLag how long after its label a sample first appears; not negative
     * @param fallBackDefect whether to reproduce ERCOT's mislabelled first row of the repeated hour
     */
    public EnergyStorageDashboard(EsrRecordedDay pattern, Duration publicationLag, boolean fallBackDefect) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.publicationLag = Objects.requireNonNull(publicationLag, "publicationLag");
        if (publicationLag.isNegative()) {
            throw new IllegalArgumentException("publicationLag must not be negative: " + publicationLag);
        }
        this.fallBackDefect = fallBackDefect;
        this.valueFields = new String[EsrRecordedDay.SLOTS_PER_DAY];
        for (int i = 0; i < valueFields.length; i++) {
            EsrValues v = pattern.slot(i);
            valueFields[i] = "\"totalCharging\":" + v.totalCharging().toPlainString()
                    + ",\"totalDischarging\":" + v.totalDischarging().toPlainString()
                    + ",\"netOutput\":" + v.netOutput().toPlainString();
        }
    }

    /**
     * Every sample of local day {@code day}, in chronological order of {@link EsrSample#instant()},
     * regardless of publication time and withholding.
     */
    public List<EsrSample> samples(LocalDate day) {
        return dayRows(day).samples();
    }

    /**
     * The dashboard body as served at {@code now}: {@code previousDay} is the whole local day before
     * {@code now}'s local date, {@code currentDay} runs from local midnight to the latest sample taken at
     * or before {@code now - publicationLag}; samples taken inside a window of {@code withheld} are left out.
     *
     * @return UTF-8 JSON, compact, keys in ERCOT's order
     */
    public byte[] render(Instant now, List<Window> withheld, Variant variant) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(withheld, "withheld");
        Objects.requireNonNull(variant, "variant");
        LocalDate today = LocalDate.ofInstant(now, MARKET_ZONE);
        Instant cutoff = now.minus(publicationLag);
        StringBuilder json = new StringBuilder(100_000);
        json.append("{\"lastUpdated\":\"");
        Instant second = Instant.ofEpochSecond(now.getEpochSecond());
        ZoneOffset nowOffset = MARKET_ZONE.getRules().getOffset(second);
        appendLocal(json, LocalDateTime.ofEpochSecond(second.getEpochSecond(), 0, nowOffset));
        appendOffset(json, nowOffset);
        json.append("\",\"previousDay\":");
        boolean spoilNext = variant == Variant.NOT_A_NUMBER;
        spoilNext = appendDay(json, today.minusDays(1), cutoff, withheld, variant, spoilNext);
        json.append(",\"currentDay\":");
        appendDay(json, today, cutoff, withheld, variant, spoilNext);
        json.append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends one day block; returns whether the {@code "abc"} value is still to be placed. */
    private boolean appendDay(StringBuilder json, LocalDate day, Instant cutoff, List<Window> withheld,
            Variant variant, boolean spoilNext) {
        json.append("{\"dayDate\":\"");
        LocalDateTime dayLabel = day.atTime(3, 0);
        appendLocal(json, dayLabel);
        appendOffset(json, MARKET_ZONE.getRules().getOffset(dayLabel));
        json.append("\",\"data\":[");
        boolean stillToSpoil = spoilNext;
        switch (variant) {
            case EMPTY_DATA -> {
            }
            case NORMAL, NOT_A_NUMBER -> {
                DayRows rows = dayRows(day);
                boolean first = true;
                for (int i = 0; i < rows.samples().size(); i++) {
                    EsrSample sample = rows.samples().get(i);
                    if (sample.instant().isAfter(cutoff) || isWithheld(sample.instant(), withheld)) {
                        continue;
                    }
                    if (!first) {
                        json.append(',');
                    }
                    first = false;
                    if (stillToSpoil) {
                        appendRow(json, sample, "\"totalCharging\":\"abc\",\"totalDischarging\":"
                                + sample.values().totalDischarging().toPlainString()
                                + ",\"netOutput\":" + sample.values().netOutput().toPlainString());
                        stillToSpoil = false;
                    } else {
                        json.append(rows.json()[i]);
                    }
                }
            }
        }
        json.append("]}");
        return stillToSpoil;
    }

    private static boolean isWithheld(Instant instant, List<Window> withheld) {
        for (Window w : withheld) {
            if (w.contains(instant)) {
                return true;
            }
        }
        return false;
    }

    private DayRows dayRows(LocalDate day) {
        synchronized (recentDays) {
            DayRows rows = recentDays.get(day);
            if (rows == null) {
                rows = buildDay(day);
                recentDays.put(day, rows);
            }
            return rows;
        }
    }

    private DayRows buildDay(LocalDate day) {
        ZoneRules rules = MARKET_ZONE.getRules();
        Instant start = day.atStartOfDay(MARKET_ZONE).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(MARKET_ZONE).toInstant();
        Window repeated = repeatedHour(rules, start, end);
        List<EsrSample> samples = new ArrayList<>(300);
        List<String> json = new ArrayList<>(300);
        int k = 0;
        for (Instant t = start; t.isBefore(end); t = t.plus(STEP), k++) {
            Instant labelInstant = t;
            boolean flag = repeated != null && repeated.contains(t);
            if (repeated != null && fallBackDefect) {
                if (t.equals(repeated.start())) {
                    // ERCOT stamps the first sample of the repeated hour as the hour after it (README §2.3.2).
                    labelInstant = repeated.end();
                    flag = false;
                } else if (t.equals(repeated.end())) {
                    flag = true;
                }
            }
            ZoneOffset offset = rules.getOffset(labelInstant);
            LocalDateTime label = LocalDateTime.ofEpochSecond(labelInstant.getEpochSecond(), 0, offset);
            int slot = k % EsrRecordedDay.SLOTS_PER_DAY;
            EsrSample sample = new EsrSample(t, label, offset, labelInstant.toEpochMilli(), flag, pattern.slot(slot));
            samples.add(sample);
            StringBuilder row = new StringBuilder(200);
            appendRow(row, sample, valueFields[slot]);
            json.add(row.toString());
        }
        return new DayRows(samples, json.toArray(new String[0]));
    }

    /** The repeated hour {@code [first instant of the later offset, +overlap)} of a fall-back day, else null. */
    private static Window repeatedHour(ZoneRules rules, Instant dayStart, Instant dayEnd) {
        ZoneOffsetTransition transition = rules.nextTransition(dayStart.minusNanos(1));
        if (transition == null || !transition.getInstant().isBefore(dayEnd) || !transition.isOverlap()) {
            return null;
        }
        return Window.of(transition.getInstant(), transition.getDuration().negated());
    }

    private static void appendRow(StringBuilder json, EsrSample sample, String valueFields) {
        json.append("{\"tagCLastTime\":\"");
        appendLocal(json, sample.label());
        json.append("\",\"dstFlag\":\"").append(sample.repeatedHour() ? 'Y' : 'N').append("\",");
        json.append(valueFields);
        json.append(",\"timestamp\":\"");
        appendLocal(json, sample.label());
        appendOffset(json, sample.labelOffset());
        json.append("\",\"epoch\":").append(sample.epochMillis()).append('}');
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, written by hand because this runs for every row of every request. */
    private static void appendLocal(StringBuilder out, LocalDateTime t) {
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year out of range for ERCOT labels: " + t);
        }
        out.append(year).append('-');
        twoDigits(out, t.getMonthValue()).append('-');
        twoDigits(out, t.getDayOfMonth()).append(' ');
        twoDigits(out, t.getHour()).append(':');
        twoDigits(out, t.getMinute()).append(':');
        twoDigits(out, t.getSecond());
    }

    /** {@code ±hhmm}. */
    private static void appendOffset(StringBuilder out, ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        out.append(seconds < 0 ? '-' : '+');
        int abs = Math.abs(seconds);
        twoDigits(out, abs / 3600);
        twoDigits(out, abs / 60 % 60);
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }

    private record DayRows(List<EsrSample> samples, String[] json) {
        DayRows {
            samples = List.copyOf(samples);
        }
    }
}
