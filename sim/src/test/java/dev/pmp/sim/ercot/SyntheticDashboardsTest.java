package dev.pmp.sim.ercot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Window;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The synthetic {@code system-wide-prices} and {@code fuel-mix} dashboards. */
class SyntheticDashboardsTest {

    private static final Duration LAG = Duration.ofSeconds(60);
    private final SystemWidePricesDashboard prices = new SystemWidePricesDashboard(LAG);
    private final FuelMixDashboard fuelMix = new FuelMixDashboard(EsrRecordedDay.load(), LAG);

    private static Instant at(String t) {
        return OffsetDateTime.parse(t).toInstant();
    }

    private String prices(String now) {
        return new String(prices.render(at(now), List.of(), EnergyStorageDashboard.Variant.NORMAL), StandardCharsets.UTF_8);
    }

    private String fuel(String now, List<Window> withheld, EnergyStorageDashboard.Variant variant) {
        return new String(fuelMix.render(at(now), withheld, variant), StandardCharsets.UTF_8);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void pricesShowTodaysFinishedIntervalsAndEveryDayAheadHour() {
        String body = prices("2026-11-20T15:31:00-06:00");
        assertThat(count(body, "\"intervalEnding\"")).isEqualTo(62);
        assertThat(count(body, "\"hourEnding\"")).isEqualTo(24);
        assertThat(body).contains("{\"intervalEnding\":\"00:15\",\"dstFlag\":\"N\",\"hbBusAvg\":")
                .contains("\"timestamp\":\"2026-11-20 15:30:00-0600\",\"interval\":" + at("2026-11-20T15:30:00-06:00").toEpochMilli())
                .contains("{\"hourEnding\":24,\"dstFlag\":\"N\"");
        assertThat(prices("2026-11-20T15:31:00-06:00")).isEqualTo(body);
    }

    @Test
    void justAfterMidnightRealTimeIsEmpty() {
        String body = prices("2026-11-20T00:00:30-06:00");
        assertThat(body).contains("\"rtSppData\":[]");
        assertThat(count(body, "\"hourEnding\"")).isEqualTo(24);
    }

    @Test
    void pricesOnDstDays() {
        String fall = prices("2026-11-01T23:59:00-06:00");
        assertThat(count(fall, "\"hourEnding\"")).isEqualTo(25);
        assertThat(count(fall, "\"hourEnding\":2,")).isEqualTo(2);
        assertThat(fall).contains("{\"hourEnding\":2,\"dstFlag\":\"Y\"");
        assertThat(count(fall, "\"intervalEnding\"")).isEqualTo(99);
        assertThat(count(fall, "\"dstFlag\":\"Y\"")).isEqualTo(4 + 1);
        String spring = prices("2026-03-08T23:59:00-05:00");
        assertThat(count(spring, "\"hourEnding\"")).isEqualTo(23);
        assertThat(spring).doesNotContain("\"hourEnding\":3,");
        assertThat(count(spring, "\"intervalEnding\"")).isEqualTo(91);
    }

    @Test
    void fuelMixStampsAFewSecondsEarlyAndSplitsSomeMarks() {
        String body = fuel("2026-11-20T15:31:00-06:00", List.of(), EnergyStorageDashboard.Variant.NORMAL);
        assertThat(body).contains("\"data\":{\"2026-11-19\":{\"2026-11-19 00:04:57-0600\":{\"Coal and Lignite\":{\"gen\":")
                .contains("\"2026-11-19 23:59:57-0600\"").contains("\"2026-11-20 15:29:57-0600\"")
                .doesNotContain("\"2026-11-20 15:34:57-0600\"");
        // Mark 50 of the day (04:10) is split: 04:09:58 holds the last four fuels and comes first.
        assertThat(body).contains("\"2026-11-19 04:09:58-0600\":{\"Solar\":{\"gen\":0},\"Wind\"")
                .contains("\"2026-11-19 04:09:57-0600\":{\"Coal and Lignite\"");
        assertThat(count(body, "\"Hydro\":\\{")).isEqualTo(288 + 186);
    }

    @Test
    void fuelMixOnDstDaysAndWithheldWindows() {
        String fall = fuel("2026-11-02T00:01:30-06:00", List.of(), EnergyStorageDashboard.Variant.NORMAL);
        assertThat(count(fall, "\"Hydro\":\\{")).isEqualTo(300);
        assertThat(fall).contains("\"2026-11-01 01:04:57-0500\"").contains("\"2026-11-01 01:04:57-0600\"");
        String spring = fuel("2026-03-09T00:01:30-05:00", List.of(), EnergyStorageDashboard.Variant.NORMAL);
        assertThat(count(spring, "\"Hydro\":\\{")).isEqualTo(276);
        Window hour = Window.of(at("2026-11-20T10:00:00-06:00"), Duration.ofHours(1));
        String withheld = fuel("2026-11-20T15:31:00-06:00", List.of(hour), EnergyStorageDashboard.Variant.NORMAL);
        assertThat(count(withheld, "\"Hydro\":\\{")).isEqualTo(288 + 186 - 12);
    }

    @Test
    void faultVariants() {
        assertThat(fuel("2026-11-20T15:31:00-06:00", List.of(), EnergyStorageDashboard.Variant.EMPTY_DATA))
                .endsWith("\"data\":{\"2026-11-19\":{},\"2026-11-20\":{}}}");
        assertThat(fuel("2026-11-20T15:31:00-06:00", List.of(), EnergyStorageDashboard.Variant.NOT_A_NUMBER))
                .contains("{\"Coal and Lignite\":{\"gen\":\"abc\"}");
        assertThat(new String(prices.render(at("2026-11-20T00:00:30-06:00"), List.of(),
                EnergyStorageDashboard.Variant.NOT_A_NUMBER), StandardCharsets.UTF_8))
                .contains("{\"hourEnding\":1,\"dstFlag\":\"N\",\"hbBusAvg\":\"abc\"");
    }
}
