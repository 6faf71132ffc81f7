package dev.pmp.analytics.bess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolls resource-days up into {@link LeaderboardEntry} rows per battery and period and ranks them by $/MW-year
 * (entries without a figure last, then by name). Days without figures are counted as not published or missing,
 * never added as zero.
 */
public final class Leaderboard {

    private Leaderboard() {
    }

    /**
     * The entries of {@code report} per battery and {@code period}, best first, at most {@code top} of them
     * ({@code top <= 0}: all). Ranking is within each period label, then labels in order.
     */
    public static List<LeaderboardEntry> rank(RevenueReport report, Period period, int top) {
        Map<String, Battery> batteries = new HashMap<>();
        for (Battery b : report.batteries()) {
            batteries.put(b.resourceName(), b);
        }
        Map<List<String>, List<ResourceDay>> groups = new LinkedHashMap<>();
        for (ResourceDay d : report.days()) {
            groups.computeIfAbsent(List.of(period.label(d.day()), d.resourceName()), k -> new ArrayList<>()).add(d);
        }
        List<LeaderboardEntry> entries = new ArrayList<>();
        for (Map.Entry<List<String>, List<ResourceDay>> g : groups.entrySet()) {
            Battery b = batteries.get(g.getKey().get(1));
            if (b == null) {
                throw new IllegalArgumentException("resource-day of " + g.getKey().get(1) + " without a registry entry");
            }
            entries.add(entry(b, g.getKey().get(0), g.getValue()));
        }
        entries.sort(Comparator.comparing(LeaderboardEntry::period)
                .thenComparing(e -> e.usdPerMwYear() == null ? Double.NEGATIVE_INFINITY : e.usdPerMwYear(),
                        Comparator.reverseOrder())
                .thenComparing(LeaderboardEntry::resourceName));
        if (top <= 0) {
            return entries;
        }
        List<LeaderboardEntry> out = new ArrayList<>();
        Map<String, Integer> perLabel = new HashMap<>();
        for (LeaderboardEntry e : entries) {
            if (perLabel.merge(e.period(), 1, Integer::sum) <= top) {
                out.add(e);
            }
        }
        return out;
    }

    /** One battery's entry over the given days of one period. */
    static LeaderboardEntry entry(Battery battery, String label, List<ResourceDay> days) {
        Map<RevenueStream, Double> revenue = new EnumMap<>(RevenueStream.class);
        int computed = 0;
        int partial = 0;
        int notPublished = 0;
        int missing = 0;
        for (ResourceDay d : days) {
            switch (d.status()) {
                case COMPLETE -> computed++;
                case PARTIAL -> {
                    computed++;
                    partial++;
                }
                case NOT_PUBLISHED -> notPublished++;
                case MISSING -> missing++;
            }
            for (Map.Entry<RevenueStream, Double> r : d.revenueUsd().entrySet()) {
                revenue.merge(r.getKey(), r.getValue(), Double::sum);
            }
        }
        Double total = null;
        Double perMwYear = null;
        Double perKwMonth = null;
        Strategy strategy = null;
        if (computed > 0) {
            double sum = 0;
            double energy = 0;
            double ancillary = 0;
            for (Map.Entry<RevenueStream, Double> r : revenue.entrySet()) {
                sum += r.getValue();
                if (r.getKey().ancillary()) {
                    ancillary += r.getValue();
                } else {
                    energy += r.getValue();
                }
            }
            total = sum;
            strategy = Strategy.classify(energy, ancillary);
            if (battery.capacityMw() > 0) {
                perMwYear = sum / battery.capacityMw() * 365.0 / computed;
                perKwMonth = perMwYear / 1000.0 / 12.0;
            }
        }
        return new LeaderboardEntry(battery.resourceName(), label, battery.settlementPoint(), battery.resourceTypes(),
                battery.capacityMw(), computed, partial, notPublished, missing, revenue, total, perMwYear, perKwMonth,
                strategy);
    }
}
