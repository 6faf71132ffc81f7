package dev.pmp.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * Where one column of a {@link StandardTable} comes from in a dataset's table: a column, a column plus a
 * fixed duration, a constant, or nothing. Deliberately not free SQL, so every store renders it.
 */
public sealed interface StandardValue {

    /** The dataset column of that name. */
    record ColumnRef(String column) implements StandardValue {
        public ColumnRef {
            Objects.requireNonNull(column, "column");
        }
    }

    /** A TIMESTAMP column shifted by a fixed duration (interval end = start + 5 minutes). */
    record Shifted(String column, Duration by) implements StandardValue {
        public Shifted {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(by, "by");
        }
    }

    /** A constant text or number. */
    record Constant(Object value) implements StandardValue {
        public Constant {
            Objects.requireNonNull(value, "value");
            if (!(value instanceof String) && !(value instanceof Double)) {
                throw new IllegalArgumentException("a constant is a String or a Double: " + value);
            }
        }
    }

    /** No value (SQL NULL): the dataset does not publish this component. */
    record Absent() implements StandardValue {
    }

    static StandardValue column(String name) {
        return new ColumnRef(name);
    }

    static StandardValue shifted(String name, Duration by) {
        return new Shifted(name, by);
    }

    static StandardValue constant(String text) {
        return new Constant(text);
    }

    static StandardValue absent() {
        return new Absent();
    }
}
