package dev.pmp.source.ercot;

import dev.pmp.source.ercot.EnergyStorageSnapshot.Day;
import dev.pmp.source.ercot.EnergyStorageSnapshot.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks a day block of 5-minute samples must pass before it is stored: samples strictly increasing
 * in array order, on the grid, inside the block's operating day. Together they also bound the count
 * by the day's number of grid marks (288, 276 on the spring-forward day, 300 on the fall-back day).
 * Fewer samples are not a problem: they are source gaps. Stateless.
 */
final class DayCheck {

    private DayCheck() {
    }

    /**
     * The first problem of the block, as a phrase for a quarantine reason, or null when it passes.
     *
     * @param day the block, after repair
     * @param zone the zone that defines the operating day
     * @param cadence the grid spacing; divides an hour
     */
    static String problem(Day day, ZoneId zone, Duration cadence) {
        List<Sample> samples = day.samples();
        long step = cadence.toSeconds();
        Set<Instant> seen = new HashSet<>(samples.size() * 2);
        Instant previous = null;
        for (Sample s : samples) {
            Instant t = s.time().toInstant();
            if (!t.atZone(zone).toLocalDate().equals(day.date())) {
                return "sample " + s.timestamp() + " (data[" + s.index() + "]) lies outside the operating day";
            }
            if (Math.floorMod(t.getEpochSecond(), step) != 0 || t.getNano() != 0) {
                return "sample " + s.timestamp() + " (data[" + s.index() + "]) is off the " + cadence.toMinutes()
                        + "-minute grid";
            }
            if (!seen.add(t)) {
                long count = samples.stream().filter(o -> o.time().toInstant().equals(t)).count();
                return count + " samples at " + t;
            }
            if (previous != null && t.isBefore(previous)) {
                return "sample " + s.timestamp() + " (data[" + s.index() + "]) is earlier than the sample before it ("
                        + previous + ")";
            }
            previous = t;
        }
        return null;
    }
}
