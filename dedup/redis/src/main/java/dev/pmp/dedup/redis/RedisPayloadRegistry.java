package dev.pmp.dedup.redis;

import dev.pmp.engine.dedup.PayloadRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.regex.Pattern;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * A {@link PayloadRegistry} in Redis, shared by every collector that points at the same server and key prefix.
 * One key per payload, {@code <prefix><datasetId>:<sha256>}, whose value is the instant it was last registered
 * (ISO-8601, UTC) and which expires {@link RedisRegistrySettings#retention()} after that, so the registry cannot
 * grow forever; registering again restarts the expiry. {@link #contains} is {@code EXISTS}, {@link #register} is
 * {@code SET ... EX}.
 *
 * <p>Thread-safe: it holds a small pool of connections. Every call is bounded by the settings' timeout (connect,
 * reply and waiting for a pooled connection; Jedis does not retry a standalone command) and every Redis failure
 * becomes an {@link IOException} naming {@link #location()}, never the password. Close it when the process ends.
 */
public final class RedisPayloadRegistry implements PayloadRegistry, AutoCloseable {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_CONNECTIONS = 8;

    private final RedisRegistrySettings settings;
    private final Clock clock;
    private final RedisClient client;

    /**
     * Builds the client; no connection is opened until the first call, so an unreachable server shows up there.
     *
     * @param clock stamps each registration (the value of its key)
     */
    public RedisPayloadRegistry(RedisRegistrySettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        RedisEndpoint endpoint = settings.endpoint();
        int timeoutMillis = Math.toIntExact(settings.timeout().toMillis());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .database(endpoint.database())
                .clientName("pmp-payload-registry");
        if (endpoint.tls()) {
            // The JDK trust store, with host name verification.
            config.sslOptions(SslOptions.builder().sslVerifyMode(SslVerifyMode.FULL).build());
        }
        if (endpoint.user() != null) {
            config.user(endpoint.user());
        }
        if (endpoint.password() != null) {
            config.password(endpoint.password());
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        pool.setBlockWhenExhausted(true);
        // The pool's default wait is unbounded; a stuck Redis must not hang collection.
        pool.setMaxWait(settings.timeout());
        this.client = RedisClient.builder()
                .hostAndPort(endpoint.host(), endpoint.port())
                .clientConfig(config.build())
                .poolConfig(pool)
                .build();
    }

    /**
     * The registry for {@code PMP_REDIS_URL} with the default key prefix, retention and timeout, stamped with the
     * system clock.
     *
     * @param url {@code redis://[[user]:password@]host[:port][/db]} or {@code rediss://...}
     * @throws IllegalArgumentException when the URL is malformed, has another scheme or a bad port or database
     */
    public static RedisPayloadRegistry fromUrl(String url) {
        return new RedisPayloadRegistry(RedisRegistrySettings.fromUrl(url), Clock.systemUTC());
    }

    @Override
    public boolean contains(String datasetId, String sha256) throws IOException {
        String key = key(datasetId, sha256);
        try {
            return client.exists(key);
        } catch (JedisException e) {
            throw failure("could not be asked about", datasetId, e);
        }
    }

    /** Writes the key with the retention as its expiry; registering again overwrites it and restarts the expiry. */
    @Override
    public void register(String datasetId, String sha256) throws IOException {
        String key = key(datasetId, sha256);
        try {
            client.set(key, clock.instant().toString(), SetParams.setParams().ex(settings.retention().toSeconds()));
        } catch (JedisException e) {
            throw failure("could not register", datasetId, e);
        }
    }

    /** {@code redis://[user@]host:port/db}, without the password. */
    @Override
    public String location() {
        return settings.endpoint().location();
    }

    /** The key a payload is registered under: {@code <prefix><datasetId>:<sha256>}. */
    public String key(String datasetId, String sha256) {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(sha256, "sha256");
        if (datasetId.isBlank()) {
            throw new IllegalArgumentException("the dataset id must not be blank");
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex sha256: '" + sha256 + "'");
        }
        return settings.keyPrefix() + datasetId + ":" + sha256;
    }

    /** Closes the connection pool; later calls fail. */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "RedisPayloadRegistry[" + location() + ", prefix " + settings.keyPrefix() + "]";
    }

    /** Classifies a Jedis failure once, into a message that says what went wrong and where. */
    private IOException failure(String action, String datasetId, JedisException e) {
        String what;
        if (e instanceof JedisAccessControlException || isAuthReply(e)) {
            what = "refused the login (check the user and password in PMP_REDIS_URL)";
        } else if (e instanceof JedisConnectionException) {
            what = "is unreachable or did not answer within " + settings.timeout().toMillis() + " ms";
        } else {
            what = "failed";
        }
        return new IOException("Redis payload registry at " + location() + " " + what + "; it " + action + " a payload of "
                + datasetId + ": " + redact(rootMessage(e)), e);
    }

    private static boolean isAuthReply(JedisException e) {
        String m = e instanceof JedisDataException ? String.valueOf(e.getMessage()) : "";
        return m.startsWith("NOAUTH") || m.startsWith("WRONGPASS") || m.contains("invalid password");
    }

    /** The failure's message and its causes', skipping a cause that only repeats what is already said. */
    private static String rootMessage(Throwable e) {
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && out.indexOf(message) < 0) {
                out.append(" (").append(t.getClass().getSimpleName()).append(": ").append(message).append(')');
            }
        }
        return out.toString();
    }

    /** Redis replies never echo a password, but a driver message might; it must not reach a log line. */
    private String redact(String message) {
        String password = settings.endpoint().password();
        return password == null ? message : message.replace(password, "***");
    }
}
