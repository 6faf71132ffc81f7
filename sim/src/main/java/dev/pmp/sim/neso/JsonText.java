package dev.pmp.sim.neso;

/** Writes JSON values into a {@link StringBuilder}; enough for the simulator's flat payloads. */
final class JsonText {

    private JsonText() {
    }

    /** Appends {@code value}: null, a number, a boolean or text. */
    static StringBuilder value(StringBuilder out, Object value) {
        if (value == null) {
            return out.append("null");
        }
        if (value instanceof Number || value instanceof Boolean) {
            return out.append(value);
        }
        out.append('"');
        String s = value.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
