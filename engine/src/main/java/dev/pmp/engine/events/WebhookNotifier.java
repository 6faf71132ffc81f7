package dev.pmp.engine.events;

import dev.pmp.spi.Event;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Posts each event to a webhook as Slack-compatible JSON: {@code text} for chat tools, {@code event} with the
 * whole event for programs. Any 2xx is delivery; anything else, or no answer within the timeout, is a failure.
 */
public final class WebhookNotifier implements Notifier {

    private final URI url;
    private final HttpClient client;
    private final Duration timeout;

    public WebhookNotifier(URI url, Duration timeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (!url.isAbsolute() || !(url.getScheme().equals("https") || url.getScheme().equals("http"))) {
            throw new IllegalArgumentException("a webhook URL is an absolute http(s) URL: " + url);
        }
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(List<Event> events) throws IOException {
        for (Event e : events) {
            String body = "{\"text\":" + quote(text(e)) + ",\"event\":" + Notifier.message(e) + "}";
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while posting to the webhook", ie);
            }
            if (response.statusCode() / 100 != 2) {
                throw new IOException("the webhook " + url.getHost() + " answered " + response.statusCode());
            }
        }
    }

    /** The chat line: {@code pmp: rows_arrived ercot.fuel_mix (seq 12)}. */
    static String text(Event e) {
        return "pmp: " + e.type().replace('_', ' ') + " " + e.datasetId() + " at " + e.at() + " (seq " + e.seq() + ")";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
