package dev.pmp.source.isone;

import dev.pmp.spi.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * What one ISO-NE request asks for: a block of local hours of one market day (the whole day, one
 * {@code starthour}, or a 4-hour 5-minute LMP file). Local hours are labels: on the fall-back day the
 * block holding 01:00 spans two absolute hours, on the spring-forward day the block holding 02:00 one
 * fewer.
 *
 * @param day the market day
 * @param firstHour the first local hour of the block, 0..23
 * @param hours how many local hour labels the block holds; divides 24
 */
record Period(LocalDate day, int firstHour, int hours) {

    Period {
        Objects.requireNonNull(day, "day");
        if (hours < 1 || 24 % hours != 0 || firstHour < 0 || firstHour % hours != 0 || firstHour + hours > 24) {
            throw new IllegalArgumentException("not an aligned block of hours: " + firstHour + "+" + hours);
        }
    }

    /** The block of {@code hours} local hours holding {@code instant}. */
    static Period containing(Instant instant, int hours) {
        LocalDate day = IsoneTime.localDay(instant);
        int hour = instant.atZone(IsoneTime.ZONE).getHour();
        return new Period(day, hour / hours * hours, hours);
    }

    /** The block after this one. */
    Period next() {
        return firstHour + hours == 24 ? new Period(day.plusDays(1), 0, hours) : new Period(day, firstHour + hours, hours);
    }

    Instant start() {
        return IsoneTime.local(day, LocalTime.of(firstHour, 0), false);
    }

    Instant end() {
        return firstHour + hours == 24 ? IsoneTime.dayStart(day.plusDays(1))
                : IsoneTime.local(day, LocalTime.of(firstHour + hours, 0), true);
    }

    /** The absolute span of the block; null for the block holding only the skipped spring-forward hour. */
    Window window() {
        Instant s = start();
        Instant e = end();
        return e.isAfter(s) ? new Window(s, e) : null;
    }

    /** {@code YYYYMMDD}. */
    String compactDay() {
        return IsoneTime.YYYYMMDD.format(day);
    }

    @Override
    public String toString() {
        return hours == 24 ? day.toString() : day + String.format(" %02d:00+%dh", firstHour, hours);
    }
}
