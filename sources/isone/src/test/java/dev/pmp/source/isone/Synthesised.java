package dev.pmp.source.isone;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Payloads written from the documented formats (shared/sources/isone/README.md §2.2-§3.2), for the reports of
 * which no real recording exists.
 */
final class Synthesised {
    private static final DateTimeFormatter API_STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");

    private Synthesised() {
    }

    /** An API {@code BeginDate} in local time with its offset. */
    static String stamp(Instant t) {
        return API_STAMP.format(t.atZone(IsoneTime.ZONE));
    }

    /** Instants from {@code from} (inclusive) to {@code to} (exclusive) every {@code step}. */
    static List<Instant> instants(Instant from, Instant to, Duration step) {
        java.util.ArrayList<Instant> out = new java.util.ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
            out.add(t);
        }
        return out;
    }

    /** {@code {"<plural>":{"<singular>":[records]}}}. */
    static String envelope(String plural, String singular, List<String> records) {
        StringJoiner j = new StringJoiner(",", "{\"" + plural + "\":{\"" + singular + "\":[", "]}}");
        records.forEach(j::add);
        return j.toString();
    }

    /** An {@code HourlyLmp}/{@code FiveMinLmp} record; the price is derived from the hour so rows differ. */
    static String lmpRecord(Instant begin, String locId, String locType, String name, String lmp) {
        return String.format(Locale.ROOT, "{\"BeginDate\":\"%s\",\"Location\":{\"@LocId\":\"%s\",\"@LocType\":\"%s\","
                + "\"$\":\"%s\"},\"LmpTotal\":%s,\"EnergyComponent\":30.5,\"CongestionComponent\":-0.25,"
                + "\"LossComponent\":0.15}", stamp(begin), locId, locType, name, lmp);
    }

    /** LMP records for the hub and Maine at every instant. */
    static String lmpDay(String plural, String singular, List<Instant> begins) {
        return envelope(plural, singular, begins.stream().<String>mapMulti((t, out) -> {
            out.accept(lmpRecord(t, "4000", "HUB", ".H.INTERNAL_HUB", price(t)));
            out.accept(lmpRecord(t, "4001", "LOAD ZONE", ".Z.MAINE", price(t)));
        }).toList());
    }

    /** A price that tells the instants apart: 30 plus the minutes since the epoch day, mod 1000, over 100. */
    static String price(Instant t) {
        return String.format(Locale.ROOT, "%.2f", 30 + (t.getEpochSecond() / 60 % 1000) / 100.0);
    }

    /** An ISO Express CSV: four comment lines, the two header lines, data lines, the trailer. */
    static String expressCsv(String title, List<String> columns, List<List<String>> data) {
        StringBuilder sb = new StringBuilder();
        sb.append("\"C\",\"").append(title).append("\"\r\n");
        sb.append("\"C\",\"Filename: synthesised.csv\"\r\n");
        sb.append("\"C\",\"Report for: synthesised\"\r\n");
        sb.append("\"C\",\"Report generated: synthesised\"\r\n");
        sb.append(line("H", columns, Function.identity()));
        sb.append(line("H", columns, c -> "String"));
        for (List<String> d : data) {
            sb.append(line("D", d, Function.identity()));
        }
        sb.append("\"T\",\"").append(data.size() + 8).append("\"\r\n");
        return sb.toString();
    }

    private static String line(String tag, List<String> cells, Function<String, String> f) {
        StringJoiner j = new StringJoiner(",", "", "\r\n");
        j.add("\"" + tag + "\"");
        cells.forEach(c -> j.add("\"" + f.apply(c) + "\""));
        return j.toString();
    }
}
