package dev.pmp.source.elexon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes small Insights payloads for tests, in the documented shape (spec §2.2, §3.2). */
final class Json {
    private Json() {
    }

    /** A row object from alternating names and values (String, Number, Boolean, null, List of rows). */
    static Map<String, Object> row(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** The {@code /stream} shape: a bare array. */
    static String array(List<Map<String, Object>> rows) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            write(sb, rows.get(i));
        }
        return sb.append(']').toString();
    }

    /** The {@code /datasets/{CODE}} shape: {@code {"data": [...]}}. */
    static String envelope(List<Map<String, Object>> rows) {
        return "{\"data\":" + array(rows) + "}";
    }

    static String text(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                write(sb, e.getKey());
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(sb, l.get(i));
            }
            sb.append(']');
        } else {
            sb.append(v);
        }
    }
}
