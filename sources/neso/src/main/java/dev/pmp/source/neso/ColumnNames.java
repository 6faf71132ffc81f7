package dev.pmp.source.neso;

import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds a page's columns by name, never by position: case and surrounding blanks are ignored, and a
 * quantity may go by older names in older resources. One instance per page; not thread-safe.
 */
final class ColumnNames {
    private final Map<String, String> unused = new LinkedHashMap<>();
    private final List<String> all;
    private final String what;

    ColumnNames(List<String> fields, String what) {
        this.all = List.copyOf(fields);
        this.what = what;
        for (String f : fields) {
            unused.putIfAbsent(key(f), f);
        }
    }

    /**
     * The page's name of the first of {@code names} it has.
     *
     * @throws SourceException {@link Failure#BAD_DATA} naming the column when the page has none of them
     */
    String required(String... names) throws SourceException {
        String found = optional(names);
        if (found == null) {
            throw new SourceException(Failure.BAD_DATA, what + " has no column " + String.join(" or ", names)
                    + "; it has " + all);
        }
        return found;
    }

    /** The page's name of the first of {@code names} it has, or null. */
    String optional(String... names) {
        for (String n : names) {
            String found = unused.remove(key(n));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The columns not asked for, for a note; empty when every column was used. */
    List<String> unknown() {
        return new ArrayList<>(unused.values());
    }

    private static String key(String name) {
        return name.strip().toUpperCase(Locale.ROOT);
    }
}
