package dev.pmp.dedup.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The documented defaults, and the settings that are refused. */
class RedisRegistrySettingsTest {

    private static final RedisRegistrySettings DEFAULTS = RedisRegistrySettings.fromUrl("redis://localhost");

    @Test
    void defaultsAreThePayloadPrefixFourHundredDaysAndTwoSeconds() {
        assertThat(DEFAULTS.keyPrefix()).isEqualTo("pmp:payload:");
        assertThat(DEFAULTS.retention()).isEqualTo(Duration.ofDays(400));
        assertThat(DEFAULTS.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(DEFAULTS.endpoint().location()).isEqualTo("redis://localhost:6379/0");
    }

    @Test
    void withersChangeOneSetting() {
        RedisRegistrySettings s = DEFAULTS.withKeyPrefix("test:").withRetention(Duration.ofHours(1))
                .withTimeout(Duration.ofMillis(300));
        assertThat(s).isEqualTo(new RedisRegistrySettings(DEFAULTS.endpoint(), "test:", Duration.ofHours(1),
                Duration.ofMillis(300)));
    }

    @Test
    void aRetentionBelowOneSecondOrWithAFractionIsRefused() {
        assertThatThrownBy(() -> DEFAULTS.withRetention(Duration.ZERO)).hasMessageContaining("at least 1 s");
        assertThatThrownBy(() -> DEFAULTS.withRetention(Duration.ofMillis(1500))).hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> DEFAULTS.withRetention(Duration.ofSeconds(-5))).hasMessageContaining("at least 1 s");
    }

    @Test
    void aBlankPrefixOrAnUnboundedTimeoutIsRefused() {
        assertThatThrownBy(() -> DEFAULTS.withKeyPrefix(" ")).hasMessageContaining("prefix must not be blank");
        assertThatThrownBy(() -> DEFAULTS.withTimeout(Duration.ZERO)).hasMessageContaining("timeout must be more than 0");
        assertThatThrownBy(() -> DEFAULTS.withTimeout(Duration.ofMinutes(5))).hasMessageContaining("at most 1 minute");
    }
}
