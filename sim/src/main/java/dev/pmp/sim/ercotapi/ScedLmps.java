package dev.pmp.sim.ercotapi;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * NP6-788-CD LMPs by resource node, load zone and hub per SCED run: one posting per run, 20 seconds after it, for
 * the points of the recorded sample (DC ties included); LMPs left-padded with spaces in the CSV, as ERCOT writes
 * them.
 */
final class ScedLmps extends ArchiveReport {

    private static final String[][] POINTS = {{"7RNCHSLR_ALL", "30.72"}, {"A4_DGR1_RN", "22.16"}, {"DC_L", "118.49"},
        {"DC_N", "36.76"}, {"HB_BUSAVG", "38.11"}, {"HB_HOUSTON", "38.26"}, {"HB_NORTH", "37.03"}, {"LZ_AEN", "36.25"}};

    ScedLmps() {
        super(new Facts("np6-788-cd", "lmp_node_zone_hub", "SCEDTimestamp", Cadence.SCED,
                2_700_000_000L, "00012300", "LMPSROSNODENP6788_"));
    }

    @Override
    String header(long k) {
        return "SCEDTimestamp,RepeatedHourFlag,SettlementPoint,LMP";
    }

    @Override
    List<String> fields() {
        return List.of("SCEDTimestamp", "repeatHourFlag", "settlementPoint", "LMP");
    }

    @Override
    List<List<Object>> records(long k) {
        return rows(k, false);
    }

    @Override
    List<List<Object>> apiRecords(long k) {
        return rows(k, true);
    }

    private List<List<Object>> rows(long k, boolean api) {
        Instant run = start(k);
        LocalDateTime local = run.atZone(SppPostings.ZONE).toLocalDateTime();
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < POINTS.length; i++) {
            double lmp = value(Double.parseDouble(POINTS[i][1]), k, i);
            out.add(List.of(local, repeated(run), POINTS[i][0], api ? (Object) lmp : String.format("%12s", lmp)));
        }
        return out;
    }

    @Override
    Instant postedAt(long k) {
        return start(k).plusSeconds(20);
    }
}
