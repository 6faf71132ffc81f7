package dev.pmp.push.iris;

import dev.pmp.engine.pipeline.Transfer;
import dev.pmp.engine.pipeline.Transport;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written stand-in for the Insights REST stream endpoint: answers {@link FuelinstFeed#request} with the
 * published readings whose start lies in {@code [from, to)}, in the same JSON IRIS carries.
 */
final class RestApi implements Transport {
    private final List<Reading> published;
    private final Clock clock;
    private final List<FetchRequest> requests = new ArrayList<>();

    RestApi(List<Reading> published, Clock clock) {
        this.published = List.copyOf(published);
        this.clock = clock;
    }

    @Override
    public Transfer fetch(String source, FetchRequest request, boolean live) {
        requests.add(request);
        Instant from = null;
        Instant to = null;
        for (String pair : request.uri().getQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            switch (kv[0]) {
                case "from" -> from = Instant.parse(kv[1]);
                case "to" -> to = Instant.parse(kv[1]);
                default -> throw new IllegalArgumentException("unexpected parameter " + pair);
            }
        }
        Instant f = from;
        Instant t = to;
        List<Reading> answer = published.stream().filter(r -> !r.start().isBefore(f) && r.start().isBefore(t)).toList();
        byte[] body = Reading.json(answer).getBytes(StandardCharsets.UTF_8);
        return new Transfer(new FetchResponse(request.uri(), 200, "application/json", body, clock.instant()), body, 1);
    }

    /** The requests answered so far. */
    List<FetchRequest> requests() {
        return List.copyOf(requests);
    }
}
