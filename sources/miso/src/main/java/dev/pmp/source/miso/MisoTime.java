package dev.pmp.source.miso;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * MISO's clock: every MISO label is Eastern <em>Standard</em> Time, a fixed UTC−05:00 all year. There is no
 * daylight saving time, so every market day has 24 hours and nothing shifts on the US clock-change days.
 * Never use {@code America/New_York} here. Stateless.
 */
public final class MisoTime {

    /** Eastern Standard Time, UTC−05:00, used for every MISO label. */
    public static final ZoneOffset EST = ZoneOffset.ofHours(-5);

    private static final DateTimeFormatter TWELVE_HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd h:mm:ss a", Locale.US);
    private static final DateTimeFormatter REF_DAY = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.US);
    private static final DateTimeFormatter MONTH_DAY_YEAR_DASH = DateTimeFormatter.ofPattern("MM-dd-yyyy", Locale.US);
    private static final DateTimeFormatter MONTH_DAY_YEAR_SLASH = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    private MisoTime() {
    }

    /** The instant of an EST wall-clock time. */
    public static Instant instant(LocalDateTime est) {
        return est.toInstant(EST);
    }

    /** 00:00 EST of {@code day}: the start of MISO's market day. */
    public static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay().toInstant(EST);
    }

    /** The EST market day holding {@code instant}. */
    public static LocalDate marketDay(Instant instant) {
        return LocalDate.ofInstant(instant, EST);
    }

    /** Parses a naive ISO local time such as {@code 2026-10-02T16:45:00} (CSAT {@code timeEst}). */
    static LocalDateTime isoLocal(String text) {
        return LocalDateTime.parse(text.strip());
    }

    /** Parses {@code 2026-10-02 4:45:00 PM} (fuel mix {@code INTERVALEST}). */
    static LocalDateTime twelveHour(String text) {
        return LocalDateTime.parse(text.strip(), TWELVE_HOUR);
    }

    /**
     * The day of a public-API {@code RefId} such as {@code 02-Oct-2026 - Interval 16:45 EST}: its first token.
     *
     * @throws DateTimeParseException when the first token is not a {@code dd-MMM-yyyy} date
     */
    static LocalDate refIdDay(String refId) {
        String s = refId.strip();
        int space = s.indexOf(' ');
        return LocalDate.parse(space < 0 ? s : s.substring(0, space), REF_DAY);
    }

    /** Parses {@code 10-02-2026} (AS MCP {@code MktDay}). */
    static LocalDate monthDayYearDash(String text) {
        return LocalDate.parse(text.strip(), MONTH_DAY_YEAR_DASH);
    }

    /** Parses {@code 10/01/2026} (the date line of a market report). */
    public static LocalDate monthDayYearSlash(String text) {
        return LocalDate.parse(text.strip(), MONTH_DAY_YEAR_SLASH);
    }
}
