package dev.pmp.sim.ercotapi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * NP6-322-CD SCED system lambda: one posting per SCED run, 20 seconds after it. Files of 2025 and before carry
 * {@code SystemLambda}; from 2026 {@code CappedSystemLambda,UncappedSystemLambda} (README section 3.7). The query
 * endpoint serves the 2026 fields for every date.
 */
final class ScedSystemLambda extends ArchiveReport {

    /** The first day of the capped/uncapped column set. */
    static final LocalDate CAPPED_FROM = LocalDate.of(2026, 1, 1);

    ScedSystemLambda() {
        super(new Facts("np6-322-cd", "sced_system_lambda", "SCEDTimestamp", Cadence.SCED,
                2_600_000_000L, "00013114", "SCEDSYSLAMBDANP6322_"));
    }

    private boolean capped(long k) {
        return !start(k).atZone(SppPostings.ZONE).toLocalDate().isBefore(CAPPED_FROM);
    }

    @Override
    String header(long k) {
        return capped(k) ? "SCEDTimeStamp,RepeatedHourFlag,CappedSystemLambda,UncappedSystemLambda"
                : "SCEDTimeStamp,RepeatedHourFlag,SystemLambda";
    }

    @Override
    List<String> fields() {
        return List.of("SCEDTimestamp", "repeatedHourFlag", "cappedSystemLambda", "uncappedSystemLambda");
    }

    private static double lambda(long k) {
        return value(23.89, k, 0);
    }

    @Override
    List<List<Object>> records(long k) {
        Instant run = start(k);
        LocalDateTime local = run.atZone(SppPostings.ZONE).toLocalDateTime();
        return capped(k) ? List.of(List.of(local, repeated(run), lambda(k), lambda(k)))
                : List.of(List.of(local, repeated(run), lambda(k)));
    }

    @Override
    List<List<Object>> apiRecords(long k) {
        Instant run = start(k);
        return List.of(List.of(run.atZone(SppPostings.ZONE).toLocalDateTime(), repeated(run), lambda(k), lambda(k)));
    }

    @Override
    Instant postedAt(long k) {
        return start(k).plusSeconds(20);
    }
}
