package dev.pmp.push.iris;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.Delivery;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Receiver;
import org.apache.qpid.protonj2.client.ReceiverOptions;
import org.apache.qpid.protonj2.client.Sender;
import org.apache.qpid.protonj2.client.SenderOptions;

/**
 * A real in-process Apache Artemis broker with an AMQP 1.0 acceptor on 127.0.0.1, persistence and security
 * off, set up like an IRIS queue: after {@value #MAX_DELIVERIES} deliveries a message moves to the dead-letter
 * queue {@value #DEAD_LETTERS}. Sends messages the way IRIS does (subject, message id, a Data body).
 */
final class Broker {
    static final int MAX_DELIVERIES = 5;
    static final String DEAD_LETTERS = "DLQ";

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final int port;
    private final Client client = Client.create();
    private Connection connection;

    private Broker(int port) {
        this.port = port;
    }

    static Broker start() throws Exception {
        Broker b = new Broker(freePort());
        b.server.setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + b.port + "?protocols=AMQP")
                .addAddressSetting("#", new AddressSettings()
                        .setMaxDeliveryAttempts(MAX_DELIVERIES)
                        .setRedeliveryDelay(0)
                        .setDeadLetterAddress(SimpleString.of(DEAD_LETTERS)))
                .addQueueConfiguration(QueueConfiguration.of(DEAD_LETTERS).setRoutingType(RoutingType.ANYCAST)));
        b.server.start();
        b.connection = b.client.connect("127.0.0.1", b.port);
        return b;
    }

    int port() {
        return port;
    }

    /** Sends one message with a Data (binary) body, as Service Bus carries IRIS bodies. */
    void send(String queue, String subject, String messageId, String body) throws Exception {
        send(queue, subject, messageId, Message.create(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends one message whose body is an AMQP string value. */
    void sendValue(String queue, String subject, String messageId, String body) throws Exception {
        send(queue, subject, messageId, Message.create(body));
    }

    private void send(String queue, String subject, String messageId, Message<?> message) throws Exception {
        SenderOptions options = new SenderOptions();
        options.targetOptions().capabilities("queue");
        try (Sender sender = connection.openSender(queue, options)) {
            message.subject(subject).messageId(messageId).durable(true);
            sender.send(message).awaitSettlement(5, TimeUnit.SECONDS);
        }
    }

    /** Takes (and accepts) every message now in a queue, as their message ids. */
    List<String> drain(String queue) throws Exception {
        ReceiverOptions options = new ReceiverOptions();
        options.sourceOptions().capabilities("queue");
        List<String> ids = new ArrayList<>();
        try (Receiver receiver = connection.openReceiver(queue, options)) {
            Delivery d;
            while ((d = receiver.receive(500, TimeUnit.MILLISECONDS)) != null) {
                ids.add(String.valueOf(d.message().messageId()));
                d.accept();
            }
        }
        return ids;
    }

    /** Closes the test client and stops the broker. */
    void stop() throws Exception {
        client.close();
        server.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
