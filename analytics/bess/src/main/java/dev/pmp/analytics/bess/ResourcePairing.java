package dev.pmp.analytics.bess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How resources are tied into batteries, since ERCOT publishes no pairing (spec §5.1).
 *
 * <p><b>Load resource to PWRSTR</b> ({@link #storageOf}), first rule that gives exactly one candidate wins:
 * <ol>
 *   <li>an override line {@code LOAD = GEN} (or {@code LOAD = -}: never paired);</li>
 *   <li>suffix rule: {@code STEM_LDn} pairs with {@code STEM_UNITn}, {@code STEM_BESSn} or {@code STEM_ESSn}
 *       (same stem, same number, the number may be absent);</li>
 *   <li>prefix rule: the load's name up to its first {@code _} equals that of exactly one PWRSTR.</li>
 * </ol>
 * Ambiguous or unmatched load resources are not paired: they are not counted (industrial controllable loads are
 * load resources too).
 *
 * <p><b>PWRSTR to ESR across RTC+B</b> ({@link #predecessor}): the same name is the same battery; otherwise an
 * override line {@code OLD_PWRSTR = NEW_ESR}, else the one not yet continued PWRSTR at the same settlement point,
 * else the one with the same prefix up to the first {@code _}.
 *
 * @param overrides resource name to the storage resource it belongs to; the value {@code -} forbids pairing
 */
public record ResourcePairing(Map<String, String> overrides) {

    /** The rules without overrides. */
    public static final ResourcePairing RULES_ONLY = new ResourcePairing(Map.of());

    /** The value of an override that forbids pairing the resource. */
    public static final String NEVER = "-";

    private static final Pattern GEN_SUFFIX = Pattern.compile("(.+)_(?:UNIT|BESS|ESS)(\\d*)");
    private static final Pattern LOAD_SUFFIX = Pattern.compile("(.+)_LD(\\d*)");

    /** Copies the overrides. */
    public ResourcePairing {
        overrides = Map.copyOf(overrides);
    }

    /**
     * Overrides from lines {@code RESOURCE = BATTERY_RESOURCE}; blank lines and lines starting with {@code #} are
     * skipped; names are upper-cased.
     *
     * @throws IllegalArgumentException naming the first malformed line
     */
    public static ResourcePairing parse(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? "" : line.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            String value = eq < 0 ? "" : line.substring(eq + 1).strip().toUpperCase(Locale.ROOT);
            if (key.isEmpty() || value.isEmpty() || key.contains(" ") || value.contains(" ")) {
                throw new IllegalArgumentException("pairing line " + (i + 1) + " must be RESOURCE = BATTERY_RESOURCE"
                        + " (or RESOURCE = -), not: " + line);
            }
            if (out.put(key, value) != null) {
                throw new IllegalArgumentException("pairing line " + (i + 1) + " pairs " + key + " a second time");
            }
        }
        return new ResourcePairing(out);
    }

    /**
     * Overrides read from a UTF-8 file in the {@link #parse} format.
     *
     * @throws IOException if the file cannot be read
     */
    public static ResourcePairing read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** The name up to its first {@code _}, or the whole name. */
    static String prefix(String name) {
        int i = name.indexOf('_');
        return i < 0 ? name : name.substring(0, i);
    }

    /**
     * The PWRSTR generation resource among {@code storage} that load resource {@code load} belongs to, or null
     * when no rule gives exactly one.
     */
    public String storageOf(String load, Collection<String> storage) {
        String forced = overrides.get(load);
        if (forced != null) {
            return NEVER.equals(forced) ? null : forced;
        }
        Matcher l = LOAD_SUFFIX.matcher(load);
        if (l.matches()) {
            String found = null;
            int count = 0;
            String stem = l.group(1) + "_";
            for (String g : storage) {
                // The cheap test first: the registry asks this for every load resource of ERCOT, once a chunk.
                if (!g.startsWith(stem)) {
                    continue;
                }
                Matcher m = GEN_SUFFIX.matcher(g);
                if (m.matches() && m.group(1).equals(l.group(1)) && m.group(2).equals(l.group(2))) {
                    found = g;
                    count++;
                }
            }
            if (count == 1) {
                return found;
            }
        }
        return unique(prefix(load), storage);
    }

    /**
     * The earlier storage resource an ESR continues, among {@code candidates} (PWRSTR names not yet continued, with
     * their settlement points), or null. The same name is handled by the caller.
     *
     * @param node the ESR's settlement point, null when unknown (a SCED row)
     */
    public String predecessor(String esr, String node, Map<String, String> candidates) {
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            if (o.getValue().equals(esr) && candidates.containsKey(o.getKey())) {
                return o.getKey();
            }
        }
        if (NEVER.equals(overrides.get(esr))) {
            return null;
        }
        if (node != null && !node.isEmpty()) {
            List<String> atNode = new ArrayList<>();
            candidates.forEach((name, sp) -> {
                if (node.equals(sp)) {
                    atNode.add(name);
                }
            });
            if (atNode.size() == 1) {
                return atNode.get(0);
            }
        }
        return unique(prefix(esr), candidates.keySet());
    }

    private static String unique(String prefix, Collection<String> names) {
        String found = null;
        String withSeparator = prefix + "_";
        for (String g : names) {
            if (g.startsWith(withSeparator) || g.equals(prefix)) {
                if (found != null) {
                    return null;
                }
                found = g;
            }
        }
        return found;
    }

    /** Every resource name the overrides tie to {@code name}, either way, for a single battery's filtered scans. */
    List<String> namesTiedTo(String name) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            if (o.getValue().equals(name)) {
                out.add(o.getKey());
            } else if (o.getKey().equals(name) && !NEVER.equals(o.getValue())) {
                out.add(o.getValue());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "ResourcePairing[" + overrides.size() + " overrides]";
    }
}
