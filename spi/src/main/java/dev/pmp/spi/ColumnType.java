package dev.pmp.spi;

import java.time.Instant;
import java.time.LocalDate;

/** The value types a column can hold, with the Java type a {@link Row} carries for each. */
public enum ColumnType {
    /** An instant in UTC; Java {@link Instant}. */
    TIMESTAMP(Instant.class),
    /** A calendar date without zone; Java {@link LocalDate}. */
    DATE(LocalDate.class),
    /** A 64-bit float; Java {@link Double}. Written back with the shortest decimal that round-trips. */
    DOUBLE(Double.class),
    /** A 64-bit integer; Java {@link Long}. */
    BIGINT(Long.class),
    /** Text; Java {@link String}. */
    VARCHAR(String.class),
    /** Java {@link Boolean}. */
    BOOLEAN(Boolean.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The class every non-null value of this type has inside a {@link Row}. */
    public Class<?> javaType() {
        return javaType;
    }
}
