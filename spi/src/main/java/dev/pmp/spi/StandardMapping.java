package dev.pmp.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one dataset feeds one {@link StandardTable}: a value for every column of the table. A source lists
 * its mappings in {@link Source#standardMappings()}; the store unions them into the table's view.
 *
 * @param table the standard table fed
 * @param datasetId the dataset read
 * @param values one entry per column of {@code table}, in the table's column order
 */
public record StandardMapping(StandardTable table, String datasetId, Map<String, StandardValue> values) {

    public StandardMapping {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(datasetId, "datasetId");
        Map<String, StandardValue> ordered = new LinkedHashMap<>();
        for (Column c : table.columns()) {
            StandardValue v = values.get(c.name());
            if (v == null) {
                throw new IllegalArgumentException(datasetId + " -> " + table.tableName() + ": no value for "
                        + c.name() + "; give StandardValue.absent() for a component it lacks");
            }
            ordered.put(c.name(), v);
        }
        for (String k : values.keySet()) {
            if (!ordered.containsKey(k)) {
                throw new IllegalArgumentException(datasetId + " -> " + table.tableName() + ": no column " + k
                        + " in " + table.columns().stream().map(Column::name).toList());
            }
        }
        values = java.util.Collections.unmodifiableMap(ordered);
    }

    /** Starts a mapping; {@link Builder#build()} checks every column is given. */
    public static Builder of(StandardTable table, Dataset dataset) {
        return new Builder(table, dataset);
    }

    /**
     * Checks the mapping against the dataset's schema: referenced columns exist, shifted columns are
     * timestamps.
     *
     * @return a problem, or empty when the mapping fits
     */
    public java.util.Optional<String> problemWith(Dataset dataset) {
        if (!dataset.id().equals(datasetId)) {
            return java.util.Optional.of("mapping is for " + datasetId + ", not " + dataset.id());
        }
        List<Column> cols = dataset.schema().columns();
        for (Map.Entry<String, StandardValue> e : values.entrySet()) {
            StandardValue v = e.getValue();
            String ref = v instanceof StandardValue.ColumnRef r ? r.column()
                    : v instanceof StandardValue.Shifted s ? s.column() : null;
            if (ref == null) {
                continue;
            }
            Column c = cols.stream().filter(x -> x.name().equals(ref)).findFirst().orElse(null);
            if (c == null) {
                return java.util.Optional.of(datasetId + " -> " + table.tableName() + "." + e.getKey()
                        + ": dataset has no column " + ref);
            }
            ColumnType want = table.columns().stream().filter(x -> x.name().equals(e.getKey())).findFirst()
                    .orElseThrow().type();
            boolean fits = want == ColumnType.DOUBLE ? c.type() == ColumnType.DOUBLE || c.type() == ColumnType.BIGINT
                    : want == c.type();
            if (!fits) {
                return java.util.Optional.of(datasetId + " -> " + table.tableName() + "." + e.getKey() + ": column "
                        + ref + " is " + c.type() + ", needs " + want);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The SELECT that reads this mapping's rows in the standard table's shape, for a store to union into
     * the table's view. Every value is cast to the store's type of the standard column, so the parts of a
     * union agree.
     *
     * @param qualifiedTable the dataset's table, quoted and qualified as the store names it
     * @param sqlType the store's SQL type of a column type
     */
    public String selectSql(String qualifiedTable, java.util.function.Function<ColumnType, String> sqlType) {
        java.util.StringJoiner select = new java.util.StringJoiner(", ", "SELECT ", " FROM " + qualifiedTable);
        for (Column c : table.columns()) {
            StandardValue v = values.get(c.name());
            String expression;
            if (v instanceof StandardValue.ColumnRef r) {
                expression = quote(r.column());
            } else if (v instanceof StandardValue.Shifted sh) {
                expression = "(" + quote(sh.column()) + " + INTERVAL '" + sh.by().toSeconds() + " seconds')";
            } else if (v instanceof StandardValue.Constant k) {
                expression = k.value() instanceof String text ? "'" + text.replace("'", "''") + "'"
                        : Double.toString((Double) k.value());
            } else {
                expression = "NULL";
            }
            select.add("CAST(" + expression + " AS " + sqlType.apply(c.type()) + ") AS " + quote(c.name()));
        }
        return select.toString();
    }

    /**
     * The body of {@code table}'s view: the union of the mappings into it whose dataset tables exist, or a
     * typed SELECT with no rows when none does.
     *
     * @param existing whether the dataset with this id has a table in the store
     * @param qualifiedTable the store's quoted, qualified name of a dataset's table, by dataset id
     * @param sqlType the store's SQL type of a column type
     */
    public static String viewSql(StandardTable table, List<StandardMapping> mappings,
            java.util.function.Predicate<String> existing, java.util.function.Function<String, String> qualifiedTable,
            java.util.function.Function<ColumnType, String> sqlType) {
        java.util.StringJoiner union = new java.util.StringJoiner(" UNION ALL ");
        for (StandardMapping m : mappings) {
            if (m.table() == table && existing.test(m.datasetId())) {
                union.add(m.selectSql(qualifiedTable.apply(m.datasetId()), sqlType));
            }
        }
        if (union.length() > 0) {
            return union.toString();
        }
        java.util.StringJoiner select = new java.util.StringJoiner(", ", "SELECT ", " WHERE 1 = 0");
        for (Column c : table.columns()) {
            select.add("CAST(NULL AS " + sqlType.apply(c.type()) + ") AS " + quote(c.name()));
        }
        return select.toString();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Collects the values of a mapping. */
    public static final class Builder {
        private final StandardTable table;
        private final Dataset dataset;
        private final Map<String, StandardValue> values = new LinkedHashMap<>();

        private Builder(StandardTable table, Dataset dataset) {
            this.table = Objects.requireNonNull(table, "table");
            this.dataset = Objects.requireNonNull(dataset, "dataset");
        }

        /** The standard column takes the dataset column {@code datasetColumn}. */
        public Builder column(String standardColumn, String datasetColumn) {
            values.put(standardColumn, StandardValue.column(datasetColumn));
            return this;
        }

        /** The standard column takes the timestamp column {@code datasetColumn} shifted by {@code by}. */
        public Builder shifted(String standardColumn, String datasetColumn, java.time.Duration by) {
            values.put(standardColumn, StandardValue.shifted(datasetColumn, by));
            return this;
        }

        /** The standard column is the constant {@code text}. */
        public Builder constant(String standardColumn, String text) {
            values.put(standardColumn, StandardValue.constant(text));
            return this;
        }

        /** The standard column is NULL for this dataset. */
        public Builder absent(String standardColumn) {
            values.put(standardColumn, StandardValue.absent());
            return this;
        }

        /** Fills every column not yet given with {@link StandardValue#absent()}. */
        public Builder restAbsent() {
            for (Column c : table.columns()) {
                values.putIfAbsent(c.name(), StandardValue.absent());
            }
            return this;
        }

        /** @throws IllegalArgumentException when a column is missing or does not fit the dataset */
        public StandardMapping build() {
            StandardMapping m = new StandardMapping(table, dataset.id(), values);
            m.problemWith(dataset).ifPresent(p -> {
                throw new IllegalArgumentException(p);
            });
            return m;
        }
    }
}
