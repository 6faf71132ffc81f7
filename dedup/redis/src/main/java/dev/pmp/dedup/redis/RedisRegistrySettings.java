package dev.pmp.dedup.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How the Redis payload registry is reached and how long it remembers a payload.
 *
 * @param endpoint the Redis server ({@code PMP_REDIS_URL})
 * @param keyPrefix put before every key, so that several deployments can share one Redis; default
 *     {@value #DEFAULT_KEY_PREFIX}
 * @param retention how long a registration lives after it was last written, whole seconds, at least 1 s; default
 *     {@link #DEFAULT_RETENTION} (400 days: longer than a year of backfill re-fetches, short enough that the
 *     key space cannot grow forever)
 * @param timeout bound on connecting, on each reply and on waiting for a pooled connection; default
 *     {@link #DEFAULT_TIMEOUT}
 */
public record RedisRegistrySettings(RedisEndpoint endpoint, String keyPrefix, Duration retention, Duration timeout) {

    public static final String DEFAULT_KEY_PREFIX = "pmp:payload:";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(400);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public RedisRegistrySettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(timeout, "timeout");
        if (keyPrefix.isBlank()) {
            throw new IllegalArgumentException("the Redis key prefix must not be blank");
        }
        // Redis SET EX takes whole seconds; a fraction would be silently rounded by someone, so refuse it here.
        if (retention.compareTo(Duration.ofSeconds(1)) < 0 || retention.getNano() != 0) {
            throw new IllegalArgumentException("the Redis retention must be whole seconds, at least 1 s, got " + retention);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("the Redis timeout must be more than 0 and at most 1 minute, got " + timeout);
        }
    }

    /**
     * The defaults for a URL.
     *
     * @throws IllegalArgumentException when the URL is not a valid Redis URL (see {@link RedisEndpoint#parse})
     */
    public static RedisRegistrySettings fromUrl(String url) {
        return new RedisRegistrySettings(RedisEndpoint.parse(url), DEFAULT_KEY_PREFIX, DEFAULT_RETENTION, DEFAULT_TIMEOUT);
    }

    public RedisRegistrySettings withKeyPrefix(String prefix) {
        return new RedisRegistrySettings(endpoint, prefix, retention, timeout);
    }

    public RedisRegistrySettings withRetention(Duration newRetention) {
        return new RedisRegistrySettings(endpoint, keyPrefix, newRetention, timeout);
    }

    public RedisRegistrySettings withTimeout(Duration newTimeout) {
        return new RedisRegistrySettings(endpoint, keyPrefix, retention, newTimeout);
    }
}
