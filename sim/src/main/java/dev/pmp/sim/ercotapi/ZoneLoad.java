package dev.pmp.sim.ercotapi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Actual system load by zone, hourly: one posting per operating day, posted at 05:50 the morning after, with the
 * zones' MW and their total (README section 3.7, NP6-345-CD and NP6-346-CD).
 */
abstract class ZoneLoad extends ArchiveReport {

    /** The CSV column of each zone, in file order. */
    abstract List<String> zones();

    /** The recorded MW of each zone, the centre of the generated values. */
    abstract double[] typical();

    /** A zone-load report: one posting per operating day, filtered by {@code operatingDay}. */
    ZoneLoad(String emil, String artifact, long firstDocId, String rtid, String friendlyPrefix) {
        super(new Facts(emil, artifact, "operatingDay", Cadence.DAY, firstDocId, rtid, friendlyPrefix));
    }

    @Override
    final String header(long k) {
        return "OperDay,HourEnding," + String.join(",", zones()) + ",TOTAL,DSTFlag";
    }

    @Override
    final List<List<Object>> records(long k) {
        LocalDate day = LocalDate.ofEpochDay(k);
        List<List<Object>> out = new ArrayList<>();
        double[] typical = typical();
        for (Instant h : hours(day)) {
            long seed = h.getEpochSecond() / 3600;
            List<Object> r = new ArrayList<>();
            r.add(day);
            r.add(hourEnding(h));
            double total = 0;
            for (int i = 0; i < typical.length; i++) {
                double mw = Math.round((typical[i] * (1 + 0.1 * Math.sin((seed + i) * Math.PI / 12.0))) * 100) / 100.0;
                r.add(mw);
                total += mw;
            }
            r.add(Math.round(total * 100) / 100.0);
            r.add(repeated(h));
            out.add(r);
        }
        return out;
    }

    @Override
    final Instant postedAt(long k) {
        return LocalDate.ofEpochDay(k).plusDays(1).atTime(5, 50, 11).atZone(SppPostings.ZONE).toInstant();
    }
}
