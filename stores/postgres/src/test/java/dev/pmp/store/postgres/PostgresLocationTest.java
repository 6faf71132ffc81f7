package dev.pmp.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresLocationTest {

    @Test
    void readsUserHostPortAndDatabase() {
        assertThat(PostgresLocation.parse("postgresql://pmp@db.internal:6543/market"))
                .isEqualTo(new PostgresLocation("jdbc:postgresql://db.internal:6543/market", "pmp", null));
    }

    @Test
    void leavesPortUserAndDatabaseToTheDriverWhenMissing() {
        assertThat(PostgresLocation.parse("postgres://localhost/pmp"))
                .isEqualTo(new PostgresLocation("jdbc:postgresql://localhost/pmp", null, null));
        assertThat(PostgresLocation.parse("postgresql://pmp@localhost"))
                .isEqualTo(new PostgresLocation("jdbc:postgresql://localhost/", "pmp", null));
    }

    @Test
    void takesAPercentEncodedPasswordFromTheUrl() {
        PostgresLocation location = PostgresLocation.parse("postgresql://pmp:p%40ss%3Aw+rd@localhost:5432/pmp");

        assertThat(location.user()).isEqualTo("pmp");
        assertThat(location.password()).isEqualTo("p@ss:w+rd");
        assertThat(location.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/pmp");
    }

    @Test
    void passesParametersAndIpv6HostsThrough() {
        assertThat(PostgresLocation.parse("postgresql://pmp@[::1]:5432/pmp?sslmode=require").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/pmp?sslmode=require");
    }

    @Test
    void keepsJdbcUrlsAsTheyAre() {
        String jdbc = "jdbc:postgresql://db:5432/pmp?user=pmp&password=hunter2";

        PostgresLocation location = PostgresLocation.parse(jdbc);

        assertThat(location).isEqualTo(new PostgresLocation(jdbc, null, null));
        assertThat(location.toString()).doesNotContain("hunter2").contains("password=***");
    }

    @Test
    void neverShowsThePassword() {
        PostgresLocation location = PostgresLocation.parse("postgresql://pmp:hunter2@localhost:5432/pmp");

        assertThat(location.toString()).doesNotContain("hunter2").contains("user=pmp").contains("password=***");
        assertThat(location.withPassword(null).toString()).contains("password=none");
        assertThat(PostgresLocation.parse("postgresql://pmp@localhost/pmp").withPassword("from-env").toString())
                .doesNotContain("from-env");
        assertThatThrownBy(() -> PostgresLocation.parse("mysql://pmp:hunter2@localhost/pmp"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").contains("pmp:***@localhost"));
    }

    @Test
    void refusesLocationsWithoutOneHost() {
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql:///pmp"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no host");
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://a:1,b:2/pmp"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no host");
        assertThatThrownBy(() -> PostgresLocation.parse("/var/lib/pmp.duckdb"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
