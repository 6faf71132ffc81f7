package dev.pmp.sim.ercot;

import dev.pmp.spi.Window;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/** Text and time helpers shared by the synthetic dashboards. Stateless. */
final class DashboardText {

    private DashboardText() {
    }

    /** {@code yyyy-MM-dd HH:mm:ss±hhmm} of {@code t} in the market zone (seconds truncated). */
    static String stamp(Instant t) {
        ZoneOffset offset = EnergyStorageDashboard.MARKET_ZONE.getRules().getOffset(t);
        LocalDateTime local = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, offset);
        return String.format("%04d-%02d-%02d %02d:%02d:%02d%s%02d%02d", local.getYear(), local.getMonthValue(),
                local.getDayOfMonth(), local.getHour(), local.getMinute(), local.getSecond(),
                offset.getTotalSeconds() < 0 ? "-" : "+", Math.abs(offset.getTotalSeconds()) / 3600,
                Math.abs(offset.getTotalSeconds()) / 60 % 60);
    }

    /** {@code value} with two decimals, written without exponent ({@code 37.10} becomes {@code 37.1}). */
    static String number(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    static boolean isWithheld(Instant instant, List<Window> withheld) {
        for (Window w : withheld) {
            if (w.contains(instant)) {
                return true;
            }
        }
        return false;
    }

    /** The repeated hour {@code [transition, transition + overlap)} if the clock falls back inside {@code day}, else null. */
    static Window repeatedHour(Window day) {
        ZoneRules rules = EnergyStorageDashboard.MARKET_ZONE.getRules();
        ZoneOffsetTransition t = rules.nextTransition(day.start().minusNanos(1));
        if (t == null || !t.getInstant().isBefore(day.end()) || !t.isOverlap()) {
            return null;
        }
        return Window.of(t.getInstant(), t.getDuration().negated());
    }
}
