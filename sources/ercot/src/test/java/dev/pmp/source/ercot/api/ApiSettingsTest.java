package dev.pmp.source.ercot.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.source.ercot.ErcotSource;
import dev.pmp.source.ercot.report.ErcotReport;
import dev.pmp.spi.Auth;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Settings defaults, the B2C sign-in description, and how missing credentials disable the API datasets. */
class ApiSettingsTest {

    private static Settings of(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    private static Map<String, String> credentials() {
        Map<String, String> m = new HashMap<>();
        m.put(ApiSettings.USERNAME, "me@example.com");
        m.put(ApiSettings.PASSWORD, "pa55word");
        m.put(ApiSettings.KEY, "subscription-key-1");
        return m;
    }

    @Test
    void defaults() throws SourceException {
        ApiSettings s = ApiSettings.from(of(Map.of()));
        assertThat(s.apiBase()).isEqualTo(URI.create("https://api.ercot.com/api/public-reports"));
        assertThat(s.tokenUri()).isEqualTo(URI.create(
                "https://ercotb2c.b2clogin.com/ercotb2c.onmicrosoft.com/B2C_1_PUBAPI-ROPC-FLOW/oauth2/v2.0/token"));
        assertThat(s.credentials()).isEmpty();
        assertThat(s.pageSize()).isEqualTo(100_000);
        assertThat(s.auth()).isEmpty();
        assertThat(new ErcotSource().auth(of(Map.of()))).isEmpty();
    }

    @Test
    void describesTheRopcSignIn() throws SourceException {
        Map<String, String> m = credentials();
        m.put(ApiSettings.TOKEN_URL, "http://127.0.0.1:9/token/");
        Auth auth = new ErcotSource().auth(of(m)).orElseThrow();
        assertThat(auth).isInstanceOfSatisfying(Auth.BearerToken.class, t -> {
            assertThat(t.tokenUri()).isEqualTo(URI.create("http://127.0.0.1:9/token"));
            assertThat(t.tokenField()).isEqualTo("id_token");
            assertThat(t.lifetime()).isEqualTo(Duration.ofMinutes(55));
            assertThat(t.headers()).isEqualTo(Map.of("Ocp-Apim-Subscription-Key", "subscription-key-1"));
            assertThat(t.form()).isEqualTo(Map.of("grant_type", "password", "username", "me@example.com",
                    "password", "pa55word", "scope", "openid fec253ea-0d06-4272-a5e6-b478baeecd70 offline_access",
                    "client_id", "fec253ea-0d06-4272-a5e6-b478baeecd70", "response_type", "id_token"));
        });
    }

    @Test
    void apiDatasetsNeedTheThreeVariables() {
        for (ErcotReport r : new ErcotReport[] {ErcotReport.NP6_905_CD, ErcotReport.NP3_965_ER_GEN,
            ErcotReport.NP1_301}) {
            assertThatThrownBy(() -> new ErcotSource().feed(r.dataset(), of(Map.of())))
                    .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                    .hasMessageContaining("PMP_ERCOT_USERNAME").hasMessageContaining("PMP_ERCOT_PASSWORD")
                    .hasMessageContaining("PMP_ERCOT_SUBSCRIPTION_KEY");
        }
    }

    @Test
    void partialCredentialsAreRefusedWithoutEchoingThem() {
        Map<String, String> m = credentials();
        m.remove(ApiSettings.KEY);
        assertThatThrownBy(() -> ApiSettings.from(of(m)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("missing: PMP_ERCOT_SUBSCRIPTION_KEY").hasMessageNotContaining("pa55word");
    }

    @Test
    void neverPrintsSecrets() throws SourceException {
        ApiSettings s = ApiSettings.from(of(credentials()));
        assertThat(s.toString()).doesNotContain("pa55word", "subscription-key-1", "me@example.com").contains("set");
        assertThat(s.credentials().orElseThrow().toString()).doesNotContain("pa55word", "subscription-key-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "ftp://api.example", "http://api.example/?q=1", "https://u:pw@api.example"})
    void refusesAMalformedBase(String url) {
        Map<String, String> m = credentials();
        m.put(ApiSettings.API_URL, url);
        assertThatThrownBy(() -> ApiSettings.from(of(m)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("PMP_ERCOT_API_URL").hasMessageNotContaining("pw@");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "many"})
    void refusesABadPageSize(String size) {
        assertThatThrownBy(() -> ApiSettings.from(of(Map.of(ApiSettings.PAGE_SIZE, size))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessageContaining("PMP_ERCOT_API_PAGE_SIZE");
    }
}
