package dev.pmp.dedup.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing PMP_REDIS_URL: defaults, credentials, TLS, database, and clear refusals that never show a password. */
class RedisEndpointTest {

    @Test
    void aBareHostGetsTheDefaultPortAndDatabaseAndNoCredentials() {
        RedisEndpoint e = RedisEndpoint.parse("redis://cache.internal");
        assertThat(e).isEqualTo(new RedisEndpoint(false, "cache.internal", 6379, 0, null, null));
        assertThat(e.location()).isEqualTo("redis://cache.internal:6379/0");
    }

    @Test
    void userPasswordPortAndDatabaseAreRead() {
        RedisEndpoint e = RedisEndpoint.parse("redis://collector:s3cret@10.0.0.5:6380/3");
        assertThat(e.host()).isEqualTo("10.0.0.5");
        assertThat(e.port()).isEqualTo(6380);
        assertThat(e.database()).isEqualTo(3);
        assertThat(e.user()).isEqualTo("collector");
        assertThat(e.password()).isEqualTo("s3cret");
        assertThat(e.tls()).isFalse();
    }

    @Test
    void aPasswordWithoutUserUsesTheDefaultUser() {
        RedisEndpoint e = RedisEndpoint.parse("redis://:s3cret@localhost/");
        assertThat(e.user()).isNull();
        assertThat(e.password()).isEqualTo("s3cret");
        assertThat(e.database()).isZero();
    }

    @Test
    void percentEncodedCredentialsAreDecodedAndPlusStaysPlus() {
        RedisEndpoint e = RedisEndpoint.parse("redis://app%40eu:p%40ss%3Aw+rd%2F%C3%A9@localhost:6379");
        assertThat(e.user()).isEqualTo("app@eu");
        assertThat(e.password()).isEqualTo("p@ss:w+rd/é");
    }

    @Test
    void redissMeansTls() {
        RedisEndpoint e = RedisEndpoint.parse("REDISS://redis.example.com:6390/1");
        assertThat(e.tls()).isTrue();
        assertThat(e.location()).isEqualTo("rediss://redis.example.com:6390/1");
    }

    @Test
    void anIpv6LiteralKeepsItsBracketsOnlyInTheLocation() {
        RedisEndpoint e = RedisEndpoint.parse("redis://[::1]:7000");
        assertThat(e.host()).isEqualTo("::1");
        assertThat(e.port()).isEqualTo(7000);
        assertThat(e.location()).isEqualTo("redis://[::1]:7000/0");
    }

    @Test
    void thePasswordNeverReachesLocationOrToString() {
        RedisEndpoint e = RedisEndpoint.parse("redis://collector:hunter2@localhost:6379/2");
        assertThat(e.location()).isEqualTo("redis://collector@localhost:6379/2").doesNotContain("hunter2");
        assertThat(e.toString()).doesNotContain("hunter2");
        assertThat(RedisRegistrySettings.fromUrl("redis://:hunter2@localhost").toString()).doesNotContain("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://:hunter2@localhost:6379", "localhost:6379", "hunter2@localhost", "tcp://localhost"})
    void anotherSchemeIsRefused(String url) {
        assertThatThrownBy(() -> RedisEndpoint.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the Redis URL must start with redis:// or rediss://")
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://:hunter2@localhost:0", "redis://:hunter2@localhost:65536",
            "redis://:hunter2@localhost:abc", "redis://:hunter2@localhost:-1", "redis://:hunter2@localhost:99999999999"})
    void aBadPortIsRefused(String url) {
        assertThatThrownBy(() -> RedisEndpoint.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port must be a number from 1 to 65535")
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://:hunter2@localhost/x", "redis://:hunter2@localhost/1/2", "redis://:hunter2@localhost/-1"})
    void aPathThatIsNotADatabaseNumberIsRefused(String url) {
        assertThatThrownBy(() -> RedisEndpoint.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a database number")
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis:///0", "redis://:hunter2@:6379", "redis:hunter2"})
    void aUrlWithoutHostIsRefused(String url) {
        assertThatThrownBy(() -> RedisEndpoint.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no host")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void otherMalformedUrlsAreRefusedWithoutRepeatingThePassword() {
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://:hun ter2@localhost"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the Redis URL is malformed")
                .hasMessageNotContaining("hun ter2");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://"))
                .hasMessageStartingWith("the Redis URL is malformed");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://hunter2@localhost"))
                .hasMessageContaining("user:password or :password")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://:hunter2%zz@localhost"))
                .hasMessageStartingWith("the Redis URL is malformed")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> RedisEndpoint.parse("redis://:hunter2@localhost:6379/0?ssl=true"))
                .hasMessageContaining("query or fragment")
                .hasMessageNotContaining("hunter2");
    }
}
