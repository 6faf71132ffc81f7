package dev.pmp.engine.http;

import dev.pmp.spi.Auth;
import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Credentials} performed from each source's {@link Auth} description: fixed headers, HTTP Basic,
 * a bearer token obtained by POSTing a form (cached until a minute before it expires, dropped when the
 * server refuses it), or an anonymous session whose cookies come from a landing page. Secrets never
 * appear in the messages it throws. Thread-safe: one sign-in per source at a time.
 */
public final class AuthCredentials implements Credentials {

    private static final System.Logger LOG = System.getLogger(AuthCredentials.class.getName());
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*\"?(\\d+)");

    private final Map<String, Auth> bySource;
    private final Clock clock;
    private final HttpClient client;
    private final Duration timeout;
    private final Map<String, Signed> signedIn = new ConcurrentHashMap<>();

    /** A header set valid until {@code until}. */
    private record Signed(Map<String, String> headers, Instant until) {
    }

    /**
     * @param bySource the sources' authentication, by source name; a source not in it sends nothing
     * @param clock decides when a token or session has expired
     * @param timeout the limit of one sign-in request
     */
    public AuthCredentials(Map<String, Auth> bySource, Clock clock, Duration timeout) {
        this.bySource = Map.copyOf(bySource);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(timeout).build();
    }

    @Override
    public Map<String, String> headers(String source) throws SourceException {
        Auth auth = bySource.get(source);
        if (auth == null) {
            return Map.of();
        }
        if (auth instanceof Auth.Headers h) {
            return h.headers();
        }
        if (auth instanceof Auth.Basic b) {
            String pair = b.username() + ":" + b.password();
            return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        synchronized (lockFor(source)) {
            Signed current = signedIn.get(source);
            if (current != null && clock.instant().isBefore(current.until())) {
                return current.headers();
            }
            Signed fresh = auth instanceof Auth.BearerToken t ? token(source, t) : session(source, (Auth.Session) auth);
            signedIn.put(source, fresh);
            return fresh.headers();
        }
    }

    @Override
    public void rejected(String source) {
        signedIn.remove(source);
    }

    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    private Object lockFor(String source) {
        return locks.computeIfAbsent(source, s -> new Object());
    }

    private Signed token(String source, Auth.BearerToken auth) throws SourceException {
        StringJoiner form = new StringJoiner("&");
        auth.form().forEach((k, v) -> form.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(auth.tokenUri()).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        List<String> secrets = new java.util.ArrayList<>();
        auth.form().forEach((k, v) -> {
            if (Redaction.looksSecret(k)) {
                secrets.add(v);
            }
        });
        secrets.addAll(auth.headers().values());
        String target = source + " sign-in at " + auth.tokenUri().getScheme() + "://" + auth.tokenUri().getAuthority()
                + auth.tokenUri().getPath();
        HttpResponse<String> response = send(request, target);
        String body = response.body() == null ? "" : response.body();
        if (response.statusCode() != 200) {
            throw refusal(target, response.statusCode(), body, secrets);
        }
        Matcher m = Pattern.compile("\"" + Pattern.quote(auth.tokenField()) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new SourceException(Failure.CONFIG, target + " answered 200 without a \"" + auth.tokenField()
                    + "\" field; check the token URL and the grant's scope");
        }
        Duration lifetime = auth.lifetime();
        Matcher expires = EXPIRES_IN.matcher(body);
        if (expires.find()) {
            Duration said = Duration.ofSeconds(Long.parseLong(expires.group(1)));
            if (said.compareTo(lifetime) < 0) {
                lifetime = said;
            }
        }
        Map<String, String> headers = new LinkedHashMap<>(auth.headers());
        headers.put("Authorization", "Bearer " + m.group(1));
        LOG.log(System.Logger.Level.INFO, target + ": signed in for " + lifetime.toMinutes() + " min");
        return new Signed(Map.copyOf(headers), clock.instant().plus(renewAt(lifetime)));
    }

    private Signed session(String source, Auth.Session auth) throws SourceException {
        URI page = auth.landingPage();
        HttpRequest request = HttpRequest.newBuilder(page).timeout(timeout).GET()
                .header("Accept", "text/html").build();
        String target = source + " session page " + page;
        HttpResponse<String> response = send(request, target);
        if (response.statusCode() != 200) {
            throw refusal(target, response.statusCode(), "", List.of());
        }
        StringJoiner cookie = new StringJoiner("; ");
        for (String set : response.headers().allValues("Set-Cookie")) {
            int semi = set.indexOf(';');
            String pair = (semi < 0 ? set : set.substring(0, semi)).strip();
            if (pair.indexOf('=') > 0) {
                cookie.add(pair);
            }
        }
        if (cookie.length() == 0) {
            throw new SourceException(Failure.TRANSIENT, target + " set no cookie; the download endpoints will refuse"
                    + " requests without one");
        }
        return new Signed(Map.of("Cookie", cookie.toString()), clock.instant().plus(renewAt(auth.lifetime())));
    }

    private static Duration renewAt(Duration lifetime) {
        Duration early = lifetime.minus(RENEW_BEFORE);
        return early.isNegative() || early.isZero() ? lifetime.dividedBy(2) : early;
    }

    private HttpResponse<String> send(HttpRequest request, String target) throws SourceException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SourceException(Failure.TRANSIENT, target + " failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(Failure.TRANSIENT, target + ": interrupted", e);
        }
    }

    private static SourceException refusal(String target, int status, String body, List<String> secrets) {
        String excerpt = body.length() > 200 ? body.substring(0, 200) + "…" : body;
        for (String secret : secrets) {
            if (secret.length() >= 4) {
                excerpt = excerpt.replace(secret, Redaction.MASK);
            }
        }
        String said = excerpt.isBlank() ? "" : " (" + excerpt.strip() + ")";
        if (status == 429 || status >= 500) {
            return new SourceException(Failure.TRANSIENT, target + " answered " + status + said);
        }
        return new SourceException(Failure.CONFIG, target + " refused the sign-in with " + status
                + "; check the username, password and key" + said);
    }
}
