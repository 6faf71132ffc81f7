package dev.pmp.source.caiso;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of the CAISO source, read once from {@link Settings}.
 *
 * @param oasisUrl the OASIS {@code SingleZip} endpoint; absolute http(s), no query, fragment or credentials
 * @param outlookBase the Today's Outlook root that {@code /history/YYYYMMDD/<file>.csv} is appended to
 * @param nodes the pricing nodes the LMP datasets read; empty means every node ({@code grp_type=ALL})
 */
public record CaisoSettings(URI oasisUrl, URI outlookBase, List<String> nodes) {

    /** Overrides the OASIS endpoint (a proxy, the simulator); default {@link #DEFAULT_OASIS_URL}. */
    public static final String OASIS_URL = "PMP_CAISO_OASIS_URL";
    /** Overrides the Today's Outlook root; default {@link #DEFAULT_OUTLOOK_URL}. */
    public static final String OUTLOOK_URL = "PMP_CAISO_OUTLOOK_URL";
    /** {@code ALL} for every pricing node, or a comma-separated list; default {@link #DEFAULT_NODES}. */
    public static final String NODES = "PMP_CAISO_NODES";

    /** CAISO's public OASIS API. */
    public static final URI DEFAULT_OASIS_URL = URI.create("https://oasis.caiso.com/oasisapi/SingleZip");
    /** CAISO's Today's Outlook site. */
    public static final URI DEFAULT_OUTLOOK_URL = URI.create("https://www.caiso.com/outlook");
    /** The three trading hubs and the four default load aggregation points. */
    public static final List<String> DEFAULT_NODES = List.of("TH_NP15_GEN-APND", "TH_SP15_GEN-APND",
            "TH_ZP26_GEN-APND", "DLAP_PGAE-APND", "DLAP_SCE-APND", "DLAP_SDGE-APND", "DLAP_VEA-APND");

    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9_.\\-]+");

    public CaisoSettings {
        Objects.requireNonNull(oasisUrl, "oasisUrl");
        Objects.requireNonNull(outlookBase, "outlookBase");
        nodes = List.copyOf(nodes);
    }

    /** The defaults: CAISO's own sites and {@link #DEFAULT_NODES}. */
    public static CaisoSettings defaults() {
        return new CaisoSettings(DEFAULT_OASIS_URL, DEFAULT_OUTLOOK_URL, DEFAULT_NODES);
    }

    /**
     * Reads and checks the settings.
     *
     * @throws SourceException {@link Failure#CONFIG} when a URL is unusable or a node name is malformed
     */
    public static CaisoSettings from(Settings settings) throws SourceException {
        Optional<String> nodes = settings.value(NODES);
        return new CaisoSettings(
                settings.baseUrl(OASIS_URL, DEFAULT_OASIS_URL),
                settings.baseUrl(OUTLOOK_URL, DEFAULT_OUTLOOK_URL),
                nodes.isPresent() ? nodes(nodes.get()) : DEFAULT_NODES);
    }

    /** Whether the LMP datasets read every node. */
    public boolean allNodes() {
        return nodes.isEmpty();
    }

    private static List<String> nodes(String text) throws SourceException {
        if (text.strip().equalsIgnoreCase("ALL")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String node = part.strip().toUpperCase(Locale.ROOT);
            if (node.isEmpty()) {
                continue;
            }
            if (!NODE.matcher(node).matches()) {
                throw new SourceException(Failure.CONFIG, NODES + " holds \"" + node + "\", which is not a node name "
                        + "(letters, digits, _ . -); give ALL or a list such as TH_NP15_GEN-APND,DLAP_PGAE-APND");
            }
            if (!out.contains(node)) {
                out.add(node);
            }
        }
        if (out.isEmpty()) {
            throw new SourceException(Failure.CONFIG, NODES + " names no node; give ALL or a comma-separated list");
        }
        return out;
    }

}
