package dev.pmp.source.neso;

import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One page of a {@code datastore_search} or {@code datastore_search_sql} answer.
 *
 * @param fields the column names the page declares ({@code result.fields[].id}), in order; CKAN's own
 *     {@code _id} and {@code _full_text} are left out
 * @param records the rows as column name to cell (a {@link Double}, a {@link String} or null)
 * @param offset {@code result.offset}, 0 when absent (SQL answers have none)
 * @param total {@code result.total}, when the answer gives it
 * @param next {@code result._links.next}, a path relative to the portal host, when given
 */
record DatastorePage(List<String> fields, List<Map<String, Object>> records, long offset, OptionalLong total,
        Optional<String> next) {

    /** CKAN's internal columns, never data. */
    static final Set<String> INTERNAL = Set.of("_id", "_full_text");

    DatastorePage {
        fields = List.copyOf(fields);
        records = List.copyOf(records);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(next, "next");
    }

    /** Whether no page follows: the page is empty, or it reaches {@link #total()}. */
    boolean last() {
        return records.isEmpty() || total.isPresent() && offset + records.size() >= total.getAsLong();
    }

    /**
     * Reads a datastore answer.
     *
     * @param action {@code datastore_search} or {@code datastore_search_sql}, for messages
     * @throws SourceException {@link Failure#BAD_DATA} when it is not the CKAN envelope, says
     *     {@code success: false}, or a record is not an object
     */
    static DatastorePage read(byte[] body, String action) throws SourceException {
        Map<String, Object> result = Ckan.result(body, action);
        Set<String> fields = new LinkedHashSet<>();
        if (result.get("fields") != null) {
            List<Object> list = Json.array(result.get("fields"), action + " result.fields");
            for (int i = 0; i < list.size(); i++) {
                String id = Json.text(Json.object(list.get(i), action + " result.fields[" + i + "]").get("id"),
                        action + " result.fields[" + i + "].id");
                if (!INTERNAL.contains(id)) {
                    fields.add(id);
                }
            }
        }
        List<Object> list = Json.array(result.get("records"), action + " result.records");
        List<Map<String, Object>> records = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> record = Json.object(list.get(i), action + " result.records[" + i + "]");
            if (fields.isEmpty() && i == 0) {
                record.keySet().stream().filter(k -> !INTERNAL.contains(k)).forEach(fields::add);
            }
            records.add(record);
        }
        long offset = result.get("offset") instanceof Double d ? d.longValue() : 0;
        OptionalLong total = result.get("total") instanceof Double d ? OptionalLong.of(d.longValue()) : OptionalLong.empty();
        Optional<String> next = Optional.empty();
        if (result.get("_links") instanceof Map<?, ?> links && links.get("next") instanceof String n) {
            next = Optional.of(n);
        }
        return new DatastorePage(new ArrayList<>(fields), records, offset, total, next);
    }
}
