package dev.pmp.engine.http;

import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.SourceException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Performs a feed's {@link FetchRequest}: GET (or POST with its body) over {@link HttpClient} (HTTP/1.1,
 * normal redirects), gzip, failure classification, retries with backoff, and a {@link RequestBudget} per source.
 *
 * <p>Every attempt waits for the source's budget, sends the request's headers plus the source's
 * {@link Credentials}, a {@code User-Agent} (unless the request has one) and
 * {@code Accept-Encoding: gzip}, and classifies the answer once:
 *
 * <ul>
 *   <li>2xx: the body is gunzipped when {@code Content-Encoding} says gzip or it starts with
 *       {@code 1f 8b}; corrupt gzip or an empty body is {@link Failure#BAD_DATA}; an HTML page where
 *       data was expected (bot wall, maintenance page) is {@link Failure#TRANSIENT};
 *   <li>408, 429, 5xx, timeouts and connection errors: {@link Failure#TRANSIENT}, with the
 *       {@code Retry-After} of the answer;
 *   <li>404: {@link Failure#NOT_PUBLISHED};
 *   <li>401, 403, other 4xx, and 1xx/3xx answers that were not followed: {@link Failure#CONFIG}.
 * </ul>
 *
 * <p>Only transient failures are retried, up to {@link HttpSettings#maxAttempts()} attempts with
 * equal-jitter exponential backoff ({@link HttpSettings#backoffCeiling}); a {@code Retry-After} is a
 * lower bound of the wait, and one longer than {@link HttpSettings#maxRetryAfter()} ends the fetch at
 * once. Other failures are thrown at once. Messages name the URI with secrets masked, never a
 * credential.
 *
 * <p>Thread-safe: one instance serves every source and thread; threads fetching for the same source
 * share its budget.
 */
public final class HttpFetcher {
    private static final System.Logger LOG = System.getLogger(HttpFetcher.class.getName());
    private static final int EXCERPT = 80;

    private final HttpSettings settings;
    private final Credentials credentials;
    private final Clock clock;
    private final Clock budgetClock;
    private final Sleeper sleeper;
    private final HttpClient client;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * A fetcher whose request budgets run on {@code clock}, for tests whose sleeper moves that clock.
     *
     * @param settings timeouts, retries, budgets
     * @param credentials authentication headers per source
     * @param clock the source of {@link FetchResponse#fetchedAt()}, budget time and HTTP-date waits
     * @param sleeper how backoff and budget waits are spent
     */
    public HttpFetcher(HttpSettings settings, Credentials credentials, Clock clock, Sleeper sleeper) {
        this(settings, credentials, clock, clock, sleeper);
    }

    /**
     * @param settings timeouts, retries, budgets
     * @param credentials authentication headers per source
     * @param clock the source of {@link FetchResponse#fetchedAt()} and of HTTP-date waits (wall time)
     * @param budgetClock the time request budgets are measured on: elapsed time that the sleeper's waits
     *     advance (a {@link MonotonicClock} in production, so a simulated wall clock never stalls a budget)
     * @param sleeper how backoff and budget waits are spent
     */
    public HttpFetcher(HttpSettings settings, Credentials credentials, Clock clock, Clock budgetClock, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.budgetClock = Objects.requireNonNull(budgetClock, "budgetClock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    /** A fetcher without credentials that really sleeps, with budgets on a {@link MonotonicClock}. */
    public HttpFetcher(HttpSettings settings, Clock clock) {
        this(settings, Credentials.none(), clock, new MonotonicClock(), Sleeper.system());
    }

    /** {@link #fetch(String, FetchRequest, Priority)} for live work. */
    public HttpResult fetch(String source, FetchRequest request) throws SourceException {
        return fetch(source, request, Priority.LIVE);
    }

    /**
     * Fetches {@code request} for {@code source}, blocking the calling thread through budget waits,
     * attempts and backoff.
     *
     * @param source the source name; selects the request budget and the credentials
     * @param priority live work goes ahead of backfill in the source's budget
     * @return the checked response, the raw bytes and what it cost
     * @throws SourceException classified; a transient failure only after the attempts are spent (its
     *     message then says how many), or on interruption
     */
    public HttpResult fetch(String source, FetchRequest request, Priority priority) throws SourceException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(priority, "priority");
        String laneName = laneName(source, request);
        Lane lane = lanes.computeIfAbsent(laneName,
                name -> new Lane(new RequestBudget(settings.rateFor(name), budgetClock, sleeper)));
        try {
            return attempts(source, request, priority, lane);
        } catch (SourceException failure) {
            lane.failures.incrementAndGet();
            throw failure;
        }
    }

    /**
     * The budget a request spends: the source's own, or {@code <source>/<budget>} for a request that
     * names one (see {@link FetchRequest#budget()}); {@link HttpSettings#rateFor} is asked by that name.
     */
    public static String laneName(String source, FetchRequest request) {
        return request.budget().map(budget -> source + "/" + budget).orElse(source);
    }

    /** Counters of the fetches on budget {@code source} (a source, or {@code <source>/<budget>}); zeros before any. */
    public HttpStats stats(String source) {
        Lane lane = lanes.get(source);
        if (lane == null) {
            return new HttpStats(0, 0, 0, Duration.ZERO, Duration.ZERO);
        }
        return new HttpStats(lane.attempts.get(), lane.retries.get(), lane.failures.get(),
                lane.budget.waited(), lane.backoff.get());
    }

    public HttpSettings settings() {
        return settings;
    }

    private HttpResult attempts(String source, FetchRequest request, Priority priority, Lane lane)
            throws SourceException {
        Duration budgetWaited = Duration.ZERO;
        Duration backoffWaited = Duration.ZERO;
        SourceException last = null;
        int attempt = 0;
        boolean renewed = false;
        int[] status = new int[1];
        while (attempt < settings.maxAttempts()) {
            attempt++;
            Map<String, String> secrets = request.authenticated() ? Map.copyOf(credentials.headers(source)) : Map.of();
            status[0] = 0;
            Redaction redaction = Redaction.of(request.uri(), request.headers(), secrets);
            try {
                budgetWaited = budgetWaited.plus(lane.budget.acquire(priority));
            } catch (InterruptedException e) {
                throw interrupted(request, redaction, e);
            }
            lane.attempts.incrementAndGet();
            try {
                Exchange exchange = exchange(request, secrets, redaction, status);
                return new HttpResult(exchange.response(), exchange.raw(), attempt, budgetWaited, backoffWaited);
            } catch (SourceException failure) {
                if (failure.failure() == Failure.CONFIG && request.authenticated() && !renewed
                        && (status[0] == 401 || status[0] == 403)) {
                    // A token can expire early or be revoked: sign in afresh once, at once, then believe the server.
                    renewed = true;
                    credentials.rejected(source);
                    LOG.log(System.Logger.Level.INFO, failure.getMessage() + "; signing in again");
                    continue;
                }
                boolean retryable = switch (failure.failure()) {
                    case TRANSIENT -> !Thread.currentThread().isInterrupted();
                    case NOT_PUBLISHED, BAD_DATA, CONFIG -> false;
                };
                if (!retryable) {
                    throw failure;
                }
                last = failure;
            }
            if (attempt == settings.maxAttempts()) {
                break;
            }
            Duration delay = delayBeforeRetry(attempt, last);
            String retrying = last.getMessage() + " (attempt " + attempt + " of " + settings.maxAttempts()
                    + "); retrying in " + delay.toMillis() + " ms";
            LOG.log(System.Logger.Level.INFO, retrying);
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException(Failure.TRANSIENT,
                        last.getMessage() + "; interrupted while backing off after attempt " + attempt, e);
            }
            backoffWaited = backoffWaited.plus(delay);
            lane.backoff.accumulateAndGet(delay, Duration::plus);
            lane.retries.incrementAndGet();
        }
        throw new SourceException(Failure.TRANSIENT,
                last.getMessage() + "; gave up after " + attempt + (attempt == 1 ? " attempt" : " attempts"),
                last, last.retryAfter().orElse(null));
    }

    /**
     * The wait before retry {@code retry}: equal-jitter backoff, at least the server's
     * {@code Retry-After}.
     *
     * @throws SourceException when the server asks for a longer wait than {@code maxRetryAfter}
     */
    private Duration delayBeforeRetry(int retry, SourceException failure) throws SourceException {
        Duration ceiling = settings.backoffCeiling(retry);
        long half = ceiling.toNanos() / 2;
        long jitter = (long) (ThreadLocalRandom.current().nextDouble() * (ceiling.toNanos() - half));
        Duration delay = Duration.ofNanos(half + jitter);
        Optional<Duration> retryAfter = failure.retryAfter();
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            if (asked.compareTo(settings.maxRetryAfter()) > 0) {
                Instant retryAt = clock.instant().plus(asked);
                throw new SourceException(Failure.TRANSIENT, failure.getMessage() + "; the server asks to retry after "
                        + asked.toSeconds() + " s, longer than the " + settings.maxRetryAfter().toSeconds()
                        + " s we wait: try again after " + retryAt + "; gave up after " + retry
                        + (retry == 1 ? " attempt" : " attempts"), failure, asked);
            }
            if (asked.compareTo(delay) > 0) {
                delay = asked;
            }
        }
        return delay;
    }

    private Exchange exchange(FetchRequest request, Map<String, String> secrets, Redaction redaction, int[] status)
            throws SourceException {
        String target = request.method() + " " + redaction.uri(request.uri());
        HttpRequest httpRequest = httpRequest(request, secrets, target);
        HttpResponse<byte[]> response;
        try {
            response = client.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new SourceException(Failure.TRANSIENT,
                    target + ": no connection within " + settings.connectTimeout().toMillis() + " ms", e);
        } catch (HttpTimeoutException e) {
            throw new SourceException(Failure.TRANSIENT,
                    target + ": no answer within " + settings.requestTimeout().toMillis() + " ms", e);
        } catch (ConnectException e) {
            String reason = e.getMessage() == null ? "" : " (" + redaction.apply(e.getMessage()) + ")";
            throw new SourceException(Failure.TRANSIENT, target + ": cannot connect" + reason, e);
        } catch (IOException e) {
            throw new SourceException(Failure.TRANSIENT, target + " failed: " + redaction.apply(e.toString()), e);
        } catch (InterruptedException e) {
            throw interrupted(request, redaction, e);
        } catch (IllegalArgumentException e) {
            throw new SourceException(Failure.CONFIG, target + ": the HTTP client refuses the request ("
                    + redaction.apply(String.valueOf(e.getMessage())) + ")");
        }
        status[0] = response.statusCode();
        return check(request, response, redaction);
    }

    private HttpRequest httpRequest(FetchRequest request, Map<String, String> secrets, String target)
            throws SourceException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(settings.requestTimeout());
        if (request.body().isPresent()) {
            builder.POST(HttpRequest.BodyPublishers.ofByteArray(request.body().get().bytes()))
                    .setHeader("Content-Type", request.body().get().contentType());
        } else {
            builder.GET();
        }
        boolean ownAgent = false;
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            setHeader(builder, header.getKey(), header.getValue(), target);
            ownAgent |= header.getKey().equalsIgnoreCase("User-Agent");
        }
        for (Map.Entry<String, String> header : secrets.entrySet()) {
            setHeader(builder, header.getKey(), header.getValue(), target);
        }
        if (!ownAgent) {
            builder.setHeader("User-Agent", settings.userAgent());
        }
        builder.setHeader("Accept-Encoding", "gzip");
        return builder.build();
    }

    private static void setHeader(HttpRequest.Builder builder, String name, String value, String target)
            throws SourceException {
        try {
            builder.setHeader(name, value);
        } catch (IllegalArgumentException e) {
            // The client's message may quote the value, which may be a secret: name the header only.
            throw new SourceException(Failure.CONFIG,
                    target + ": header " + name + " is restricted or has an invalid value");
        }
    }

    private Exchange check(FetchRequest request, HttpResponse<byte[]> response, Redaction redaction)
            throws SourceException {
        int status = response.statusCode();
        URI answered = response.uri();
        byte[] raw = response.body() == null ? new byte[0] : response.body();
        String target = request.method() + " " + redaction.uri(request.uri());
        if (!answered.equals(request.uri())) {
            target += " (redirected to " + redaction.uri(answered) + ")";
            LOG.log(System.Logger.Level.INFO, target);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        boolean declaredGzip = response.headers().allValues("Content-Encoding").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(token -> token.strip().toLowerCase(Locale.ROOT))
                .anyMatch(token -> token.equals("gzip") || token.equals("x-gzip"));
        if (status < 200 || status > 299) {
            throw failure(status, response, raw, declaredGzip, target, redaction);
        }
        byte[] body;
        try {
            body = Payload.decode(raw, declaredGzip);
        } catch (IOException e) {
            throw new SourceException(Failure.BAD_DATA, target + " answered " + status
                    + " with a body that is not valid gzip (" + raw.length + " bytes): " + e.getMessage(), e);
        }
        if (Payload.isBlank(body)) {
            throw new SourceException(Failure.BAD_DATA, target + " answered " + status + " with an empty body");
        }
        String accept = request.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Accept"))
                .map(Map.Entry::getValue)
                .findFirst().orElse("");
        if (Payload.isHtmlInsteadOfData(body, contentType, accept)) {
            throw new SourceException(Failure.TRANSIENT, target + " answered " + status
                    + " with an HTML page instead of data (" + Payload.excerpt(body, EXCERPT, redaction) + ")");
        }
        FetchResponse fetched = new FetchResponse(answered, status, contentType, body, clock.instant());
        return new Exchange(fetched, raw);
    }

    private SourceException failure(int status, HttpResponse<byte[]> response, byte[] raw, boolean declaredGzip,
            String target, Redaction redaction) {
        byte[] readable;
        try {
            readable = Payload.decode(raw, declaredGzip);
        } catch (IOException e) {
            readable = raw;
        }
        String excerpt = Payload.excerpt(readable, EXCERPT, redaction);
        String body = excerpt.isEmpty() ? "" : " (" + excerpt + ")";
        String answered = target + " answered " + status + reason(status);
        if (status == 408 || status == 429 || (status >= 500 && status <= 599)) {
            Optional<Duration> retryAfter = RetryAfter.parse(
                    response.headers().firstValue("Retry-After").orElse(null), clock.instant());
            String asked = retryAfter.map(wait -> ", Retry-After " + wait.toSeconds() + " s").orElse("");
            return new SourceException(Failure.TRANSIENT, answered + asked + body, null, retryAfter.orElse(null));
        }
        if (status == 404) {
            return new SourceException(Failure.NOT_PUBLISHED, answered + ": not published (yet)" + body);
        }
        if (status == 401) {
            return new SourceException(Failure.CONFIG,
                    answered + ": credentials missing, wrong or expired" + body);
        }
        if (status == 403) {
            String wall = new String(readable, StandardCharsets.UTF_8).contains("Incapsula")
                    ? " (Imperva/Incapsula page)" : "";
            return new SourceException(Failure.CONFIG, answered
                    + ": access denied (bot wall or geo block?); check credentials, User-Agent and that requests"
                    + " leave from an allowed country" + wall + body);
        }
        if (status >= 300 && status <= 399) {
            String location = response.headers().firstValue("Location")
                    .map(value -> " to " + redaction.apply(value)).orElse("");
            return new SourceException(Failure.CONFIG, answered + ": a redirect" + location
                    + " that is not followed (scheme downgrade or too many hops?)" + body);
        }
        return new SourceException(Failure.CONFIG, answered + ": the request is refused" + body);
    }

    private static String reason(int status) {
        String phrase = switch (status) {
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
        return phrase.isEmpty() ? "" : " " + phrase;
    }

    private static SourceException interrupted(FetchRequest request, Redaction redaction, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new SourceException(Failure.TRANSIENT, request.method() + " " + redaction.uri(request.uri()) + ": interrupted", e);
    }

    /** One answered request: the checked response and the bytes as received. */
    private record Exchange(FetchResponse response, byte[] raw) {
    }

    /** One source's budget and counters. */
    private static final class Lane {
        final RequestBudget budget;
        final AtomicLong attempts = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final AtomicReference<Duration> backoff = new AtomicReference<>(Duration.ZERO);

        Lane(RequestBudget budget) {
            this.budget = budget;
        }
    }
}
