package dev.pmp.engine.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many requests a source allows: {@code permits} per {@code per}, spaced evenly, with up to
 * {@code burst} requests at once after an idle spell. {@code burst = 1} (the usual choice) keeps
 * every pair of requests at least {@code per / permits} apart, the safest reading of an operator's
 * "30 requests per minute".
 *
 * @param permits requests allowed per {@code per}, at least 1
 * @param per the interval, positive
 * @param burst how many requests may go back to back after an idle spell, at least 1
 */
public record RequestRate(int permits, Duration per, int burst) {
    private static final Pattern TEXT = Pattern.compile(
            "(\\d+)\\s*(?:per|/)\\s*(second|sec|s|minute|min|m|hour|h)(?:\\s+burst\\s+(\\d+))?");

    public RequestRate {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1: " + permits);
        }
        Objects.requireNonNull(per, "per");
        if (per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + per);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst);
        }
    }

    /** {@code permits} per {@code per}, evenly spaced (burst 1). */
    public static RequestRate of(int permits, Duration per) {
        return new RequestRate(permits, per, 1);
    }

    /**
     * Reads {@code "30 per minute"}, {@code "2/s"}, {@code "100 per hour burst 5"}; units
     * {@code second|sec|s}, {@code minute|min|m}, {@code hour|h}; case and surrounding blanks ignored.
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static RequestRate parse(String text) {
        Matcher matcher = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "not a request rate (expected e.g. \"30 per minute\" or \"2/s burst 2\"): " + text);
        }
        Duration per = switch (matcher.group(2)) {
            case "second", "sec", "s" -> Duration.ofSeconds(1);
            case "minute", "min", "m" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        int burst = matcher.group(3) == null ? 1 : Integer.parseInt(matcher.group(3));
        return new RequestRate(Integer.parseInt(matcher.group(1)), per, burst);
    }

    /** The even spacing between requests: {@code per / permits}. */
    public Duration spacing() {
        return per.dividedBy(permits);
    }

    @Override
    public String toString() {
        return permits + " per " + per + (burst == 1 ? "" : " burst " + burst);
    }
}
