package dev.pmp.push.iris;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.amqp.exception.AmqpErrorCondition;
import com.azure.core.amqp.exception.AmqpException;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.messaging.servicebus.ServiceBusErrorSource;
import com.azure.messaging.servicebus.ServiceBusException;
import dev.pmp.spi.Failure;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the Azure Service Bus connection without Azure: failure classification and that the
 * SDK accepts the client configuration. Receiving needs Azure's claims-based authentication, which no local
 * broker offers; {@link AmqpIrisConnectionTest} covers the handler contract instead.
 */
class ServiceBusIrisConnectionTest {

    @Test
    void rejectedCredentialsAndAMissingQueueAreConfigFailures() {
        assertThat(ServiceBusIrisConnection.failure(new ClientAuthenticationException("AADSTS7000215: invalid client secret", null)))
                .isEqualTo(Failure.CONFIG);
        assertThat(ServiceBusIrisConnection.failure(serviceBus(AmqpErrorCondition.UNAUTHORIZED_ACCESS))).isEqualTo(Failure.CONFIG);
        assertThat(ServiceBusIrisConnection.failure(serviceBus(AmqpErrorCondition.NOT_FOUND))).isEqualTo(Failure.CONFIG);
        assertThat(ServiceBusIrisConnection.failure(new IllegalStateException("wrapper",
                new ClientAuthenticationException("expired", null)))).isEqualTo(Failure.CONFIG);
    }

    @Test
    void networkAndServiceTroubleAreTransient() {
        assertThat(ServiceBusIrisConnection.failure(serviceBus(AmqpErrorCondition.SERVER_BUSY_ERROR))).isEqualTo(Failure.TRANSIENT);
        assertThat(ServiceBusIrisConnection.failure(serviceBus(AmqpErrorCondition.TIMEOUT_ERROR))).isEqualTo(Failure.TRANSIENT);
        assertThat(ServiceBusIrisConnection.failure(new ServiceBusException(new RuntimeException("connection reset"),
                ServiceBusErrorSource.RECEIVE))).isEqualTo(Failure.TRANSIENT);
    }

    @Test
    void theSdkAcceptsTheClientConfigurationWithoutConnecting() throws Exception {
        IrisSettings settings = IrisSettings.from(IrisSettingsTest.settings(IrisSettingsTest.REQUIRED));

        try (ServiceBusIrisConnection connection = ServiceBusIrisConnection.open(settings)) {
            assertThat(connection).isNotNull();
        }
    }

    private static ServiceBusException serviceBus(AmqpErrorCondition condition) {
        return new ServiceBusException(new AmqpException(false, condition, condition.toString(), null), ServiceBusErrorSource.RECEIVE);
    }
}
