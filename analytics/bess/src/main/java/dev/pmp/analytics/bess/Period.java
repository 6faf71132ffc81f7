package dev.pmp.analytics.bess;

import java.time.LocalDate;

/** The length of one leaderboard row: a day, a calendar month or a calendar year of operating days. */
public enum Period {
    /** One operating day. */
    DAY,
    /** One calendar month of operating days. */
    MONTH,
    /** One calendar year of operating days. */
    YEAR;

    /** The label of the period holding {@code day}: {@code 2024-03-10}, {@code 2024-03} or {@code 2024}. */
    public String label(LocalDate day) {
        return switch (this) {
            case DAY -> day.toString();
            case MONTH -> day.toString().substring(0, 7);
            case YEAR -> String.valueOf(day.getYear());
        };
    }
}
