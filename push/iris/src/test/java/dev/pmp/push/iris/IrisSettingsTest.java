package dev.pmp.push.iris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IrisSettingsTest {
    static final Map<String, String> REQUIRED = Map.of(
            "PMP_IRIS_CLIENT_ID", "11111111-2222-3333-4444-555555555555",
            "PMP_IRIS_CLIENT_SECRET", "s3cr3t-value",
            "PMP_IRIS_QUEUE", "my-queue");

    static Settings settings(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    @Test
    void theTenantAndNamespaceDefaultToElexonsCurrentOnes() throws Exception {
        IrisSettings s = IrisSettings.from(settings(REQUIRED));

        assertThat(s.clientId()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(s.clientSecret()).isEqualTo("s3cr3t-value");
        assertThat(s.queue()).isEqualTo("my-queue");
        assertThat(s.tenantId()).isEqualTo("4203b7a0-7773-4de5-b830-8b263a20426e");
        assertThat(s.namespace()).isEqualTo("elexon-insights-iris");
        assertThat(s.fullyQualifiedNamespace()).isEqualTo("elexon-insights-iris.servicebus.windows.net");
        assertThat(ServiceBusIrisConnection.address(s)).hasToString("amqps://elexon-insights-iris.servicebus.windows.net/my-queue");
    }

    @Test
    void tenantAndNamespaceCanBeOverridden() throws Exception {
        Map<String, String> values = new java.util.HashMap<>(REQUIRED);
        values.put("PMP_IRIS_TENANT_ID", "1a235385-5d29-40e1-96fd-bc5ec2706361");
        values.put("PMP_IRIS_NAMESPACE", "elexon-iris");

        IrisSettings s = IrisSettings.from(settings(values));

        assertThat(s.tenantId()).isEqualTo("1a235385-5d29-40e1-96fd-bc5ec2706361");
        assertThat(s.fullyQualifiedNamespace()).isEqualTo("elexon-iris.servicebus.windows.net");
        values.put("PMP_IRIS_NAMESPACE", "bus.example.net");
        assertThat(IrisSettings.from(settings(values)).fullyQualifiedNamespace()).isEqualTo("bus.example.net");
    }

    @Test
    void missingCredentialsAreAConfigFailureNamingEveryKey() {
        assertThatThrownBy(() -> IrisSettings.from(settings(Map.of("PMP_IRIS_QUEUE", "q"))))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIG))
                .hasMessage("IRIS needs PMP_IRIS_CLIENT_ID, PMP_IRIS_CLIENT_SECRET (from the registration at https://bmrs.elexon.co.uk/iris)");
    }

    @Test
    void theSecretNeverAppearsInToString() throws Exception {
        assertThat(IrisSettings.from(settings(REQUIRED)).toString())
                .doesNotContain("s3cr3t-value")
                .contains("clientSecret=***", "queue=my-queue");
    }
}
