package dev.pmp.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        HttpSettings defaults = HttpSettings.defaults();

        assertThat(defaults.userAgent()).startsWith("Mozilla/5.0").endsWith("pmp");
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.maxAttempts()).isEqualTo(4);
        assertThat(defaults.baseDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.backoffFactor()).isEqualTo(2.0);
        assertThat(defaults.maxDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.maxRetryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(defaults.defaultRate()).isEqualTo(new RequestRate(60, Duration.ofMinutes(1), 1));
        assertThat(defaults.sourceRates()).isEmpty();
    }

    @Test
    void backoffCeilingGrowsByTheFactorUpToTheMaximum() {
        HttpSettings defaults = HttpSettings.defaults();

        assertThat(defaults.backoffCeiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.backoffCeiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.backoffCeiling(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(defaults.backoffCeiling(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(defaults.backoffCeiling(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.backoffCeiling(200)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void sourceRateOverridesTheDefault() {
        HttpSettings settings = HttpSettings.defaults().withSourceRate("ercot", RequestRate.parse("30 per minute"));

        assertThat(settings.rateFor("ercot").spacing()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.rateFor("elexon")).isEqualTo(settings.defaultRate());
    }

    @Test
    void rejectsNonsense() {
        HttpSettings defaults = HttpSettings.defaults();

        assertThatThrownBy(() -> defaults.withRetries(0, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> defaults.withRetries(3, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoffFactor");
        assertThatThrownBy(() -> defaults.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> defaults.withSourceRate("ercot", RequestRate.of(0, Duration.ofMinutes(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesRequestRates() {
        assertThat(RequestRate.parse("30 per minute")).isEqualTo(new RequestRate(30, Duration.ofMinutes(1), 1));
        assertThat(RequestRate.parse(" 2/s ")).isEqualTo(new RequestRate(2, Duration.ofSeconds(1), 1));
        assertThat(RequestRate.parse("100 per Hour burst 5")).isEqualTo(new RequestRate(100, Duration.ofHours(1), 5));
        assertThatThrownBy(() -> RequestRate.parse("fast")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("30 per minute");
        assertThat(Map.of("ercot", RequestRate.parse("25/min")).get("ercot").spacing())
                .isEqualTo(Duration.ofMillis(2400));
    }
}
