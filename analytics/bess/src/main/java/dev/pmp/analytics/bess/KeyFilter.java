package dev.pmp.analytics.bess;

import java.util.Objects;
import java.util.Set;

/**
 * Which rows of a scan are wanted: those whose text column {@code column} equals one of {@code values} or starts with
 * one of {@code prefixes}. A store that can apply it before building rows implements {@link FilteredScan}.
 *
 * @param column the name of a text column of the dataset
 * @param values exact values kept
 * @param prefixes value prefixes kept
 */
public record KeyFilter(String column, Set<String> values, Set<String> prefixes) {

    /** Copies the sets. */
    public KeyFilter {
        Objects.requireNonNull(column, "column");
        values = Set.copyOf(values);
        prefixes = Set.copyOf(prefixes);
    }

    /** Whether a row whose column holds {@code value} is kept; a null value never is. */
    public boolean matches(String value) {
        if (value == null) {
            return false;
        }
        if (values.contains(value)) {
            return true;
        }
        for (String p : prefixes) {
            if (value.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
