package dev.pmp.source.ercot;

import dev.pmp.source.ercot.EnergyStorageSnapshot.Day;
import dev.pmp.source.ercot.EnergyStorageSnapshot.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Repairs ERCOT's fall-back defect in a day block of a dashboard (README section 2.3.2), by rule for
 * any year: on the day the clock falls back, ERCOT stamps the first sample of the repeated hour with
 * the end of that hour in standard time ({@code 02:00:00-0600}) instead of its start
 * ({@code 01:00:00-0600}), so two rows share the later stamp and none carries the earlier one. The
 * wrong row is the one flagged {@code N}; when the flags do not tell the rows apart, the first in
 * array order. Until the genuine row is published (between 01:00 and 02:00 standard time) the wrong
 * row is alone under its stamp; it is then recognised by its place, right after the last sample
 * before the clock fell back. Its {@code epoch} is not trusted. Stateless.
 */
final class FallBackRelabel {

    private FallBackRelabel() {
    }

    /**
     * The block with the defect repaired, or the block itself when it has no such defect.
     *
     * @param day a day block as read
     * @param rules the rules of the zone ERCOT labels time in
     * @param cadence the spacing of the samples
     * @param notes receives one line per relabelled row
     */
    static Day apply(Day day, ZoneRules rules, Duration cadence, List<String> notes) {
        Map<String, List<Sample>> byStamp = new LinkedHashMap<>();
        for (Sample s : day.samples()) {
            byStamp.computeIfAbsent(s.timestamp(), k -> new ArrayList<>(1)).add(s);
        }
        List<Sample> samples = new ArrayList<>(day.samples());
        for (List<Sample> shared : byStamp.values()) {
            OffsetDateTime stamped = shared.get(0).time();
            ZoneOffsetTransition fallBack = fallBackEndingAt(stamped, rules);
            if (fallBack == null) {
                continue;
            }
            // The right label: the instant the clock fell back, written in standard time (01:00:00-0600).
            OffsetDateTime start = fallBack.getInstant().atOffset(fallBack.getOffsetAfter());
            String label = EnergyStorageSnapshotReader.TIMESTAMP.format(start);
            if (byStamp.containsKey(label)) {
                continue;
            }
            Sample wrong;
            if (shared.size() > 1) {
                wrong = flaggedN(shared);
            } else if (standsAtStart(shared.get(0), samples, fallBack, cadence)) {
                wrong = shared.get(0);
            } else {
                continue;
            }
            samples.set(samples.indexOf(wrong), wrong.relabelled(label, start));
            notes.add(day.name() + ": relabelled " + wrong.timestamp() + " (dstFlag " + wrong.dstFlag() + ", data["
                    + wrong.index() + "]) to " + label + " (ERCOT fall-back defect)");
        }
        return samples.equals(day.samples()) ? day : day.withSamples(samples);
    }

    /**
     * The fall-back transition whose repeated hour ends at {@code stamped}, if {@code stamped} is that
     * end written in standard time; otherwise null.
     */
    private static ZoneOffsetTransition fallBackEndingAt(OffsetDateTime stamped, ZoneRules rules) {
        if (stamped.getMinute() != 0 || stamped.getSecond() != 0) {
            return null;
        }
        Instant instant = stamped.toInstant();
        ZoneOffsetTransition t = rules.nextTransition(instant.minus(Duration.ofDays(1)));
        if (t == null || !t.isOverlap() || !stamped.getOffset().equals(t.getOffsetAfter())) {
            return null;
        }
        Duration repeated = Duration.between(t.getDateTimeAfter(), t.getDateTimeBefore());
        return instant.equals(t.getInstant().plus(repeated)) ? t : null;
    }

    /** Whether the row directly before {@code s} in array order is the last sample before the clock fell back. */
    private static boolean standsAtStart(Sample s, List<Sample> samples, ZoneOffsetTransition fallBack,
            Duration cadence) {
        int i = samples.indexOf(s);
        return i > 0 && samples.get(i - 1).time().toInstant().equals(fallBack.getInstant().minus(cadence));
    }

    /** The only row flagged N among rows that share a stamp, else the first in array order. */
    private static Sample flaggedN(List<Sample> shared) {
        List<Sample> flaggedN = shared.stream().filter(s -> "N".equals(s.dstFlag())).toList();
        return flaggedN.size() == 1 ? flaggedN.get(0) : shared.get(0);
    }
}
