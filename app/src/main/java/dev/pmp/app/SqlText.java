package dev.pmp.app;

/** Reading the SQL text given to {@code pmp query}. */
final class SqlText {
    private SqlText() {
    }

    /**
     * The one statement in {@code sql}, without trailing semicolons. Quotes ({@code '...'}, {@code "..."},
     * {@code $tag$...$tag$}) and comments are skipped while looking for a semicolon that separates two
     * statements: one statement is what keeps PostgreSQL's read-only transaction from being committed.
     *
     * @throws IllegalArgumentException when the text is empty or holds more than one statement
     */
    static String singleStatement(String sql) {
        String s = sql.strip();
        int end = s.length();
        int i = 0;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int close = s.indexOf(c, i + 1);
                while (close > 0 && close + 1 < end && s.charAt(close + 1) == c) {
                    close = s.indexOf(c, close + 2);
                }
                i = close < 0 ? end : close + 1;
            } else if (c == '-' && i + 1 < end && s.charAt(i + 1) == '-') {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? end : nl + 1;
            } else if (c == '/' && i + 1 < end && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? end : close + 2;
            } else if (c == '$' && dollarTag(s, i) != null) {
                String tag = dollarTag(s, i);
                int close = s.indexOf(tag, i + tag.length());
                i = close < 0 ? end : close + tag.length();
            } else if (c == ';') {
                if (!s.substring(i).replace(";", "").isBlank()) {
                    throw new IllegalArgumentException("pmp query runs one statement; remove the text after ';'");
                }
                end = i;
            } else {
                i++;
            }
        }
        String statement = s.substring(0, end).strip();
        if (statement.isEmpty()) {
            throw new IllegalArgumentException("pmp query needs an SQL statement");
        }
        return statement;
    }

    /** The dollar-quote tag ({@code $$}, {@code $body$}) starting at {@code i}, or null. */
    private static String dollarTag(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (j < s.length() && s.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(s.charAt(i + 1)))) {
            return s.substring(i, j + 1);
        }
        return null;
    }
}
