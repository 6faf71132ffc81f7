package dev.pmp.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.app.ConfigException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebSettingsTest {
    private static final Optional<String> TOKEN = Optional.of("a-long-enough-token");

    @Test
    void theDefaultIsLoopbackPort8080WithoutActions() {
        WebSettings w = WebSettings.parse(WebSettings.DEFAULT, Optional.empty());
        assertThat(w.enabled()).isTrue();
        assertThat(w.address().orElseThrow().getAddress().isLoopbackAddress()).isTrue();
        assertThat(w.address().orElseThrow().getPort()).isEqualTo(8080);
        assertThat(w.token()).isEmpty();
    }

    @Test
    void offAPortAloneAndIpv6AreRead() {
        assertThat(WebSettings.parse("off", Optional.empty()).enabled()).isFalse();
        assertThat(WebSettings.parse("9090", Optional.empty()).address().orElseThrow().getPort()).isEqualTo(9090);
        assertThat(WebSettings.parse("127.0.0.1:9090", Optional.empty()).address().orElseThrow().getPort()).isEqualTo(9090);
        assertThat(WebSettings.parse("[::1]:9091", Optional.empty()).address().orElseThrow().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void aNonLoopbackAddressIsRefusedWithoutAToken() {
        assertThatThrownBy(() -> WebSettings.parse("0.0.0.0:8080", Optional.empty()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("without a token").hasMessageContaining("PMP_HTTP_TOKEN");
        assertThat(WebSettings.parse("0.0.0.0:8080", TOKEN).enabled()).isTrue();
    }

    @Test
    void badValuesAndShortTokensAreConfigurationErrors() {
        assertThatThrownBy(() -> WebSettings.parse("localhost:http", Optional.empty())).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> WebSettings.parse("127.0.0.1:70000", Optional.empty())).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> WebSettings.parse("127.0.0.1:8080", Optional.of("short"))).isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("short");
    }

    @Test
    void theTokenNeverReachesToString() {
        assertThat(WebSettings.parse("127.0.0.1:8080", TOKEN).toString()).doesNotContain("a-long-enough-token").contains("token=set");
    }
}
