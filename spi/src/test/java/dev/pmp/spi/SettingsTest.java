package dev.pmp.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static final URI FALLBACK = URI.create("https://www.ercot.com");

    private static Settings with(String value) {
        return key -> Optional.ofNullable(Map.of("PMP_X_URL", value).get(key));
    }

    @Test
    void baseUrlFallsBackTrimsAndDropsTrailingSlashes() throws Exception {
        assertThat(((Settings) key -> Optional.empty()).baseUrl("PMP_X_URL", FALLBACK)).isEqualTo(FALLBACK);
        assertThat(with("  http://127.0.0.1:8080/sim//  ").baseUrl("PMP_X_URL", FALLBACK))
                .isEqualTo(URI.create("http://127.0.0.1:8080/sim"));
    }

    @Test
    void baseUrlRefusesWhatCannotBeABaseAndNeverEchoesCredentials() {
        assertThatThrownBy(() -> with("ftp://host/x").baseUrl("PMP_X_URL", FALLBACK))
                .hasMessageContaining("PMP_X_URL", "expected an http or https URL such as https://www.ercot.com");
        assertThatThrownBy(() -> with("http:///nohost").baseUrl("PMP_X_URL", FALLBACK)).hasMessageContaining("names no host");
        assertThatThrownBy(() -> with("https://h/x?a=1").baseUrl("PMP_X_URL", FALLBACK))
                .hasMessageContaining("must not carry a query or fragment");
        assertThatThrownBy(() -> with("https://user:s3cret@h/x").baseUrl("PMP_X_URL", FALLBACK))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("must not contain credentials").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> with("http://bad host").baseUrl("PMP_X_URL", FALLBACK)).hasMessageContaining("is not a URL");
    }
}
