package dev.pmp.push.iris;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.AzureException;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusException;
import com.azure.messaging.servicebus.ServiceBusFailureReason;
import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import com.azure.messaging.servicebus.models.ServiceBusReceiveMode;
import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.net.URI;
import java.time.Duration;

/**
 * The production {@link IrisConnection}: Elexon's IRIS queue on Azure Service Bus, through the Azure SDK,
 * signed in with Microsoft Entra ID client credentials. Peek-lock with auto-complete off: a message is
 * completed or abandoned exactly as the handler says. The SDK renews a message's lock (one minute on IRIS)
 * for up to {@value #LOCK_RENEWAL_MINUTES} minutes while it is handled, because IRIS messages can exceed
 * 11 MB; a lock lost anyway means a redelivery, which the idempotent write makes harmless.
 *
 * <p>Not tested against a broker: the Service Bus SDK needs Azure's claims-based authentication, which no
 * local AMQP broker offers. {@link AmqpIrisConnection} runs the same handler contract in the tests.
 */
public final class ServiceBusIrisConnection implements IrisConnection {
    private static final System.Logger LOG = System.getLogger(ServiceBusIrisConnection.class.getName());
    private static final long LOCK_RENEWAL_MINUTES = 10;
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final ServiceBusReceiverClient receiver;
    private final URI address;
    private volatile boolean closed;
    private volatile boolean running;

    private ServiceBusIrisConnection(ServiceBusReceiverClient receiver, URI address) {
        this.receiver = receiver;
        this.address = address;
    }

    /**
     * Builds the client; the SDK signs in and connects on the first receive, inside {@link #run}.
     *
     * @throws SourceException {@link Failure#CONFIG} when the SDK rejects the settings
     */
    public static ServiceBusIrisConnection open(IrisSettings settings) throws SourceException {
        try {
            TokenCredential credential = new ClientSecretCredentialBuilder()
                    .tenantId(settings.tenantId())
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret())
                    .build();
            ServiceBusReceiverClient receiver = new ServiceBusClientBuilder()
                    .fullyQualifiedNamespace(settings.fullyQualifiedNamespace())
                    .credential(credential)
                    .receiver()
                    .queueName(settings.queue())
                    .receiveMode(ServiceBusReceiveMode.PEEK_LOCK)
                    .disableAutoComplete()
                    .prefetchCount(0)
                    .maxAutoLockRenewDuration(Duration.ofMinutes(LOCK_RENEWAL_MINUTES))
                    .buildClient();
            return new ServiceBusIrisConnection(receiver, address(settings));
        } catch (RuntimeException e) {
            throw new SourceException(Failure.CONFIG, "cannot set up the IRIS client for " + address(settings) + ": " + e.getMessage(), e);
        }
    }

    /** {@code amqps://<namespace host>/<queue>}: names the messages of these settings. */
    static URI address(IrisSettings settings) {
        return URI.create("amqps://" + settings.fullyQualifiedNamespace() + "/" + settings.queue());
    }

    @Override
    public void run(MessageHandler handler) throws SourceException {
        running = true;
        try {
            while (!closed) {
                for (ServiceBusReceivedMessage m : receiver.receiveMessages(1, MAX_WAIT)) {
                    settle(m, handler);
                }
            }
        } catch (AzureException e) {
            if (!closed) {
                throw new SourceException(failure(e), "IRIS queue " + address + ": " + e.getMessage(), e);
            }
        } finally {
            running = false;
            if (closed) {
                receiver.close();
            }
        }
    }

    private void settle(ServiceBusReceivedMessage m, MessageHandler handler) {
        IrisMessage message = new IrisMessage(address, m.getSubject() == null ? "" : m.getSubject(), messageId(m),
                m.getBody().toBytes(), m.getDeliveryCount());
        Disposition disposition;
        try {
            disposition = handler.handle(message);
        } catch (RuntimeException e) {
            receiver.abandon(m);
            throw e;
        }
        try {
            switch (disposition) {
                case COMPLETE -> receiver.complete(m);
                case ABANDON -> receiver.abandon(m);
            }
        } catch (ServiceBusException e) {
            if (e.getReason() != ServiceBusFailureReason.MESSAGE_LOCK_LOST) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "the lock of " + message + " was lost before it was settled ("
                    + disposition + "); Service Bus delivers it again");
        }
    }

    private static String messageId(ServiceBusReceivedMessage m) {
        if (m.getMessageId() != null) {
            return m.getMessageId();
        }
        // For a few months in 2024 IRIS named the file in an application property instead.
        Object name = m.getApplicationProperties().get("source_file_name");
        return name == null ? "" : name.toString();
    }

    /**
     * Classifies an SDK failure: rejected credentials, a missing or disabled queue are {@link Failure#CONFIG};
     * everything else (network, service busy, timeouts) is {@link Failure#TRANSIENT}.
     */
    static Failure failure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClientAuthenticationException) {
                return Failure.CONFIG;
            }
            if (t instanceof ServiceBusException sb) {
                ServiceBusFailureReason reason = sb.getReason();
                if (ServiceBusFailureReason.UNAUTHORIZED.equals(reason)
                        || ServiceBusFailureReason.MESSAGING_ENTITY_NOT_FOUND.equals(reason)
                        || ServiceBusFailureReason.MESSAGING_ENTITY_DISABLED.equals(reason)) {
                    return Failure.CONFIG;
                }
            }
        }
        return Failure.TRANSIENT;
    }

    @Override
    public void close() {
        closed = true;
        // A running loop settles the message in hand, then closes the receiver itself on its way out.
        if (!running) {
            receiver.close();
        }
    }
}
