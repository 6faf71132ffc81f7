package dev.pmp.app;

import java.time.Duration;

/** Short human forms of durations: {@code 5m}, {@code 1h}, {@code 2d}, {@code 1h30m}. */
final class Durations {
    private Durations() {
    }

    static String brief(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder(s < 0 ? "-" : "");
        s = Math.abs(s);
        long days = s / 86400;
        long hours = s % 86400 / 3600;
        long minutes = s % 3600 / 60;
        long seconds = s % 60;
        if (days > 0) {
            sb.append(days).append('d');
        }
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (minutes > 0) {
            sb.append(minutes).append('m');
        }
        if (seconds > 0) {
            sb.append(seconds).append('s');
        }
        return sb.toString();
    }
}
