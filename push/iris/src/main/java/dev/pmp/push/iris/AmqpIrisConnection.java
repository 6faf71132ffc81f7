package dev.pmp.push.iris;

import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.ConnectionOptions;
import org.apache.qpid.protonj2.client.Delivery;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Receiver;
import org.apache.qpid.protonj2.client.ReceiverOptions;
import org.apache.qpid.protonj2.client.exceptions.ClientConnectionSecurityException;
import org.apache.qpid.protonj2.client.exceptions.ClientException;
import org.apache.qpid.protonj2.client.exceptions.ClientLinkRemotelyClosedException;

/**
 * An {@link IrisConnection} over plain AMQP 1.0 (Apache Qpid protonj2), without Azure's claims-based
 * authentication: for a local broker (Apache Artemis in the tests, a simulator) that holds IRIS-shaped
 * messages. Settles like Service Bus peek-lock: {@code accepted} completes, {@code modified} with
 * delivery-failed abandons (the broker counts the attempt and redelivers). The receiver asks for the source
 * capability {@code queue}, so a broker such as Artemis reads an anycast queue rather than creating a
 * multicast address. It takes one message at a time (credit window 1). Anonymous, without TLS.
 */
public final class AmqpIrisConnection implements IrisConnection {
    private static final long POLL_MILLIS = 200;

    private final Client client;
    private final Connection connection;
    private final String queue;
    private final URI address;
    private volatile boolean closed;
    private volatile boolean running;

    private AmqpIrisConnection(Client client, Connection connection, String host, int port, String queue) {
        this.client = client;
        this.connection = connection;
        this.queue = queue;
        this.address = URI.create("amqp://" + host + ":" + port + "/" + queue);
    }

    /**
     * Connects to a broker. The connection is made in the background; a refused or lost one surfaces from
     * {@link #run}.
     *
     * @throws SourceException {@link Failure#CONFIG} when the address cannot be used at all
     */
    public static AmqpIrisConnection open(String host, int port, String queue) throws SourceException {
        if (queue.isBlank()) {
            throw new SourceException(Failure.CONFIG, "an AMQP queue name is needed");
        }
        Client client = Client.create();
        try {
            Connection connection = client.connect(host, port, new ConnectionOptions().reconnectEnabled(false));
            return new AmqpIrisConnection(client, connection, host, port, queue);
        } catch (ClientException | RuntimeException e) {
            client.close();
            throw new SourceException(Failure.CONFIG, "cannot connect to amqp://" + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void run(MessageHandler handler) throws SourceException {
        ReceiverOptions options = new ReceiverOptions().autoAccept(false).creditWindow(1);
        options.sourceOptions().capabilities("queue");
        running = true;
        Receiver receiver = null;
        try {
            receiver = connection.openReceiver(queue, options);
            while (!closed) {
                Delivery delivery = receiver.receive(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (delivery != null) {
                    settle(delivery, handler);
                }
            }
        } catch (ClientException e) {
            if (!closed) {
                throw classify(e);
            }
        } finally {
            running = false;
            if (closed) {
                client.close();
            } else if (receiver != null) {
                // Ended by a failure: give back the credit, so no message waits on a receiver nobody reads.
                receiver.close();
            }
        }
    }

    private void settle(Delivery delivery, MessageHandler handler) throws ClientException {
        Disposition disposition;
        try {
            disposition = handler.handle(message(delivery));
        } catch (RuntimeException e) {
            delivery.modified(true, false);
            throw e;
        }
        switch (disposition) {
            case COMPLETE -> delivery.accept();
            case ABANDON -> delivery.modified(true, false);
        }
    }

    private IrisMessage message(Delivery delivery) throws ClientException {
        Message<Object> m = delivery.message();
        Object body = m.body();
        byte[] bytes;
        if (body instanceof byte[] b) {
            bytes = b;
        } else if (body == null) {
            bytes = new byte[0];
        } else {
            // An AMQP value section (a string, as some senders use): its text is the JSON.
            bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        }
        Object id = m.messageId();
        if (id == null) {
            // For a few months in 2024 IRIS named the file in an application property instead.
            id = m.property("source_file_name");
        }
        return new IrisMessage(address, m.subject() == null ? "" : m.subject(), id == null ? "" : id.toString(), bytes,
                m.deliveryCount());
    }

    private SourceException classify(ClientException e) {
        Failure failure = e instanceof ClientConnectionSecurityException || e instanceof ClientLinkRemotelyClosedException
                ? Failure.CONFIG : Failure.TRANSIENT;
        return new SourceException(failure, "AMQP queue " + address + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        closed = true;
        // A running loop settles the message in hand, then closes the client itself on its way out.
        if (!running) {
            client.close();
        }
    }
}
