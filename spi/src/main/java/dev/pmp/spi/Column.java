package dev.pmp.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One typed column of a dataset's table.
 *
 * @param name lower snake case, unique inside its schema
 * @param type value type
 * @param unit unit of the values ({@code "MW"}, {@code "$/MWh"}), empty when the column has none
 * @param description what the column holds, including the operator's own field name
 * @param nullable whether a row may leave it empty; key and time columns never are
 */
public record Column(String name, ColumnType type, String unit, String description, boolean nullable) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("column name must be lower snake case: " + name);
        }
    }

    /** A column that every row must fill. */
    public static Column required(String name, ColumnType type, String unit, String description) {
        return new Column(name, type, unit, description, false);
    }

    /** A column a row may leave empty. */
    public static Column optional(String name, ColumnType type, String unit, String description) {
        return new Column(name, type, unit, description, true);
    }
}
