package dev.pmp.spi;

import java.util.Objects;
import java.util.Set;

/**
 * Which rows of a scan are wanted: those whose text column {@code column} equals one of {@code values} or starts
 * with one of {@code prefixes} (one battery's resources, by name and name stem). Stores apply it in their query
 * ({@link StoreView#scan(Dataset, Window, KeyFilter, RowSink)}); a null value never matches.
 *
 * @param column the name of a VARCHAR column of the dataset
 * @param values exact values kept
 * @param prefixes value prefixes kept (matched literally: {@code %} and {@code _} are not wildcards)
 */
public record KeyFilter(String column, Set<String> values, Set<String> prefixes) {

    public KeyFilter {
        Objects.requireNonNull(column, "column");
        values = Set.copyOf(values);
        prefixes = Set.copyOf(prefixes);
    }

    /** Whether a row whose column holds {@code value} is kept. */
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

    /**
     * The position of {@link #column} in the dataset's schema.
     *
     * @throws IllegalArgumentException if it is not a VARCHAR column of the dataset
     */
    public int columnIn(Dataset dataset) {
        int c = dataset.schema().indexOf(column);
        if (c < 0 || dataset.schema().columns().get(c).type() != ColumnType.VARCHAR) {
            throw new IllegalArgumentException(dataset.id() + " has no text column " + column);
        }
        return c;
    }

    /**
     * The filter as a standard SQL condition on {@code quotedColumn}: {@code col IN (?, ...) OR col LIKE ? ESCAPE
     * '\' ...} ({@code FALSE} when it keeps nothing); its arguments are added to {@code arguments} in order.
     */
    public String sqlCondition(String quotedColumn, java.util.List<String> arguments) {
        java.util.List<String> terms = new java.util.ArrayList<>();
        if (!values.isEmpty()) {
            terms.add(quotedColumn + " IN (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")");
            arguments.addAll(new java.util.TreeSet<>(values));
        }
        for (String prefix : new java.util.TreeSet<>(prefixes)) {
            terms.add(quotedColumn + " LIKE ? ESCAPE '\\'");
            arguments.add(likePrefix(prefix));
        }
        return terms.isEmpty() ? "FALSE" : String.join(" OR ", terms);
    }

    /** {@code p} as a SQL {@code LIKE} pattern matching values that start with it, escaped with {@code \}. */
    public static String likePrefix(String p) {
        return p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
