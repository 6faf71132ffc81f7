package dev.pmp.source.elexon;

import java.util.Objects;

/**
 * One field of an Insights row and the column that stores it.
 *
 * @param json Elexon's field name ({@code settlementPeriod})
 * @param type its declared type
 * @param column the column name: lower snake case, {@code _utc} appended to instants
 */
record Field(String json, FieldType type, String column) {

    Field {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(column, "column");
    }

    /** The field with its conventional column name. */
    static Field of(String json, FieldType type) {
        String snake = snake(json);
        return new Field(json, type, type == FieldType.TIMESTAMP ? snake + "_utc" : snake);
    }

    /** {@code affectedUnitEIC} → {@code affected_unit_eic}, {@code mRID} → {@code m_rid}. */
    static String snake(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLower = i > 0 && (Character.isLowerCase(camel.charAt(i - 1)) || Character.isDigit(camel.charAt(i - 1)));
                boolean nextLower = i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
                boolean prevUpper = i > 0 && Character.isUpperCase(camel.charAt(i - 1));
                if (prevLower || (prevUpper && nextLower)) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
