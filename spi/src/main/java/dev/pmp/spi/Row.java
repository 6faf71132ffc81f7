package dev.pmp.spi;

import java.time.Instant;
import java.util.Arrays;

/**
 * One row of a dataset, values in schema order. Values are {@code null} or of the Java type of
 * their column's {@link ColumnType}. Immutable: the array handed in is copied.
 */
public final class Row {
    private final Object[] values;

    private Row(Object[] values) {
        this.values = values;
    }

    /** A row holding a copy of {@code values}. */
    public static Row of(Object... values) {
        return new Row(values.clone());
    }

    public int width() {
        return values.length;
    }

    public Object get(int index) {
        return values[index];
    }

    public Instant instant(int index) {
        return (Instant) values[index];
    }

    public Double number(int index) {
        return (Double) values[index];
    }

    public String text(int index) {
        return (String) values[index];
    }

    /** A copy of the values. */
    public Object[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
