package dev.pmp.dedup.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The registry against a real redis-server: sharing between collectors, expiry, authentication and outages. */
class RedisPayloadRegistryTest {

    private static final Instant T = Instant.parse("2024-11-03T06:30:00Z");
    private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "0123456789abcdef".repeat(4);

    private static LocalRedis redis;

    @BeforeAll
    static void startRedis() throws IOException {
        redis = LocalRedis.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        redis.close();
    }

    private static RedisPayloadRegistry registry(String prefix) {
        return new RedisPayloadRegistry(RedisRegistrySettings.fromUrl(redis.url()).withKeyPrefix(prefix), CLOCK);
    }

    @Test
    void aRegisteredPayloadIsContainedAndOnlyForItsDatasetAndHash() throws IOException {
        try (RedisPayloadRegistry registry = registry("t1:")) {
            assertThat(registry.contains("ercot.fuel_mix", SHA_A)).isFalse();
            registry.register("ercot.fuel_mix", SHA_A);
            assertThat(registry.contains("ercot.fuel_mix", SHA_A)).isTrue();
            assertThat(registry.contains("ercot.fuel_mix", SHA_B)).isFalse();
            assertThat(registry.contains("miso.fuel_mix", SHA_A)).isFalse();
            registry.register("ercot.fuel_mix", SHA_A);
            assertThat(registry.contains("ercot.fuel_mix", SHA_A)).isTrue();
        }
    }

    @Test
    void twoCollectorsSharingOneRedisSeeEachOthersPayloadsButNotAnotherPrefix() throws IOException {
        // Two registries with their own connection pools stand for two collector processes on different machines.
        try (RedisPayloadRegistry east = RedisPayloadRegistry.fromUrl(redis.url());
                RedisPayloadRegistry west = RedisPayloadRegistry.fromUrl(redis.url() + "/0");
                RedisPayloadRegistry otherDeployment = registry("other:")) {
            east.register("caiso.lmp_real_time_5min", SHA_B);
            assertThat(west.contains("caiso.lmp_real_time_5min", SHA_B)).isTrue();
            west.register("caiso.lmp_day_ahead_hourly", SHA_A);
            assertThat(east.contains("caiso.lmp_day_ahead_hourly", SHA_A)).isTrue();
            assertThat(otherDeployment.contains("caiso.lmp_real_time_5min", SHA_B)).isFalse();
        }
    }

    @Test
    void anotherDatabaseIsAnotherRegistry() throws IOException {
        try (RedisPayloadRegistry db0 = RedisPayloadRegistry.fromUrl(redis.url() + "/0");
                RedisPayloadRegistry db5 = RedisPayloadRegistry.fromUrl(redis.url() + "/5")) {
            db5.register("neso.fuel_mix", SHA_A);
            assertThat(db5.contains("neso.fuel_mix", SHA_A)).isTrue();
            assertThat(db0.contains("neso.fuel_mix", SHA_A)).isFalse();
        }
    }

    @Test
    void theKeyHoldsTheRegistrationInstantAndExpiresAfterTheRetention() throws IOException {
        try (RedisPayloadRegistry registry = registry("t3:");
                RedisClient raw = RedisClient.create("127.0.0.1", redis.port())) {
            registry.register("nyiso.load_actual", SHA_A);
            String key = "t3:nyiso.load_actual:" + SHA_A;
            assertThat(registry.key("nyiso.load_actual", SHA_A)).isEqualTo(key);
            assertThat(raw.get(key)).isEqualTo("2024-11-03T06:30:00Z");
            long ttl = raw.ttl(key);
            assertThat(ttl).isBetween(Duration.ofDays(400).toSeconds() - 5, Duration.ofDays(400).toSeconds());
        }
    }

    @Test
    void aRegistrationIsGoneOnceItsRetentionHasPassed() throws Exception {
        RedisRegistrySettings settings = RedisRegistrySettings.fromUrl(redis.url()).withKeyPrefix("t4:")
                .withRetention(Duration.ofSeconds(1));
        try (RedisPayloadRegistry registry = new RedisPayloadRegistry(settings, CLOCK)) {
            registry.register("isone.fuel_mix", SHA_A);
            assertThat(registry.contains("isone.fuel_mix", SHA_A)).isTrue();
            // A real 1 s expiry: Redis drops the key on the first access after its TTL.
            Thread.sleep(1_200);
            assertThat(registry.contains("isone.fuel_mix", SHA_A)).isFalse();
        }
    }

    @Test
    void aPasswordProtectedRedisAcceptsTheRightPasswordAndRefusesAWrongOneWithoutShowingIt() throws IOException {
        try (LocalRedis secured = LocalRedis.start("requirepass c0rrect-horse")) {
            try (RedisPayloadRegistry good = RedisPayloadRegistry.fromUrl("redis://:c0rrect-horse@127.0.0.1:" + secured.port())) {
                good.register("elexon.fuel_mix", SHA_A);
                assertThat(good.contains("elexon.fuel_mix", SHA_A)).isTrue();
            }
            try (RedisPayloadRegistry wrong = RedisPayloadRegistry.fromUrl("redis://:wr0ng-battery@127.0.0.1:" + secured.port())) {
                assertThat(wrong.location()).isEqualTo("redis://127.0.0.1:" + secured.port() + "/0");
                assertThatThrownBy(() -> wrong.contains("elexon.fuel_mix", SHA_A))
                        .isInstanceOf(IOException.class)
                        .hasMessageStartingWith("Redis payload registry at redis://127.0.0.1:" + secured.port() + "/0 refused the login")
                        .hasMessageNotContaining("wr0ng-battery")
                        .hasMessageNotContaining("c0rrect-horse");
                assertThatThrownBy(() -> wrong.register("elexon.fuel_mix", SHA_A))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("refused the login")
                        .hasMessageNotContaining("wr0ng-battery");
            }
            try (RedisPayloadRegistry none = RedisPayloadRegistry.fromUrl("redis://127.0.0.1:" + secured.port())) {
                assertThatThrownBy(() -> none.contains("elexon.fuel_mix", SHA_A))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("refused the login");
            }
        }
    }

    @Test
    void aStoppedRedisFailsWithAnIoExceptionInsteadOfHanging() throws IOException {
        LocalRedis doomed = LocalRedis.start();
        try (RedisPayloadRegistry registry = RedisPayloadRegistry.fromUrl(doomed.url())) {
            registry.register("neso.demand", SHA_A);
            doomed.stop();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                assertThatThrownBy(() -> registry.contains("neso.demand", SHA_A))
                        .isInstanceOf(IOException.class)
                        .hasMessageStartingWith("Redis payload registry at redis://127.0.0.1:" + doomed.port() + "/0 is unreachable");
                assertThatThrownBy(() -> registry.register("neso.demand", SHA_B))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("is unreachable");
            });
        } finally {
            doomed.close();
        }
    }

    @Test
    void aServerThatAcceptsButNeverAnswersFailsWithinTheTimeout() throws Exception {
        // A listening socket that never replies: the connect succeeds, so only the read timeout can end the call.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                RedisPayloadRegistry registry = new RedisPayloadRegistry(
                        RedisRegistrySettings.fromUrl("redis://127.0.0.1:" + silent.getLocalPort())
                                .withTimeout(Duration.ofMillis(500)), CLOCK)) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                    assertThatThrownBy(() -> registry.contains("miso.fuel_mix", SHA_A))
                            .isInstanceOf(IOException.class)
                            .hasMessageContaining("did not answer within 500 ms"));
            accepted.get(5, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void redissSpeaksTls() throws Exception {
        // No TLS server here: a plain socket records the first bytes, which for TLS are a handshake record (0x16 0x03).
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                RedisPayloadRegistry registry = new RedisPayloadRegistry(
                        RedisRegistrySettings.fromUrl("rediss://127.0.0.1:" + listener.getLocalPort())
                                .withTimeout(Duration.ofMillis(500)), CLOCK)) {
            CompletableFuture<byte[]> firstBytes = CompletableFuture.supplyAsync(() -> {
                try (Socket client = listener.accept()) {
                    return client.getInputStream().readNBytes(2);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThatThrownBy(() -> registry.contains("miso.fuel_mix", SHA_A)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("Redis payload registry at rediss://127.0.0.1:");
            assertThat(firstBytes.get(5, TimeUnit.SECONDS)).containsExactly(0x16, 0x03);
        }
    }

    @Test
    void aMalformedHashOrBlankDatasetIsAProgrammingErrorNotAnIoFailure() {
        try (RedisPayloadRegistry registry = registry("t8:")) {
            assertThatThrownBy(() -> registry.contains("ercot.fuel_mix", SHA_A.toUpperCase()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case hex sha256");
            assertThatThrownBy(() -> registry.register("ercot.fuel_mix", "abc"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> registry.register(" ", SHA_A))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dataset id");
        }
    }

    @Test
    void fromUrlRefusesABadUrlAndNeverShowsThePassword() {
        assertThatThrownBy(() -> RedisPayloadRegistry.fromUrl("http://:hunter2@localhost"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> RedisPayloadRegistry.fromUrl("redis://:hunter2@localhost:123456"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        try (RedisPayloadRegistry registry = RedisPayloadRegistry.fromUrl("rediss://ops:hunter2@redis.example.com:6380/4")) {
            assertThat(registry.location()).isEqualTo("rediss://ops@redis.example.com:6380/4");
            assertThat(registry.toString()).doesNotContain("hunter2").contains("pmp:payload:");
        }
    }
}
