package dev.pmp.source.nyiso;

import dev.pmp.source.nyiso.mis.FileFormat;
import dev.pmp.source.nyiso.mis.FileFormat.ValueColumn;
import dev.pmp.source.nyiso.mis.Labelling;
import dev.pmp.source.nyiso.mis.Numbers;
import dev.pmp.source.nyiso.mis.RowMaker;
import dev.pmp.spi.ColumnType;
import dev.pmp.spi.Row;
import dev.pmp.spi.Schema;
import dev.pmp.spi.TimeShape;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The LBMP files ({@code damlbmp}, {@code realtime}, {@code rtlbmp}, each as {@code _zone} and {@code _gen}):
 * their layout and the rows they make. NYISO publishes congestion with the opposite sign to other ISOs
 * ({@code LBMP = energy + losses - congestion}); pmp stores {@code congestion} negated, so that
 * {@code lmp = energy + congestion + loss}, and derives {@code energy = lmp - loss - congestion} (NYISO
 * publishes no energy column).
 */
final class Lbmp {

    /** The reference bus of the {@code _gen} files, kept by default as NYISO's hub-like price. */
    static final String REFERENCE_BUS = "NYISO_LBMP_REFERENCE";

    /** The 11 load zones of the {@code _zone} files (spec §5); the file's other rows are external proxies. */
    static final Set<String> LOAD_ZONES = Set.of("WEST", "GENESE", "CENTRL", "NORTH", "MHK VL", "CAPITL", "HUD VL",
            "MILLWD", "DUNWOD", "N.Y.C.", "LONGIL");

    static final List<Integer> KEY = List.of(0, 2);

    private static final List<ValueColumn> VALUES = List.of(
            ValueColumn.of("LBMP ($/MWHr)", "LBMP ($/MWH"),
            ValueColumn.of("Marginal Cost Losses ($/MWHr)", "Marginal Cost Losses ($/MWH"),
            ValueColumn.of("Marginal Cost Congestion ($/MWHr)", "Marginal Cost Congestion ($/MWH"));

    private Lbmp() {
    }

    static Schema schema(String what) {
        return Schema.builder(TimeShape.INTERVAL)
                .key("location", ColumnType.VARCHAR, "NYISO \"Name\": load zone, external proxy or generator bus")
                .value("location_type", ColumnType.VARCHAR, "", "zone (the 11 load zones), interface (external "
                        + "proxies of the _zone file), hub (" + REFERENCE_BUS + "), resource (other generator buses)")
                .value("ptid", ColumnType.BIGINT, "", "NYISO \"PTID\", the point id")
                .value("lmp", ColumnType.DOUBLE, "$/MWh", "NYISO \"LBMP ($/MWHr)\": " + what)
                .value("loss", ColumnType.DOUBLE, "$/MWh", "NYISO \"Marginal Cost Losses ($/MWHr)\"")
                .value("congestion", ColumnType.DOUBLE, "$/MWh", "minus NYISO \"Marginal Cost Congestion ($/MWHr)\", "
                        + "so that lmp = energy + congestion + loss")
                .value("energy", ColumnType.DOUBLE, "$/MWh", "lmp - loss - congestion (NYISO publishes no energy "
                        + "column), rounded to 6 decimals")
                .build();
    }

    /** The layout of the {@code _zone} (zones and external proxies) or {@code _gen} file. */
    static FileFormat format(Labelling labelling, Duration cadence, boolean splitsAdvisory, RowMaker maker) {
        return new FileFormat(labelling, cadence, false, Optional.of("Name"), true, VALUES, false, splitsAdvisory, KEY,
                maker);
    }

    /** Rows of a {@code _zone} file: every row, typed zone or interface. */
    static RowMaker zones() {
        return (day, start, end, name, ptid, v, out) ->
                out.add(row(start, end, name, LOAD_ZONES.contains(name) ? "zone" : "interface", ptid, v));
    }

    /** Rows of a {@code _gen} file: the reference bus, and every generator bus when {@code generators}. */
    static RowMaker generators(boolean generators) {
        return (day, start, end, name, ptid, v, out) -> {
            boolean reference = name.equals(REFERENCE_BUS);
            if (reference || generators) {
                out.add(row(start, end, name, reference ? "hub" : "resource", ptid, v));
            }
        };
    }

    private static Row row(java.time.Instant start, java.time.Instant end, String name, String type, Long ptid,
            double[] v) {
        // 0.0 - x rather than -x: a published 0.00 stays +0.0 (NaN, an empty cell, stays NaN)
        double congestion = 0.0 - v[2];
        double energy = Math.round((v[0] - v[1] - congestion) * 1e6) / 1e6;
        return Row.of(start, end, name, type, ptid, Numbers.box(v[0]), Numbers.box(v[1]), Numbers.box(congestion),
                Double.isNaN(v[0]) || Double.isNaN(v[1]) || Double.isNaN(v[2]) ? null : Numbers.box(energy));
    }
}
