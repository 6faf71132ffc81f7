package dev.pmp.push.iris;

import java.net.URI;
import java.util.Objects;

/**
 * One message as IRIS delivers it.
 *
 * @param queue where it came from ({@code amqps://<namespace>.servicebus.windows.net/<queue>}); names the
 *     payload in the fetch log
 * @param subject the dataset code ({@code FUELINST}, {@code SYS_WARN}), empty when the message has none
 * @param messageId the original file name ({@code FUELINST_202311140741_....json}), empty when absent
 * @param body the body exactly as received: JSON text of an array of rows, or a JSON string holding it
 * @param deliveryCount how many times the broker delivered it before (0 on the first delivery)
 */
public record IrisMessage(URI queue, String subject, String messageId, byte[] body, long deliveryCount) {

    public IrisMessage {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(messageId, "messageId");
        body = body.clone();
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        return "IrisMessage[" + subject + " " + messageId + ", " + body.length + " bytes, delivery " + (deliveryCount + 1) + "]";
    }
}
