package dev.pmp.source.nyiso;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of the NYISO source, read once from {@link Settings}.
 *
 * @param misBase the folder the dataset folders hang under ({@code <misBase>/realtime/20240101realtime_zone.csv});
 *     absolute {@code http} or {@code https}, no query, fragment or credentials, no trailing slash
 * @param generators whether the LBMP datasets keep every generator bus of the {@code _gen} files, not only
 *     the reference bus {@code NYISO_LBMP_REFERENCE}
 */
public record NyisoSettings(URI misBase, boolean generators) {

    /** Overrides where the MIS files are read from (a mirror, the simulator); default {@link #DEFAULT_MIS_BASE}. */
    public static final String MIS_URL = "PMP_NYISO_MIS_URL";

    /** {@code true} keeps all generator buses in the LBMP datasets; default {@code false}. */
    public static final String GENERATORS = "PMP_NYISO_GENERATORS";

    /** NYISO's public MIS CSV folder (spec §1: gridstatus reads the daily and monthly files over http). */
    public static final URI DEFAULT_MIS_BASE = URI.create("http://mis.nyiso.com/public/csv");

    public NyisoSettings {
        Objects.requireNonNull(misBase, "misBase");
    }

    /**
     * Reads and checks the settings.
     *
     * @throws SourceException {@link Failure#CONFIG} when {@value #MIS_URL} is not a usable URL or
     *     {@value #GENERATORS} is not {@code true} or {@code false}
     */
    public static NyisoSettings from(Settings settings) throws SourceException {
        Optional<String> generators = settings.value(GENERATORS);
        boolean all = false;
        if (generators.isPresent()) {
            String g = generators.get().strip().toLowerCase(Locale.ROOT);
            if (!g.equals("true") && !g.equals("false")) {
                throw new SourceException(Failure.CONFIG, GENERATORS + " is \"" + generators.get()
                        + "\", expected true or false");
            }
            all = g.equals("true");
        }
        return new NyisoSettings(settings.baseUrl(MIS_URL, DEFAULT_MIS_BASE), all);
    }

}
