package dev.pmp.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pmp.sim.ercot.EnergyStorageDashboard;
import dev.pmp.sim.ercot.EsrRecordedDay;
import dev.pmp.sim.ercot.FuelMixDashboard;
import dev.pmp.sim.ercot.SystemWidePricesDashboard;
import dev.pmp.spi.Window;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback HTTP server that answers like the operators' endpoints, from recorded payloads shifted to
 * the injected clock's today, with faults that can be switched on while it runs.
 *
 * <p>Serves {@value EnergyStorageDashboard#PATH}, {@value SystemWidePricesDashboard#PATH} and
 * {@value FuelMixDashboard#PATH} (GET) and the control endpoints under {@code /_sim/} (see
 * {@code sim/README.md}). Every other path answers 404. Faults and withheld windows apply to every
 * dashboard; a fault can also be aimed at one path. Requests are handled on a pool of daemon
 * threads, so a {@link FaultKind#TIMEOUT} holds only its own request. All public methods are
 * thread-safe.
 */
public final class Simulator implements AutoCloseable {

    static final String CONTROL_PREFIX = "/_sim/";

    /** The dashboards served, in a fixed order. */
    public static final List<String> DASHBOARD_PATHS = List.of(EnergyStorageDashboard.PATH,
            SystemWidePricesDashboard.PATH, FuelMixDashboard.PATH);

    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final EnergyStorageDashboard energyStorage;
    private final SystemWidePricesDashboard systemWidePrices;
    private final FuelMixDashboard fuelMix;
    private final FaultSchedule faults = new FaultSchedule();
    private final List<Window> withheld = new CopyOnWriteArrayList<>();
    private final Map<String, LongAdder> requestCounts = new ConcurrentHashMap<>();
    private final URI baseUri;
    private final List<SimEndpoint> endpoints;

    private Simulator(Clock clock, int port, SimulatorSettings settings, List<SimEndpoint> endpoints)
            throws IOException {
        this.endpoints = List.copyOf(endpoints);
        for (SimEndpoint e : this.endpoints) {
            if (!e.prefix().startsWith("/") || !e.prefix().endsWith("/") || e.prefix().startsWith(CONTROL_PREFIX)) {
                throw new IllegalArgumentException("an endpoint prefix starts and ends with / and is not "
                        + CONTROL_PREFIX + ": " + e.prefix());
            }
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(settings, "settings");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        EsrRecordedDay recorded = EsrRecordedDay.load();
        this.energyStorage = new EnergyStorageDashboard(recorded, settings.publicationLag(),
                settings.fallBackDefect());
        this.systemWidePrices = new SystemWidePricesDashboard(settings.publicationLag());
        this.fuelMix = new FuelMixDashboard(recorded, settings.publicationLag());
        InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        // Answer without Nagle's delay: the JDK server otherwise adds ~10-40 ms per response on loopback.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress(loopback, port), 64);
        AtomicInteger threadNumber = new AtomicInteger();
        this.handlers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "pmp-sim-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext("/", this::serveOperator);
        server.createContext(CONTROL_PREFIX, new ControlEndpoints(this));
        server.start();
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Starts a simulator with {@link SimulatorSettings#defaults()} on {@code 127.0.0.1:port} (0 = any free port). */
    public static Simulator start(Clock clock, int port) throws IOException {
        return start(clock, port, SimulatorSettings.defaults());
    }

    /**
     * Starts a simulator on {@code 127.0.0.1:port}.
     *
     * @param clock read on every request for "now"; tests pass a clock they move
     * @param port TCP port, 0 for any free port (see {@link #baseUri()})
     */
    public static Simulator start(Clock clock, int port, SimulatorSettings settings) throws IOException {
        return new Simulator(clock, port, settings, SimEndpoints.standard());
    }

    /**
     * Starts a simulator serving the ERCOT dashboards and exactly {@code endpoints} (tests of one
     * operator's endpoints pass only that one).
     */
    public static Simulator start(Clock clock, int port, SimulatorSettings settings, List<SimEndpoint> endpoints)
            throws IOException {
        return new Simulator(clock, port, settings, endpoints);
    }

    /** The full address of {@code path} on this simulator ({@code /caiso/oasis/SingleZip}). */
    public URI uri(String path) {
        return URI.create(baseUri + path);
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** The full address of ERCOT's energy-storage-resources dashboard on this simulator. */
    public URI energyStorageUri() {
        return URI.create(baseUri + EnergyStorageDashboard.PATH);
    }

    /**
     * Arms {@code fault} for the next {@code count} requests to any dashboard, after any faults already
     * armed; then normal service resumes.
     *
     * @param count at least 1, or -1 for every request until {@link #clearFaults()} or {@link #reset()}
     */
    public void inject(Fault fault, int count) {
        faults.arm(null, fault, count);
    }

    /**
     * Arms {@code fault} for the next {@code count} requests to the dashboard at {@code path} only (such as
     * {@value FuelMixDashboard#PATH}); requests to other dashboards pass it by.
     *
     * @param count at least 1, or -1 for every request until {@link #clearFaults()} or {@link #reset()}
     */
    public void inject(String path, Fault fault, int count) {
        if (!DASHBOARD_PATHS.contains(Objects.requireNonNull(path, "path")) && endpointFor(path) == null) {
            throw new IllegalArgumentException("not a served path: " + path + "; dashboards: " + DASHBOARD_PATHS
                    + ", endpoint prefixes: " + endpoints.stream().map(SimEndpoint::prefix).toList());
        }
        faults.arm(path, fault, count);
    }

    /** Disarms every fault. */
    public void clearFaults() {
        faults.clear();
    }

    /** Leaves samples taken inside {@code window} out of every payload, as if the operator never published them. */
    public void withhold(Window window) {
        withheld.add(Objects.requireNonNull(window, "window"));
    }

    /** Publishes every sample again. */
    public void clearWithheld() {
        withheld.clear();
    }

    /** Disarms faults, clears withheld windows and zeroes the request counts. */
    public void reset() {
        faults.clear();
        withheld.clear();
        requestCounts.clear();
    }

    /** Requests received so far per path (control endpoints excluded), sorted by path. */
    public Map<String, Long> requestCounts() {
        Map<String, Long> counts = new TreeMap<>();
        requestCounts.forEach((path, count) -> counts.put(path, count.sum()));
        return counts;
    }

    /** Stops listening at once; requests in progress (a sleeping {@link FaultKind#TIMEOUT}) are interrupted. */
    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SimEndpoint endpointFor(String path) {
        for (SimEndpoint e : endpoints) {
            if (path.startsWith(e.prefix())) {
                return e;
            }
        }
        return null;
    }

    private void serveEndpoint(HttpExchange exchange, SimEndpoint endpoint, String path) throws IOException {
        // A fault armed for the exact path or for the endpoint's prefix applies, as does one armed for all.
        boolean get = exchange.getRequestMethod().equals("GET");
        boolean post = exchange.getRequestMethod().equals("POST") && endpoint.acceptsPost(path);
        Fault fault = get || post ? faults.take(path).or(() -> faults.take(endpoint.prefix())).orElse(null) : null;
        requestCounts.computeIfAbsent(path, p -> new LongAdder()).increment();
        if (!get && !post) {
            exchange.getResponseHeaders().set("Allow", "GET");
            respond(exchange, 405, "text/plain; charset=utf-8", "use GET\n");
            return;
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT),
                v.isEmpty() ? "" : v.get(0)));
        SimRequest.Variant variant = fault == null ? SimRequest.Variant.NORMAL : switch (fault.kind()) {
            case EMPTY_DATA -> SimRequest.Variant.EMPTY_DATA;
            case NOT_A_NUMBER -> SimRequest.Variant.NOT_A_NUMBER;
            default -> SimRequest.Variant.NORMAL;
        };
        Map<String, String> query = SimRequest.parseQuery(exchange.getRequestURI().getRawQuery());
        byte[] posted = post ? exchange.getRequestBody().readAllBytes() : new byte[0];
        String contentType = headers.getOrDefault("content-type", "");
        if (post && !contentType.contains("json")) {
            query.putAll(SimRequest.parseQuery(new String(posted, StandardCharsets.UTF_8)));
        }
        SimRequest request = new SimRequest(path, query, headers, clock.instant(), List.copyOf(withheld), variant,
                posted);
        if (fault != null) {
            switch (fault.kind()) {
                case STATUS_500 -> {
                    respond(exchange, 500, "text/html; charset=utf-8", ERROR_500_PAGE);
                    return;
                }
                case STATUS_429 -> {
                    exchange.getResponseHeaders().set("Retry-After", Long.toString(fault.retryAfter().toSeconds()));
                    respond(exchange, 429, "text/html; charset=utf-8", ERROR_429_PAGE);
                    return;
                }
                case HTML_200 -> {
                    respond(exchange, 200, "text/html; charset=utf-8", BOT_WALL_PAGE);
                    return;
                }
                case TIMEOUT -> {
                    try {
                        Thread.sleep(fault.delay().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                default -> {
                }
            }
        }
        SimResponse answer = endpoint.answer(request);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] body = answer.body();
        if (fault != null && answer.status() == 200) {
            switch (fault.kind()) {
                case TRUNCATED -> body = Arrays.copyOf(body, body.length / 2);
                case GZIP_NO_HEADER -> body = gzip(body);
                case GZIP -> {
                    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                    body = gzip(body);
                }
                default -> {
                }
            }
        }
        respond(exchange, answer.status(), answer.contentType(), body);
    }

    private void serveOperator(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            SimEndpoint endpoint = endpointFor(path);
            if (endpoint != null) {
                serveEndpoint(exchange, endpoint, path);
                return;
            }
            boolean dashboard = DASHBOARD_PATHS.contains(path);
            boolean served = dashboard && exchange.getRequestMethod().equals("GET");
            // The fault is taken before the request is counted, so a caller that sees the count has moved
            // knows which fault that request got.
            Fault fault = served ? faults.take(path).orElse(null) : null;
            requestCounts.computeIfAbsent(path, p -> new LongAdder()).increment();
            if (!dashboard) {
                respond(exchange, 404, "text/plain; charset=utf-8", "not found: " + path + "\n");
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                respond(exchange, 405, "text/plain; charset=utf-8", "use GET\n");
                return;
            }
            exchange.getResponseHeaders().set("Cache-Control", "max-age=60");
            if (fault == null) {
                respond(exchange, 200, "application/json", dashboard(path, EnergyStorageDashboard.Variant.NORMAL));
                return;
            }
            switch (fault.kind()) {
                case STATUS_500 -> respond(exchange, 500, "text/html; charset=utf-8", ERROR_500_PAGE);
                case STATUS_429 -> {
                    exchange.getResponseHeaders().set("Retry-After", Long.toString(fault.retryAfter().toSeconds()));
                    respond(exchange, 429, "text/html; charset=utf-8", ERROR_429_PAGE);
                }
                case TIMEOUT -> {
                    try {
                        Thread.sleep(fault.delay().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    respond(exchange, 200, "application/json", dashboard(path, EnergyStorageDashboard.Variant.NORMAL));
                }
                case HTML_200 -> respond(exchange, 200, "text/html; charset=utf-8", BOT_WALL_PAGE);
                case TRUNCATED -> {
                    byte[] body = dashboard(path, EnergyStorageDashboard.Variant.NORMAL);
                    respond(exchange, 200, "application/json", Arrays.copyOf(body, body.length / 2));
                }
                case EMPTY_DATA -> respond(exchange, 200, "application/json",
                        dashboard(path, EnergyStorageDashboard.Variant.EMPTY_DATA));
                case NOT_A_NUMBER -> respond(exchange, 200, "application/json",
                        dashboard(path, EnergyStorageDashboard.Variant.NOT_A_NUMBER));
                case GZIP_NO_HEADER -> respond(exchange, 200, "application/json",
                        gzip(dashboard(path, EnergyStorageDashboard.Variant.NORMAL)));
                case GZIP -> {
                    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                    respond(exchange, 200, "application/json",
                            gzip(dashboard(path, EnergyStorageDashboard.Variant.NORMAL)));
                }
            }
        } finally {
            exchange.close();
        }
    }

    private byte[] dashboard(String path, EnergyStorageDashboard.Variant variant) {
        List<Window> hidden = List.copyOf(withheld);
        return switch (path) {
            case SystemWidePricesDashboard.PATH -> systemWidePrices.render(clock.instant(), hidden, variant);
            case FuelMixDashboard.PATH -> fuelMix.render(clock.instant(), hidden, variant);
            default -> energyStorage.render(clock.instant(), hidden, variant);
        };
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        respond(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 4);
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static final String ERROR_500_PAGE = "<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title>"
            + "</head><body><h1>Internal Server Error</h1><p>The server encountered an internal error.</p>"
            + "</body></html>\n";

    private static final String ERROR_429_PAGE = "<!DOCTYPE html>\n<html><head><title>429 Too Many Requests</title>"
            + "</head><body><h1>Too Many Requests</h1></body></html>\n";

    /** Shaped like the Imperva/Incapsula bot wall seen in front of ERCOT (README §2.2); written for the simulator. */
    private static final String BOT_WALL_PAGE = "<html style=\"height:100%\"><head>"
            + "<META NAME=\"ROBOTS\" CONTENT=\"NOINDEX, NOFOLLOW\">"
            + "<meta name=\"format-detection\" content=\"telephone=no\">"
            + "<meta name=\"viewport\" content=\"initial-scale=1.0\">"
            + "<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge,chrome=1\"></head>"
            + "<body style=\"margin:0px;height:100%\">"
            + "<iframe id=\"main-iframe\" src=\"/_Incapsula_Resource?SWUDNSAI=31&xinfo=simulated\" frameborder=0 "
            + "width=\"100%\" height=\"100%\" marginheight=\"0px\" marginwidth=\"0px\">"
            + "Request unsuccessful. Incapsula incident ID: 0-000000000000000000</iframe></body></html>";
}
