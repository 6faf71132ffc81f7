package dev.pmp.engine.ledger;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The expected grid of a dataset: the instants at which a sample (or an interval start) is due. The
 * grid is laid out in the market zone day by day from local midnight, so a 5-minute dataset has 288
 * points on a normal day, 276 on a spring-forward day and 300 on a fall-back day; an hourly one 24, 23
 * and 25; a half-hourly one 48, 46 and 50.
 */
public final class Grid {
    private final Duration cadence;
    private final ZoneId zone;

    public Grid(Duration cadence, ZoneId zone) {
        if (cadence.isZero() || cadence.isNegative()) {
            throw new IllegalArgumentException("cadence must be positive");
        }
        this.cadence = cadence;
        this.zone = zone;
    }

    public static Grid of(Dataset dataset) {
        return new Grid(dataset.cadence(), dataset.marketZone());
    }

    public Duration cadence() {
        return cadence;
    }

    /** The expected instants inside {@code window}, ascending. */
    public List<Instant> points(Window window) {
        List<Instant> out = new ArrayList<>();
        LocalDate day = LocalDate.ofInstant(window.start(), zone);
        while (true) {
            Instant dayStart = day.atStartOfDay(zone).toInstant();
            if (!dayStart.isBefore(window.end())) {
                break;
            }
            Instant nextDay = day.plusDays(1).atStartOfDay(zone).toInstant();
            Instant p = dayStart;
            if (p.isBefore(window.start())) {
                long steps = ceilDiv(Duration.between(dayStart, window.start()).toSeconds(), cadence.toSeconds());
                p = dayStart.plus(cadence.multipliedBy(steps));
            }
            while (p.isBefore(nextDay) && p.isBefore(window.end())) {
                out.add(p);
                p = p.plus(cadence);
            }
            day = day.plusDays(1);
        }
        return out;
    }

    /** How many points the local day holds (288, 276 or 300 for 5 minutes). */
    public int pointsOn(LocalDate day) {
        Instant s = day.atStartOfDay(zone).toInstant();
        Instant e = day.plusDays(1).atStartOfDay(zone).toInstant();
        return (int) ceilDiv(Duration.between(s, e).toSeconds(), cadence.toSeconds());
    }

    /** The latest grid point at or before {@code instant}. */
    public Instant floor(Instant instant) {
        Instant dayStart = LocalDate.ofInstant(instant, zone).atStartOfDay(zone).toInstant();
        long steps = Duration.between(dayStart, instant).toSeconds() / cadence.toSeconds();
        return dayStart.plus(cadence.multipliedBy(steps));
    }

    /** The first grid point strictly after {@code instant}. */
    public Instant next(Instant instant) {
        Instant f = floor(instant);
        Instant candidate = f.plus(cadence);
        Instant nextDay = LocalDate.ofInstant(f, zone).plusDays(1).atStartOfDay(zone).toInstant();
        return candidate.isAfter(nextDay) ? nextDay : candidate;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
