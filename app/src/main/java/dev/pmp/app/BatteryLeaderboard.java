package dev.pmp.app;

import dev.pmp.analytics.bess.ErcotInputs;
import dev.pmp.analytics.bess.Leaderboard;
import dev.pmp.analytics.bess.LeaderboardEntry;
import dev.pmp.analytics.bess.LeaderboardFormat;
import dev.pmp.analytics.bess.Period;
import dev.pmp.analytics.bess.ResourcePairing;
import dev.pmp.analytics.bess.RevenueCalculator;
import dev.pmp.analytics.bess.RevenueReport;
import dev.pmp.engine.catalog.Catalog;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The ERCOT battery leaderboard as the CLI ({@code pmp leaderboard}) and the dashboard ({@code /api/leaderboard})
 * both compute it: the same inputs, pairing and ranking, so the two show the same table.
 */
public final class BatteryLeaderboard {

    private BatteryLeaderboard() {
    }

    /** The input datasets as the catalog has them. */
    public static ErcotInputs inputs(Catalog catalog) {
        List<Dataset> found = new ArrayList<>();
        for (String id : ErcotInputs.IDS) {
            found.add(catalog.dataset(id));
        }
        return ErcotInputs.of(found);
    }

    /** The pairing overrides of {@code option}, else of setting {@code PMP_BESS_PAIRS}, else the rules alone. */
    public static ResourcePairing pairing(Path option, AppSettings settings) throws IOException {
        Path file = option != null ? option : settings.value("PMP_BESS_PAIRS").map(Path::of).orElse(null);
        return file == null ? ResourcePairing.RULES_ONLY : ResourcePairing.read(file);
    }

    /** The revenue of every battery over {@code [from, to)} from the store's 60-day disclosures and prices. */
    public static RevenueReport compute(Pmp pmp, LocalDate from, LocalDate to, ResourcePairing pairing)
            throws StoreException {
        ErcotInputs inputs = inputs(pmp.catalog());
        for (Dataset d : inputs.all()) {
            pmp.store().prepare(d);
        }
        return new RevenueCalculator(pmp.store().view(), inputs, pmp.clock(), pairing).compute(from, to);
    }

    /**
     * The ranked table of a year, or of one month of it, as JSON (the CLI's {@code --format json}).
     *
     * @param month 1..12, or null for the whole year
     * @param top how many batteries, at least 1
     * @throws IllegalArgumentException for a month outside 1..12 or a top below 1
     */
    public static String json(Pmp pmp, int year, Integer month, int top) throws StoreException, IOException {
        if (month != null && (month < 1 || month > 12)) {
            throw new IllegalArgumentException("month must be 1..12, not " + month);
        }
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1, not " + top);
        }
        LocalDate from = month == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, month, 1);
        LocalDate to = month == null ? from.plusYears(1) : from.plusMonths(1);
        RevenueReport report = compute(pmp, from, to, pairing(null, pmp.settings()));
        List<LeaderboardEntry> entries = Leaderboard.rank(report, month == null ? Period.YEAR : Period.MONTH, top);
        return LeaderboardFormat.parse("json").render(entries);
    }
}
