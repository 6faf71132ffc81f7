package dev.pmp.spi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Ordered typed columns and the natural key of one dataset's table. Time columns come first (see
 * {@link TimeShape}), then key columns, then values. The store adds its own system columns
 * ({@code ingested_at_utc}, {@code fetch_id}); they are not part of a schema.
 *
 * @param columns the columns in table order
 * @param naturalKey names of the columns that identify a row; a subset of {@code columns}
 */
public record Schema(List<Column> columns, List<String> naturalKey) {

    /** Column names the store reserves for itself. */
    public static final Set<String> SYSTEM_COLUMNS = Set.of("ingested_at_utc", "fetch_id");

    public Schema {
        columns = List.copyOf(columns);
        naturalKey = List.copyOf(naturalKey);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a schema needs at least one column");
        }
        Set<String> names = new HashSet<>();
        for (Column c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("duplicate column " + c.name());
            }
            if (SYSTEM_COLUMNS.contains(c.name())) {
                throw new IllegalArgumentException("column name is reserved for the store: " + c.name());
            }
        }
        if (naturalKey.isEmpty()) {
            throw new IllegalArgumentException("a schema needs a natural key");
        }
        for (String k : naturalKey) {
            if (!names.contains(k)) {
                throw new IllegalArgumentException("key column " + k + " is not in the schema");
            }
        }
        for (Column c : columns) {
            if (c.nullable() && naturalKey.contains(c.name())) {
                throw new IllegalArgumentException("key column " + c.name() + " cannot be nullable");
            }
        }
    }

    /** Starts a schema of the given shape: its time columns are added for you. */
    public static Builder builder(TimeShape shape) {
        return new Builder(shape);
    }

    /** Position of a column, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public Column column(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        return columns.get(i);
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** Columns that are not part of the natural key, in table order. */
    public List<Column> valueColumns() {
        return columns.stream().filter(c -> !naturalKey.contains(c.name())).toList();
    }

    public int width() {
        return columns.size();
    }

    /**
     * Checks one row against the types and nullability of this schema. A value's class is compared
     * exactly: every column type's Java class is final.
     *
     * @return a description of the first problem, or {@code null} when the row fits
     */
    public String problemWith(Row row) {
        if (row.width() != columns.size()) {
            return "row has " + row.width() + " values, schema has " + columns.size() + " columns";
        }
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            Object v = row.get(i);
            if (v == null) {
                if (!c.nullable()) {
                    return "column " + c.name() + " is empty";
                }
            } else if (v.getClass() != c.type().javaType()) {
                return "column " + c.name() + " holds a " + v.getClass().getSimpleName() + ", expected " + c.type();
            } else if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
                return "column " + c.name() + " is not a finite number: " + d;
            }
        }
        return null;
    }

    /** Builds a {@link Schema}; time columns of the shape are already in place. */
    public static final class Builder {
        private final List<Column> columns = new ArrayList<>();
        private final List<String> key = new ArrayList<>();
        private final Map<String, Boolean> seen = new HashMap<>();

        private Builder(TimeShape shape) {
            for (String t : shape.timeColumns()) {
                columns.add(Column.required(t, ColumnType.TIMESTAMP, "", timeDescription(t)));
                seen.put(t, true);
            }
        }

        /** Adds a key column; the shape's grid column is always part of the key. */
        public Builder key(String name, ColumnType type, String description) {
            add(Column.required(name, type, "", description));
            key.add(name);
            return this;
        }

        /** Adds a value column. */
        public Builder value(String name, ColumnType type, String unit, String description) {
            return add(Column.optional(name, type, unit, description));
        }

        public Builder add(Column column) {
            Objects.requireNonNull(column);
            if (seen.put(column.name(), true) != null) {
                throw new IllegalArgumentException("duplicate column " + column.name());
            }
            columns.add(column);
            return this;
        }

        public Schema build() {
            List<String> naturalKey = new ArrayList<>();
            naturalKey.add(columns.get(0).name());
            naturalKey.addAll(key);
            return new Schema(columns, naturalKey);
        }

        private static String timeDescription(String name) {
            return switch (name) {
                case "time_utc" -> "instant of the sample, UTC";
                case "interval_start_utc" -> "start of the interval (inclusive), UTC";
                case "interval_end_utc" -> "end of the interval (exclusive), UTC";
                default -> name;
            };
        }
    }
}
