package dev.pmp.engine.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.pmp.engine.ledger.Gap;
import dev.pmp.engine.ledger.GapKind;
import dev.pmp.engine.pipeline.RunReport;
import dev.pmp.spi.Event;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Window;
import dev.pmp.spi.WriteResult;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EventsTest {
    private static final Instant T = Instant.parse("2024-07-01T12:00:00Z");
    private static final Window W = new Window(T, T.plus(Duration.ofHours(1)));

    private static RunReport report(WriteResult written, List<Gap> gaps, boolean caughtUp, Failure failure, String message) {
        return new RunReport("ercot.fuel_mix", 1, written.inserted() + written.updated(), written, gaps, caughtUp,
                List.of(), List.of(), failure, message, Duration.ofMillis(5),
                written.inserted() + written.updated() > 0 ? W : null);
    }

    private static List<String> types(List<Event> events) {
        return events.stream().map(Event::type).toList();
    }

    @Test
    void passesBecomeEventsAndGapsAndLatenessAreAnnouncedOnChangeOnly() {
        Events events = new Events();
        Gap hole = new Gap(new Window(T, T.plus(Duration.ofMinutes(15))), 3, GapKind.MISSING);

        List<Event> first = events.of(report(new WriteResult(10, 2, 0), List.of(hole), false, null, ""), T);
        assertThat(types(first)).containsExactly("rows_arrived", "rows_revised", "gap_found", "dataset_late");
        assertThat(first.get(0).payload()).startsWith("{\"schema_version\":1,\"type\":\"rows_arrived\"")
                .contains("\"dataset\":\"ercot.fuel_mix\"", "\"window\":{\"start\":\"2024-07-01T12:00:00Z\"",
                        "\"inserted\":10", "\"updated\":2");
        assertThat(types(events.of(report(WriteResult.NONE, List.of(hole), false, null, ""), T))).isEmpty();
        assertThat(types(events.of(report(new WriteResult(3, 0, 0), List.of(), true, null, ""), T)))
                .containsExactly("rows_arrived", "gap_filled");
        assertThat(types(events.of(report(WriteResult.NONE, List.of(), true, Failure.TRANSIENT, "GET x answered 503"), T)))
                .containsExactly("fetch_failed");
        List<Event> drift = events.of(report(WriteResult.NONE, List.of(), true, Failure.BAD_DATA,
                "required column \"SCED Time Stamp\" is missing"), T);
        assertThat(types(drift)).containsExactly("schema_drift");
        assertThat(drift.get(0).payload()).contains("\"failure\":\"BAD_DATA\"", "\\\"SCED Time Stamp\\\"");
    }

    @Test
    void relayKeepsEventsThroughAnOutageAndDeliversThemInOrderAfterwards() throws Exception {
        MemoryStore store = new MemoryStore();
        ManualClock clock = new ManualClock(T);
        Flaky kafka = new Flaky();
        OutboxRelay relay = new OutboxRelay(store, List.of(kafka), clock);
        Events events = new Events();
        relay.enqueue(events.of(report(new WriteResult(5, 0, 0), List.of(), true, null, ""), T));

        kafka.down = true;
        assertThat(relay.drain(Duration.ofSeconds(10))).isZero();
        assertThat(relay.lastProblem()).contains("broker down");
        relay.enqueue(events.of(report(WriteResult.NONE, List.of(), true, Failure.TRANSIENT, "timeout"), T));
        assertThat(store.pendingEvents(10)).hasSize(2);
        kafka.down = false;
        assertThat(relay.relay()).isZero(); // still waiting after the failure: nothing is sent
        assertThat(kafka.received).isEmpty();
        clock.advance(Duration.ofSeconds(6));
        assertThat(relay.drain(Duration.ofSeconds(10))).isEqualTo(2);
        assertThat(kafka.received).extracting(Event::type).containsExactly("rows_arrived", "fetch_failed");
        assertThat(store.pendingEvents(10)).isEmpty();
        assertThat(Notifier.message(kafka.received.get(0))).startsWith("{\"seq\":1,\"schema_version\":1,");
    }

    @Test
    void withoutNotifiersNothingIsKept() throws Exception {
        MemoryStore store = new MemoryStore();
        OutboxRelay relay = new OutboxRelay(store, List.of(), new ManualClock(T));
        relay.enqueue(new Events().of(report(new WriteResult(5, 0, 0), List.of(), true, null, ""), T));
        assertThat(store.pendingEvents(10)).isEmpty();
        assertThat(relay.drain(Duration.ofSeconds(1))).isZero();
    }

    @Test
    void webhookPostsSlackCompatibleJsonAndTreatsNon2xxAsFailure() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        int[] status = {200};
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status[0], -1);
            exchange.close();
        });
        server.start();
        try {
            WebhookNotifier hook = new WebhookNotifier(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"), Duration.ofSeconds(5));
            Event e = new Event(7, "gap_found", "caiso.lmp_day_ahead_hourly", T, "{\"type\":\"gap_found\"}");
            hook.send(List.of(e));
            assertThat(bodies).containsExactly("{\"text\":\"pmp: gap found caiso.lmp_day_ahead_hourly at "
                    + "2024-07-01T12:00:00Z (seq 7)\",\"event\":{\"seq\":7,\"type\":\"gap_found\"}}");
            status[0] = 500;
            assertThatThrownBy(() -> hook.send(List.of(e))).isInstanceOf(IOException.class).hasMessageContaining("500");
        } finally {
            server.stop(0);
        }
        assertThatThrownBy(() -> new WebhookNotifier(URI.create("ftp://x/y"), Duration.ofSeconds(1)))
                .hasMessageContaining("http(s)");
    }

    /** A notifier whose receiver can be switched off. */
    private static final class Flaky implements Notifier {
        volatile boolean down;
        final List<Event> received = new ArrayList<>();

        @Override
        public String name() {
            return "kafka";
        }

        @Override
        public void send(List<Event> events) throws IOException {
            if (down) {
                throw new IOException("broker down");
            }
            received.addAll(events);
        }
    }
}
