package dev.pmp.source.neso;

import static dev.pmp.source.neso.Payloads.answer;
import static dev.pmp.source.neso.Payloads.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The Carbon Intensity feeds: golden tests on the two recorded regional answers, and national answers and
 * clock-change days synthesised from the documented shape ({@code {"data":[{"from","to","intensity":
 * {"forecast","actual","index"}}]}}, README §3), since no national answer was recorded.
 */
class CarbonIntensityTest {

    private static final Window MAY_6 = Window.of(Instant.parse("2026-05-06T00:00:00Z"), Duration.ofDays(1));

    private final CarbonIntensityRegional regional = new CarbonIntensityRegional(NesoSettings.defaults());
    private final CarbonIntensityNational national = new CarbonIntensityNational(NesoSettings.defaults());

    @Test
    void requestsTheWindowWithMinuteTimes() {
        assertThat(regional.request(MAY_6).uri()).isEqualTo(URI.create(
                "https://api.carbonintensity.org.uk/regional/intensity/2026-05-06T00:00Z/2026-05-07T00:00Z"));
        assertThat(national.request(MAY_6).uri()).isEqualTo(URI.create(
                "https://api.carbonintensity.org.uk/intensity/2026-05-06T00:00Z/2026-05-07T00:00Z"));
        assertThat(national.request(MAY_6).budget()).isEmpty();
    }

    /** Recorded: London (region 13), 49 half-hours from 2026-05-05T23:30Z; the first ends at {@code from}. */
    @Test
    void regionKeyedAnswerOfLondon() throws SourceException {
        Parsed p = regional.parse(MAY_6, answer(regional.request(MAY_6),
                fixture("carbonintensity_regional_fw24h_regionid13_2026-05-06.json")));

        assertThat(p.rows()).hasSize(48);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(Instant.parse("2026-05-06T00:00:00Z"),
                Instant.parse("2026-05-06T00:30:00Z"), 13L, "London", "UKPN London", 188.0, "high",
                1.2, 0.0, 44.8, 35.7, 4.8, 0.0, 0.2, 0.0, 13.3));
        assertThat(p.rows().get(47)).isEqualTo(Row.of(Instant.parse("2026-05-06T23:30:00Z"),
                Instant.parse("2026-05-07T00:00:00Z"), 13L, "London", "UKPN London", 236.0, "very high",
                5.5, 0.0, 23.9, 55.0, 8.2, 0.0, 0.2, 0.0, 7.1));
        assertThat(p.covered()).containsExactly(MAY_6);
        assertThat(p.quarantined()).isEmpty();
        assertThat(p.notes()).isEmpty();
    }

    /** Recorded, trimmed upstream to two half-hours of all 18 regions: covers only what it holds. */
    @Test
    void periodKeyedAnswerOfAllRegions() throws SourceException {
        Parsed p = regional.parse(MAY_6, answer(regional.request(MAY_6),
                fixture("carbonintensity_regional_fw24h_all-regions_2026-05-06_trimmed.json")));

        assertThat(p.rows()).hasSize(18);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(Instant.parse("2026-05-06T00:00:00Z"),
                Instant.parse("2026-05-06T00:30:00Z"), 1L, "North Scotland", "Scottish Hydro Electric Power Distribution",
                0.0, "very low", 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 100.0));
        assertThat(p.rows().get(17)).isEqualTo(Row.of(Instant.parse("2026-05-06T00:00:00Z"),
                Instant.parse("2026-05-06T00:30:00Z"), 18L, "GB", "GB", 160.0, "moderate",
                11.3, 0.0, 17.4, 31.0, 15.7, 0.8, 0.8, 0.0, 23.0));
        assertThat(p.rows()).extracting(r -> r.get(2)).doesNotHaveDuplicates();
        assertThat(p.covered()).containsExactly(Window.of(MAY_6.start(), SettlementPeriods.PERIOD));
    }

    @Test
    void aNonNumericRegionalForecastHoldsTheHalfHourBack() throws SourceException {
        String body = new String(fixture("carbonintensity_regional_fw24h_regionid13_2026-05-06.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"forecast\": 188", "\"forecast\": \"abc\"");
        Parsed p = regional.parse(MAY_6, answer(regional.request(MAY_6), body.getBytes(StandardCharsets.UTF_8)));

        assertThat(p.rows()).hasSize(47);
        assertThat(p.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(Window.of(MAY_6.start(), SettlementPeriods.PERIOD));
            assertThat(q.reason()).contains("region 13", "\"abc\" is not a number");
        });
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2026-05-06T00:30:00Z"), MAY_6.end()));
    }

    /** Synthesised: the spring clock-change day in London is 46 half-hours, 2024-03-31T00:00Z to 23:00Z. */
    @Test
    void nationalSpringForwardDay() throws SourceException {
        Window day = new Window(Instant.parse("2024-03-31T00:00:00Z"), Instant.parse("2024-03-31T23:00:00Z"));
        Parsed p = national.parse(day, answer(national.request(day), nationalBody(day.start().minus(SettlementPeriods.PERIOD), 47)));

        assertThat(p.rows()).hasSize(46);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(Instant.parse("2024-03-31T00:00:00Z"),
                Instant.parse("2024-03-31T00:30:00Z"), 101.0, 99.0, "low"));
        assertThat(p.rows().get(45).get(0)).isEqualTo(Instant.parse("2024-03-31T22:30:00Z"));
        assertThat(p.covered()).containsExactly(day);
    }

    /** Synthesised: the autumn clock-change day is 50 half-hours from 2024-10-26T23:00Z. */
    @Test
    void nationalFallBackDayWithFuturePeriodsNotYetForecast() throws SourceException {
        Window day = new Window(Instant.parse("2024-10-26T23:00:00Z"), Instant.parse("2024-10-28T00:00:00Z"));
        Parsed all = national.parse(day, answer(national.request(day), nationalBody(day.start(), 50)));
        assertThat(all.rows()).hasSize(50);
        assertThat(all.rows().get(49).get(0)).isEqualTo(Instant.parse("2024-10-27T23:30:00Z"));
        assertThat(all.covered()).containsExactly(day);

        Parsed part = national.parse(day, answer(national.request(day), nationalBody(day.start(), 10)));
        assertThat(part.covered()).containsExactly(new Window(day.start(), Instant.parse("2024-10-27T04:00:00Z")));
    }

    @Test
    void theApisErrorDocumentIsBadDataAndEmptyDataIsNotPublished() {
        String error = "{\"error\":{\"code\":\"400 Bad Request\",\"message\":\"Please enter a valid ISO datetime\"}}";
        assertThatThrownBy(() -> national.parse(MAY_6, answer(national.request(MAY_6), error)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("400 Bad Request: Please enter a valid ISO datetime");
        assertThatThrownBy(() -> national.parse(MAY_6, answer(national.request(MAY_6), "{\"data\":[]}")))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED));
        assertThatThrownBy(() -> regional.parse(MAY_6, answer(regional.request(MAY_6), "<html><body>502</body></html>")))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("HTML");
        byte[] whole = fixture("carbonintensity_regional_fw24h_regionid13_2026-05-06.json");
        assertThatThrownBy(() -> regional.parse(MAY_6, answer(regional.request(MAY_6),
                java.util.Arrays.copyOf(whole, whole.length / 3))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("ends early");
    }

    @Test
    void aPeriodThatIsNotAHalfHourIsBadData() {
        String body = "{\"data\":[{\"from\":\"2026-05-06T00:00Z\",\"to\":\"2026-05-06T01:00Z\",\"intensity\":"
                + "{\"forecast\":1,\"actual\":1,\"index\":\"low\"}}]}";
        assertThatThrownBy(() -> national.parse(MAY_6, answer(national.request(MAY_6), body)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("data[0]", "is not a half-hour");
    }

    /** A national answer of {@code count} half-hours from {@code first}, forecast 101+i, actual 99+i. */
    static String nationalBody(Instant first, int count) {
        StringBuilder b = new StringBuilder("{\"data\":[");
        for (int i = 0; i < count; i++) {
            Instant from = first.plus(SettlementPeriods.PERIOD.multipliedBy(i));
            b.append(i > 0 ? "," : "").append("{\"from\":\"").append(minute(from)).append("\",\"to\":\"")
                    .append(minute(from.plus(SettlementPeriods.PERIOD))).append("\",\"intensity\":{\"forecast\":")
                    .append(101 + i - (first.isBefore(Instant.parse("2024-03-31T00:00:00Z")) ? 1 : 0))
                    .append(",\"actual\":").append(99 + i - (first.isBefore(Instant.parse("2024-03-31T00:00:00Z")) ? 1 : 0))
                    .append(",\"index\":\"low\"}}");
        }
        return b.append("]}").toString();
    }

    private static String minute(Instant t) {
        return t.toString().substring(0, 16) + "Z";
    }
}
