package dev.pmp.source.elexon;

import dev.pmp.spi.ColumnType;

/** The type of one field of an Insights row, as the OpenAPI document declares it. */
enum FieldType {
    /** {@code string/date-time}: an instant, stored as TIMESTAMP. */
    TIMESTAMP('T', ColumnType.TIMESTAMP),
    /** {@code string/date} ({@code yyyy-MM-dd}): a settlement or forecast date. */
    DATE('D', ColumnType.DATE),
    /** {@code number}. */
    DOUBLE('F', ColumnType.DOUBLE),
    /** {@code integer}. */
    BIGINT('I', ColumnType.BIGINT),
    /** {@code string}. */
    TEXT('S', ColumnType.VARCHAR),
    /** {@code boolean}. */
    BOOLEAN('B', ColumnType.BOOLEAN),
    /** {@code array} or {@code object} (REMIT {@code outageProfile}): kept as compact JSON text. */
    JSON('J', ColumnType.VARCHAR);

    private final char code;
    private final ColumnType columnType;

    FieldType(char code, ColumnType columnType) {
        this.code = code;
        this.columnType = columnType;
    }

    /** The column type that stores it. */
    ColumnType columnType() {
        return columnType;
    }

    /** The type named by its one-letter code in {@code datasets.tsv}. */
    static FieldType ofCode(String code) {
        for (FieldType t : values()) {
            if (code.length() == 1 && code.charAt(0) == t.code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown field type code " + code);
    }
}
