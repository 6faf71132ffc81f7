package dev.pmp.source.ercot.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Places the rows of one file (or one API page set) in time, applying the rules that need the whole
 * file (README section 1.1): a fall-back day numbered 1..25 without a flag, a fall-back day without a
 * flag column (row order per series: first = daylight time), and a spring-forward day that uses both
 * the HE02 and the HE03 label. Rows of ordinary and spring-forward days are placed at once; rows of a
 * fall-back day are placed by {@link #finish}. One instance per file, one thread.
 */
public final class LabelClock {

    /** How a file labels time. */
    public enum Style {
        /** {@code HourEnding} {@code 01:00}..{@code 24:00} (or 1..24, or 1..25): label = start + 1 h. */
        HOUR_ENDING(ErcotTime.HOUR, false),
        /** {@code DeliveryHour} 1..24 + {@code DeliveryInterval} 1..4: 15-minute intervals. */
        DELIVERY_INTERVAL(ErcotTime.QUARTER_HOUR, false),
        /** {@code TimeEnding} {@code HH:mm}: the label is the interval's end, 15 minutes. */
        TIME_ENDING(ErcotTime.QUARTER_HOUR, true),
        /** A SCED run stamp {@code MM/dd/yyyy HH:mm:ss}: an instant, no duration. */
        SCED(Duration.ZERO, false),
        /**
         * A stamp {@code MM/dd/yyyy HH:mm:ss} one second before a 15-minute interval's end (60-day SMNE
         * {@code Interval Time}, {@code 00:14:59} for the first interval): localised like a SCED stamp.
         */
        END_STAMP(ErcotTime.QUARTER_HOUR, false);

        private final Duration duration;
        private final boolean endLabel;

        Style(Duration duration, boolean endLabel) {
            this.duration = duration;
            this.endLabel = endLabel;
        }

        /** Length of one labelled interval; zero for instants. */
        public Duration duration() {
            return duration;
        }
    }

    /** The repeated-hour flag of a row: {@code Y}, {@code N}, or no flag column in the file. */
    public enum Flag {
        REPEATED, NOT_REPEATED, ABSENT
    }

    /** Receives what {@link #finish} resolves. */
    public interface Sink {
        /** Row {@code slot} starts (or, for {@link Style#SCED}, happens) at {@code start}. */
        void placed(int slot, Instant start);

        /** Row {@code slot} cannot be placed; {@code message} says why. */
        void problem(int slot, String message);
    }

    private static final int DAY_SECONDS = 24 * 3600;

    private final Style style;
    private final Map<LocalDate, Day> days = new HashMap<>();
    private LocalDate lastDate;
    private Day lastDay;

    public LabelClock(Style style) {
        this.style = Objects.requireNonNull(style, "style");
    }

    public Style style() {
        return style;
    }

    /**
     * Places one row.
     *
     * @param slot the caller's row number, handed back by {@link #finish}
     * @param day the operating day (DeliveryDate, OperDay) or the stamp's date
     * @param second the label as seconds after local midnight: the naive start for start labels
     *     ({@code (HE-1)*3600}, may reach 86400 for hour 25), the naive end for {@link Style#TIME_ENDING},
     *     the stamp's time for {@link Style#SCED} and {@link Style#END_STAMP}
     * @param series the row's key without time (settlement point and type); rows of one series on a
     *     fall-back day without a flag are told apart by their order
     * @return the start instant, or {@code null} when the row waits for {@link #finish} (fall-back days)
     * @throws IllegalArgumentException when the label cannot name a time on that day
     */
    public Instant place(int slot, LocalDate day, int second, Flag flag, Object series) {
        Day d = day(day);
        // A start label must start before the day's (naive) end; an end label may end at 24:00. Only the
        // fall-back day has a 25th hour.
        int last = style.endLabel ? DAY_SECONDS : DAY_SECONDS - 1;
        if (second < 0 || second > last + (d.kind == Kind.FALL ? 3600 : 0)) {
            throw new IllegalArgumentException("label " + clock(second) + " does not exist on " + day + " ("
                    + ErcotTime.hours(day) + " h)");
        }
        switch (d.kind) {
            case ORDINARY:
                if (flag == Flag.REPEATED) {
                    throw new IllegalArgumentException("repeated-hour flag set on " + day + ", which repeats no hour");
                }
                if (style.endLabel && second == 0) {
                    throw new IllegalArgumentException("time ending 00:00 is not a label; the day ends at 24:00");
                }
                if (second != d.lastSecond) {
                    // Rows of one interval follow each other: share one instant instead of one per row.
                    Instant t = d.midnight.plusSeconds(second);
                    d.lastInstant = style.endLabel ? t.minus(style.duration)
                            : style == Style.END_STAMP ? ErcotTime.endStampStart(t) : t;
                    d.lastSecond = second;
                }
                return d.lastInstant;
            case SPRING:
                d.currentSlot = slot;
                if (flag == Flag.REPEATED) {
                    throw new IllegalArgumentException("repeated-hour flag set on " + day + ", which repeats no hour");
                }
                return spring(d, day, second);
            case FALL:
                d.pending.add(new Pending(slot, second, flag, series == null ? "" : series));
                if (second >= DAY_SECONDS && !style.endLabel || second > DAY_SECONDS) {
                    d.hour25 = true;
                }
                return null;
        }
        throw new AssertionError(d.kind);
    }

    /**
     * Resolves every row of a fall-back day, in the order they were placed, and reports a spring-forward
     * day that used both labels of its skipped hour. Call once, after the last {@link #place}.
     */
    public void finish(Sink sink) {
        for (Map.Entry<LocalDate, Day> e : days.entrySet()) {
            Day d = e.getValue();
            if (d.kind == Kind.SPRING && d.earlyLabel >= 0 && d.lateLabel >= 0) {
                sink.problem(d.lateLabel, e.getKey() + " labels the hour skipped by the spring-forward both ways ("
                        + clock(d.earlyLabelSecond) + " and " + clock(d.lateLabelSecond)
                        + " name the same interval); the file uses two label styles");
            }
            if (d.kind == Kind.FALL) {
                resolveFallBack(e.getKey(), d, sink);
            }
        }
    }

    private void resolveFallBack(LocalDate date, Day d, Sink sink) {
        Map<Object, Integer> seen = new HashMap<>();
        LocalDateTime midnight = date.atStartOfDay();
        for (Pending p : d.pending) {
            if (d.hour25) {
                // Hours numbered 1..25: the label counts hours of absolute time from midnight, which is
                // the documented "shift labels >= 3 back one hour, first 01:00 = daylight time".
                if (p.flag == Flag.REPEATED) {
                    sink.problem(p.slot, date + " is numbered up to hour 25 and also flags a repeated hour");
                    continue;
                }
                Instant t = d.midnight.plusSeconds(p.second);
                sink.placed(p.slot, style.endLabel ? t.minus(style.duration) : t);
                continue;
            }
            if (p.second > DAY_SECONDS) {
                sink.problem(p.slot, "label " + clock(p.second) + " does not exist on " + date);
                continue;
            }
            LocalDateTime naive = midnight.plusSeconds(p.second);
            // A time-ending label names the end; its ambiguity is that of the end itself.
            boolean ambiguous = ErcotTime.isAmbiguous(naive);
            boolean later;
            if (!ambiguous) {
                if (p.flag == Flag.REPEATED) {
                    sink.problem(p.slot, "repeated-hour flag set on " + naive + ", which the fall-back does not repeat");
                    continue;
                }
                later = false;
            } else if (p.flag == Flag.ABSENT) {
                int n = seen.merge(List.of(p.series, p.second), 1, Integer::sum);
                if (n > 2) {
                    sink.problem(p.slot, naive + " appears " + n + " times for " + p.series
                            + " on the fall-back day; it can appear twice at most");
                    continue;
                }
                later = n == 2;
            } else {
                later = p.flag == Flag.REPEATED;
            }
            Instant t = style == Style.SCED ? ErcotTime.scedTime(naive, later)
                    : style == Style.END_STAMP ? ErcotTime.endStampStart(ErcotTime.scedTime(naive, later))
                    : style.endLabel ? ErcotTime.timeEndingEnd(date, p.second / 60, later).minus(style.duration)
                    : ErcotTime.labelStart(naive, later, ErcotTime.ZONE);
            sink.placed(p.slot, t);
        }
    }

    private Instant spring(Day d, LocalDate day, int second) {
        LocalDateTime naive = day.atStartOfDay().plusSeconds(second);
        ZoneOffsetTransition gap = ErcotTime.ZONE.getRules().nextTransition(d.midnight);
        LocalDateTime gapStart = gap.getDateTimeBefore();
        LocalDateTime gapEnd = gap.getDateTimeAfter();
        return switch (style) {
            case SCED -> ErcotTime.scedTime(naive, false);
            case END_STAMP -> ErcotTime.endStampStart(ErcotTime.scedTime(naive, false));
            case TIME_ENDING -> {
                if (naive.equals(gapStart)) {
                    d.early(second);
                } else if (naive.equals(gapEnd)) {
                    d.late(second);
                }
                yield ErcotTime.timeEndingEnd(day, second / 60, false).minus(style.duration);
            }
            case HOUR_ENDING, DELIVERY_INTERVAL -> {
                if (!naive.isBefore(gapStart) && naive.isBefore(gapEnd)) {
                    d.late(second);
                } else if (!naive.isBefore(gapStart.minusHours(1)) && naive.isBefore(gapStart)) {
                    d.early(second);
                }
                yield ErcotTime.labelStart(naive, false, ErcotTime.ZONE);
            }
        };
    }

    private Day day(LocalDate date) {
        if (date.equals(lastDate)) {
            return lastDay;
        }
        Day d = days.computeIfAbsent(date, Day::new);
        lastDate = date;
        lastDay = d;
        return d;
    }

    private static String clock(int second) {
        int h = second / 3600;
        int m = second / 60 % 60;
        int s = second % 60;
        return s == 0 ? String.format("%02d:%02d", h, m) : String.format("%02d:%02d:%02d", h, m, s);
    }

    private enum Kind {
        ORDINARY, SPRING, FALL
    }

    private record Pending(int slot, int second, Flag flag, Object series) {
    }

    private static final class Day {
        final Kind kind;
        final Instant midnight;
        final List<Pending> pending = new ArrayList<>();
        boolean hour25;
        int earlyLabel = -1;
        int lateLabel = -1;
        int earlyLabelSecond;
        int lateLabelSecond;
        private int currentSlot;
        // The last label placed on an ordinary day and its instant.
        int lastSecond = -1;
        Instant lastInstant;

        Day(LocalDate date) {
            ZoneOffset uniform = ErcotTime.uniformOffset(date);
            this.midnight = date.atStartOfDay(ErcotTime.ZONE).toInstant();
            this.kind = uniform != null ? Kind.ORDINARY
                    : ErcotTime.isSpringForward(date) ? Kind.SPRING : Kind.FALL;
        }

        void early(int second) {
            if (earlyLabel < 0) {
                earlyLabel = currentSlot;
                earlyLabelSecond = second;
            }
        }

        void late(int second) {
            if (lateLabel < 0) {
                lateLabel = currentSlot;
                lateLabelSecond = second;
            }
        }
    }
}
