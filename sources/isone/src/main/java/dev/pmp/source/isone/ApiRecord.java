package dev.pmp.source.isone;

import java.util.Map;

/**
 * One record of a Web Services API answer, flattened: a nested object's members are named
 * {@code Outer.member} ({@code Location.@LocId}, {@code Location.$}); numbers keep their JSON text; JSON
 * nulls are left out.
 *
 * @param index the record's position in the answer, for messages
 * @param fields field name to text
 */
record ApiRecord(int index, Map<String, String> fields) {

    ApiRecord {
        fields = Map.copyOf(fields);
    }

    /** The field's text, or null when absent. */
    String text(String name) {
        return fields.get(name);
    }
}
