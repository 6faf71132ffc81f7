package dev.pmp.source.isone;

/** A single record a reader refuses (a value that is not a number); its interval is quarantined. */
final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
        super(message, null, false, false);
    }

    /**
     * The number in {@code text}: null for absent or blank text.
     *
     * @param field the field name, for the message
     * @throws Refused when the text is not a finite number
     */
    static Double number(String text, String field) throws Refused {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // Reported below with the field name.
        }
        throw new Refused(field + " is not a number: \"" + text + "\"");
    }
}
