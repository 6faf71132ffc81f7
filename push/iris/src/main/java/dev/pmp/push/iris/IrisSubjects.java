package dev.pmp.push.iris;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps an IRIS message subject (the dataset code) to a pmp dataset id {@code elexon.<code lower case>}. Three
 * IRIS names differ from the Insights API codes the {@code elexon} source uses: {@code SYS_WARN} is
 * {@code SYSWARN}, {@code LOLPDM} is {@code LOLPDRM} and {@code E0361} (credit default notices) is {@code CDN}.
 */
public final class IrisSubjects {
    private static final Map<String, String> API_CODE = Map.of(
            "SYS_WARN", "SYSWARN",
            "LOLPDM", "LOLPDRM",
            "E0361", "CDN");
    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private IrisSubjects() {
    }

    /** The Insights API code for an IRIS subject (the subject itself unless it is one of the three renamed). */
    public static String apiCode(String subject) {
        String upper = subject.trim().toUpperCase(Locale.ROOT);
        return API_CODE.getOrDefault(upper, upper);
    }

    /**
     * The dataset id a subject names.
     *
     * @return empty when the subject is not a dataset code (blank, or other characters than letters, digits
     *     and underscores)
     */
    public static Optional<String> datasetId(String subject) {
        String trimmed = subject.trim();
        if (!CODE.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        return Optional.of("elexon." + apiCode(trimmed).toLowerCase(Locale.ROOT));
    }
}
