package dev.pmp.push.iris;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import java.util.Objects;

/**
 * How to reach one IRIS queue on Azure Service Bus with Microsoft Entra ID client credentials, read once
 * from {@link Settings}. The secret never appears in {@link #toString()}.
 *
 * @param clientId {@code PMP_IRIS_CLIENT_ID}, the application (client) id from the IRIS registration
 * @param clientSecret {@code PMP_IRIS_CLIENT_SECRET}; Elexon's secrets expire after two years
 * @param queue {@code PMP_IRIS_QUEUE}, the queue name from the registration
 * @param tenantId {@code PMP_IRIS_TENANT_ID}, default {@value #DEFAULT_TENANT_ID}
 * @param namespace {@code PMP_IRIS_NAMESPACE}, default {@value #DEFAULT_NAMESPACE}; a bare name gets
 *     {@code .servicebus.windows.net} appended, a name with a dot is used as the host as it is
 */
public record IrisSettings(String clientId, String clientSecret, String queue, String tenantId, String namespace) {

    /** Elexon's Entra ID tenant since the August 2025 release (before: {@code 1a235385-...}). */
    public static final String DEFAULT_TENANT_ID = "4203b7a0-7773-4de5-b830-8b263a20426e";
    /** Elexon's Service Bus namespace since the August 2025 release (before: {@code elexon-iris}). */
    public static final String DEFAULT_NAMESPACE = "elexon-insights-iris";

    public static final String CLIENT_ID = "PMP_IRIS_CLIENT_ID";
    public static final String CLIENT_SECRET = "PMP_IRIS_CLIENT_SECRET";
    public static final String QUEUE = "PMP_IRIS_QUEUE";
    public static final String TENANT_ID = "PMP_IRIS_TENANT_ID";
    public static final String NAMESPACE = "PMP_IRIS_NAMESPACE";

    public IrisSettings {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(namespace, "namespace");
    }

    /**
     * Reads the settings.
     *
     * @throws SourceException {@link Failure#CONFIG} naming every required key that is not set
     */
    public static IrisSettings from(Settings settings) throws SourceException {
        StringBuilder missing = new StringBuilder();
        String clientId = required(settings, CLIENT_ID, missing);
        String secret = required(settings, CLIENT_SECRET, missing);
        String queue = required(settings, QUEUE, missing);
        if (missing.length() > 0) {
            throw new SourceException(Failure.CONFIG, "IRIS needs " + missing
                    + " (from the registration at https://bmrs.elexon.co.uk/iris)");
        }
        return new IrisSettings(clientId, secret, queue,
                settings.value(TENANT_ID).orElse(DEFAULT_TENANT_ID).trim(),
                settings.value(NAMESPACE).orElse(DEFAULT_NAMESPACE).trim());
    }

    /** The Service Bus host, e.g. {@code elexon-insights-iris.servicebus.windows.net}. */
    public String fullyQualifiedNamespace() {
        return namespace.contains(".") ? namespace : namespace + ".servicebus.windows.net";
    }

    @Override
    public String toString() {
        return "IrisSettings[clientId=" + clientId + ", clientSecret=***, queue=" + queue + ", tenantId=" + tenantId
                + ", namespace=" + fullyQualifiedNamespace() + "]";
    }

    private static String required(Settings settings, String key, StringBuilder missing) {
        String value = settings.value(key).map(String::trim).orElse("");
        if (value.isEmpty()) {
            missing.append(missing.length() == 0 ? "" : ", ").append(key);
        }
        return value;
    }
}
