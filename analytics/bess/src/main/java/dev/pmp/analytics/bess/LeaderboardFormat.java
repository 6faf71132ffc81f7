package dev.pmp.analytics.bess;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders leaderboard entries as an aligned text table, CSV or JSON, and a resource-day explanation as text.
 * Figures without data print as {@code n/a} in the table, as an empty CSV field and as JSON {@code null}; never 0.
 */
public enum LeaderboardFormat {
    /** Aligned columns for a terminal, with the exclusions stated under the table. */
    TABLE,
    /** RFC 4180 CSV with a header row. */
    CSV,
    /** A JSON array of objects. */
    JSON;

    /** What the figures leave out, printed under the table and carried in JSON. */
    public static final String EXCLUSIONS = "Not included (not public): AS failure-to-provide charges, RUC, make-whole,"
            + " uplifts, CRRs, fees, SASM awards; before RTC+B, DAM charging bought through QSE energy bids (not"
            + " resource-specific: all charging settles at the RT price).";

    /** The format named {@code name} (case-insensitive: table, csv, json). */
    public static LeaderboardFormat parse(String name) {
        for (LeaderboardFormat f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("--format must be table, csv or json, not " + name);
    }

    private static final List<String> HEADER = header();

    private static List<String> header() {
        List<String> h = new ArrayList<>(List.of("rank", "period", "resource_name", "settlement_point",
                "resource_types", "capacity_mw"));
        for (RevenueStream s : RevenueStream.values()) {
            h.add(s.column());
        }
        h.addAll(List.of("total_usd", "usd_per_kw_month", "usd_per_mw_year", "strategy", "computed_days",
                "partial_days", "not_published_days", "missing_days"));
        return List.copyOf(h);
    }

    /** The entries in this format, ranked in the given order; ends with a line break. */
    public String render(List<LeaderboardEntry> entries) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            rows.add(cells(i + 1, entries.get(i), this == TABLE ? "n/a" : ""));
        }
        return switch (this) {
            case TABLE -> table(rows);
            case CSV -> csv(rows);
            case JSON -> json(rows);
        };
    }

    private static List<String> cells(int rank, LeaderboardEntry e, String none) {
        List<String> c = new ArrayList<>(List.of(String.valueOf(rank), e.period(), e.resourceName(), e.settlementPoint(),
                String.join("+", e.resourceTypes()), number(e.capacityMw(), 1)));
        for (RevenueStream s : RevenueStream.values()) {
            Double v = e.revenueUsd().get(s);
            c.add(v == null ? none : number(v, 2));
        }
        c.add(e.totalUsd() == null ? none : number(e.totalUsd(), 2));
        c.add(e.usdPerKwMonth() == null ? none : number(e.usdPerKwMonth(), 3));
        c.add(e.usdPerMwYear() == null ? none : number(e.usdPerMwYear(), 0));
        c.add(e.strategy() == null ? none : e.strategy().label());
        c.add(String.valueOf(e.computedDays()));
        c.add(String.valueOf(e.partialDays()));
        c.add(String.valueOf(e.notPublishedDays()));
        c.add(String.valueOf(e.missingDays()));
        return c;
    }

    private static String number(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String table(List<List<String>> rows) {
        int[] width = new int[HEADER.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = HEADER.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, HEADER, width);
        for (List<String> r : rows) {
            line(sb, r, width);
        }
        sb.append("All figures in US dollars; capacity = max HSL observed; n/a = no data (never zero).\n");
        sb.append(EXCLUSIONS).append('\n');
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append("  ");
            }
            String c = cells.get(i);
            boolean left = i >= 1 && i <= 4 || i == HEADER.indexOf("strategy");
            sb.append(left ? String.format("%-" + width[i] + "s", c) : String.format("%" + width[i] + "s", c));
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        sb.append('\n');
    }

    private static String csv(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", HEADER)).append('\n');
        for (List<String> r : rows) {
            List<String> quoted = new ArrayList<>();
            for (String c : r) {
                quoted.add(c.contains(",") || c.contains("\"") || c.contains("\n")
                        ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
            }
            sb.append(String.join(",", quoted)).append('\n');
        }
        return sb.toString();
    }

    private static String json(List<List<String>> rows) {
        List<String> numeric = new ArrayList<>(HEADER);
        numeric.removeAll(List.of("period", "resource_name", "settlement_point", "resource_types", "strategy"));
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            sb.append(i == 0 ? "\n  {" : ",\n  {");
            List<String> r = rows.get(i);
            for (int c = 0; c < HEADER.size(); c++) {
                String name = HEADER.get(c);
                String v = r.get(c);
                sb.append(c == 0 ? "" : ", ").append('"').append(name).append("\": ");
                if (v.isEmpty() && !name.equals("settlement_point") && !name.equals("resource_types")) {
                    sb.append("null");
                } else if (numeric.contains(name)) {
                    sb.append(v);
                } else {
                    sb.append(quote(v));
                }
            }
            sb.append('}');
        }
        sb.append(rows.isEmpty() ? "]\n" : "\n]\n");
        return sb.toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * The resource-day of an {@link RevenueCalculator#explain} report with every line behind it: hourly DA lines,
     * 15-minute RT lines, then the day's sums per stream, which equal the sums of the lines shown.
     */
    public static String explain(RevenueReport report) {
        StringBuilder sb = new StringBuilder();
        if (report.days().isEmpty()) {
            sb.append("no row for the resource on ").append(report.from()).append(" in the 60-day disclosures\n");
            return sb.toString();
        }
        ResourceDay d = report.days().get(0);
        sb.append(d.resourceName()).append("  ").append(d.day()).append("  type=").append(d.resourceType())
                .append("  settlement point=").append(d.settlementPoint()).append("  HSL=")
                .append(d.capacityMw() == null ? "n/a" : number(d.capacityMw(), 1) + " MW").append("  status=")
                .append(d.status()).append('\n');
        sb.append(String.format(Locale.ROOT, "%-20s  %-20s  %-10s  %12s  %-4s  %5s  %10s  %12s  %s%n", "start_utc",
                "end_utc", "stream", "quantity", "unit", "hours", "price", "revenue_usd", "basis"));
        for (IntervalLine l : report.lines()) {
            sb.append(String.format(Locale.ROOT, "%-20s  %-20s  %-10s  %12s  %-4s  %5s  %10s  %12s  %s%n", l.start(),
                    l.end(), l.stream(), l.quantity() == null ? "n/a" : number(l.quantity(), 4), l.quantityUnit(),
                    number(l.hours(), 2), l.price() == null ? "n/a" : number(l.price(), 2),
                    l.revenueUsd() == null ? "MISSING" : number(l.revenueUsd(), 2), l.note()));
        }
        sb.append("day totals (US dollars):\n");
        for (RevenueStream s : RevenueStream.values()) {
            Double v = d.revenueUsd().get(s);
            Integer m = d.missingIntervals().get(s);
            sb.append(String.format(Locale.ROOT, "  %-10s %14s%s%n", s, v == null ? "n/a" : number(v, 2),
                    m == null ? "" : "  (" + m + " intervals missing)"));
        }
        sb.append(String.format(Locale.ROOT, "  %-10s %14s%n", "TOTAL", d.totalUsd() == null ? "n/a"
                : number(d.totalUsd(), 2)));
        for (String g : d.gaps()) {
            sb.append("  note: ").append(g).append('\n');
        }
        return sb.toString();
    }
}
