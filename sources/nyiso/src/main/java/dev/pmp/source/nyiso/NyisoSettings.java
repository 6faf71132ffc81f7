package dev.pmp.source.nyiso;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import java.net.URI;
import java.net.URISyntaxException;
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
        Optional<String> base = settings.value(MIS_URL);
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
        return new NyisoSettings(base.isPresent() ? base(base.get().strip()) : DEFAULT_MIS_BASE, all);
    }

    private static URI base(String text) throws SourceException {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("is not a URL (" + e.getReason() + ")");
        }
        if (uri.getRawUserInfo() != null) {
            // Never echo the value: it would carry the credentials into the log.
            throw new SourceException(Failure.CONFIG, MIS_URL + " must not contain credentials");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw invalid("is \"" + text + "\", expected an http or https URL such as " + DEFAULT_MIS_BASE);
        }
        if (uri.getHost() == null) {
            throw invalid("is \"" + text + "\", which names no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("is \"" + text + "\"; it must not carry a query or fragment");
        }
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }

    private static SourceException invalid(String problem) {
        return new SourceException(Failure.CONFIG, MIS_URL + " " + problem);
    }
}
