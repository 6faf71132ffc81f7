package dev.pmp.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.pmp.spi.Window;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code /_sim/} endpoints through which another process scripts the simulator. Each answers
 * {@code text/plain} (or JSON for {@code /_sim/requests}); a bad parameter answers 400 with the reason.
 */
final class ControlEndpoints implements HttpHandler {

    private static final String KINDS = Arrays.stream(FaultKind.values()).map(FaultKind::wireName)
            .collect(Collectors.joining(", "));

    static final String USAGE = "pmp simulator control endpoints:\n"
            + "  POST /_sim/fault?kind=K&count=N[&retryAfter=SECONDS][&delayMs=MS][&path=P]  arm a fault for the next N requests"
            + " (-1 = forever); K: " + KINDS + "\n"
            + "  POST /_sim/fault/clear                      disarm every fault\n"
            + "  POST /_sim/withhold?from=ISO&to=ISO          leave out samples taken in [from, to)\n"
            + "  POST /_sim/withhold/clear                   publish every sample again\n"
            + "  POST /_sim/reset                            faults, withheld windows and request counts cleared\n"
            + "  GET  /_sim/requests[?format=text]           requests received per path (JSON, or 'path count' lines)\n";

    private final Simulator simulator;

    ControlEndpoints(Simulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Map<String, String> query;
            try {
                query = query(exchange.getRequestURI().getRawQuery());
            } catch (IllegalArgumentException e) {
                text(exchange, 400, "malformed query: " + e.getMessage() + "\n");
                return;
            }
            String command = path.substring(Simulator.CONTROL_PREFIX.length());
            switch (command) {
                case "" -> text(exchange, 200, USAGE);
                case "fault" -> post(exchange, method, () -> armFault(query));
                case "fault/clear" -> post(exchange, method, () -> {
                    simulator.clearFaults();
                    return "faults cleared\n";
                });
                case "withhold" -> post(exchange, method, () -> withhold(query));
                case "withhold/clear" -> post(exchange, method, () -> {
                    simulator.clearWithheld();
                    return "withheld windows cleared\n";
                });
                case "reset" -> post(exchange, method, () -> {
                    simulator.reset();
                    return "reset\n";
                });
                case "requests" -> {
                    if (!method.equals("GET")) {
                        notAllowed(exchange, "GET");
                    } else if ("text".equals(query.get("format"))) {
                        StringBuilder lines = new StringBuilder();
                        simulator.requestCounts().forEach((p, n) -> lines.append(p).append(' ').append(n).append('\n'));
                        text(exchange, 200, lines.toString());
                    } else {
                        Simulator.respond(exchange, 200, "application/json", requestsJson());
                    }
                }
                default -> text(exchange, 404, "unknown control endpoint " + path + "\n" + USAGE);
            }
        } finally {
            exchange.close();
        }
    }

    /** The work of one POST endpoint; returns the reply text or throws {@link IllegalArgumentException} for a 400. */
    private interface Command {
        String run();
    }

    private void post(HttpExchange exchange, String method, Command command) throws IOException {
        if (!method.equals("POST")) {
            notAllowed(exchange, "POST");
            return;
        }
        String reply;
        try {
            reply = command.run();
        } catch (IllegalArgumentException e) {
            text(exchange, 400, e.getMessage() + "\n");
            return;
        }
        text(exchange, 200, reply);
    }

    private String armFault(Map<String, String> query) {
        String kindName = required(query, "kind");
        FaultKind kind = FaultKind.fromWireName(kindName).orElseThrow(
                () -> new IllegalArgumentException("unknown fault kind '" + kindName + "'; kinds: " + KINDS));
        int count = (int) number(query, "count", 1);
        Duration delay = Duration.ofMillis(number(query, "delayMs", Fault.DEFAULT_DELAY.toMillis()));
        Duration retryAfter = Duration.ofSeconds(number(query, "retryAfter", Fault.DEFAULT_RETRY_AFTER.toSeconds()));
        String path = query.get("path");
        if (path == null) {
            simulator.inject(new Fault(kind, delay, retryAfter), count);
        } else {
            simulator.inject(path, new Fault(kind, delay, retryAfter), count);
        }
        return "armed " + kind.wireName() + " for " + (count == -1 ? "every request" : count + " request(s)")
                + (path == null ? "" : " to " + path) + "\n";
    }

    private String withhold(Map<String, String> query) {
        Instant from = instant(query, "from");
        Instant to = instant(query, "to");
        Window window = new Window(from, to);
        simulator.withhold(window);
        return "withholding " + window + "\n";
    }

    private String requestsJson() {
        return simulator.requestCounts().entrySet().stream()
                .map(e -> "\"" + jsonEscape(e.getKey()) + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}\n"));
    }

    private static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing parameter '" + name + "'");
        }
        return value;
    }

    private static long number(Map<String, String> query, String name, long fallback) {
        String value = query.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "' is not a whole number: " + value, e);
        }
    }

    /** An ISO-8601 instant ({@code 2026-11-20T16:00:00Z}) or offset date-time ({@code ...T10:00:00-06:00}). */
    private static Instant instant(Map<String, String> query, String name) {
        String value = required(query, name);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parameter '" + name + "' is not an ISO-8601 date-time with offset: "
                    + value, e);
        }
    }

    /** Decodes {@code %xx} escapes but keeps a literal {@code +}, so offsets like {@code +01:00} survive unescaped. */
    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(decode(name), decode(value));
        }
        return params;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void notAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        text(exchange, 405, "use " + allowed + "\n");
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        Simulator.respond(exchange, status, "text/plain; charset=utf-8", body);
    }
}
