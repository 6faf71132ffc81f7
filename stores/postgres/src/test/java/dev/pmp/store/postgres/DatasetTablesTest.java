package dev.pmp.store.postgres;

import static dev.pmp.testkit.SampleDatasets.SETTLEMENT_POINT_PRICES;
import static dev.pmp.testkit.SampleDatasets.SYSTEM_LOAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Dataset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DDL decision: plain tables without TimescaleDB, a compressed hypertable with it. */
class DatasetTablesTest {

    @Test
    void plainTablesWithoutTimescale() {
        List<String> statements = DatasetTables.of(SETTLEMENT_POINT_PRICES, 1).createStatements(false);

        assertThat(statements).hasSize(4);
        assertThat(statements.get(0)).isEqualTo("CREATE SCHEMA IF NOT EXISTS \"sample\"");
        assertThat(statements.get(1)).startsWith("CREATE TABLE IF NOT EXISTS \"sample\".\"settlement_point_prices\" (")
                .contains("\"interval_start_utc\" timestamp with time zone NOT NULL")
                .contains("\"price\" double precision,")
                .endsWith("PRIMARY KEY (\"interval_start_utc\", \"settlement_point\"))");
        assertThat(statements.get(2)).startsWith("CREATE TABLE IF NOT EXISTS \"sample\".\"settlement_point_prices__revisions\"");
        assertThat(statements.get(3)).startsWith("CREATE INDEX");
        assertThat(String.join("\n", statements)).doesNotContain("timescaledb").doesNotContain("hypertable");
    }

    @Test
    void compressedHypertableWithTimescale() {
        List<String> statements = DatasetTables.of(SETTLEMENT_POINT_PRICES, 1).createStatements(true);

        assertThat(statements.get(0)).isEqualTo("CREATE EXTENSION IF NOT EXISTS timescaledb");
        assertThat(statements.subList(1, 5)).isEqualTo(DatasetTables.of(SETTLEMENT_POINT_PRICES, 1).createStatements(false));
        assertThat(statements.subList(5, statements.size())).containsExactly(
                "SELECT create_hypertable('\"sample\".\"settlement_point_prices\"', 'interval_start_utc', "
                        + "chunk_time_interval => INTERVAL '7 days', if_not_exists => TRUE)",
                "ALTER TABLE \"sample\".\"settlement_point_prices\" SET (timescaledb.compress, "
                        + "timescaledb.compress_orderby = '\"interval_start_utc\"', "
                        + "timescaledb.compress_segmentby = '\"settlement_point\"')",
                "SELECT add_compression_policy('\"sample\".\"settlement_point_prices\"', INTERVAL '30 days', "
                        + "if_not_exists => TRUE)");
    }

    @Test
    void aDatasetKeyedByTimeAloneHasNoSegments() {
        List<String> statements = DatasetTables.of(SYSTEM_LOAD, 1).createStatements(true);

        assertThat(statements).anySatisfy(s -> assertThat(s).isEqualTo("ALTER TABLE \"sample\".\"system_load\" SET "
                + "(timescaledb.compress, timescaledb.compress_orderby = '\"time_utc\"')"));
    }

    @Test
    void upsertUpdatesOnlyChangedRows() {
        String upsert = DatasetTables.of(SETTLEMENT_POINT_PRICES, 3).upsert();

        assertThat(upsert).contains("FROM pg_temp.\"stage_3\" s ON CONFLICT (\"interval_start_utc\", \"settlement_point\") "
                + "DO UPDATE SET \"interval_end_utc\" = EXCLUDED.\"interval_end_utc\"")
                .contains("WHERE (t.\"interval_end_utc\" IS DISTINCT FROM EXCLUDED.\"interval_end_utc\" OR ");
    }

    @Test
    void refusesNamesPostgresWouldTruncate() {
        Dataset longName = new Dataset("sample." + "n".repeat(46), SYSTEM_LOAD.title(), SYSTEM_LOAD.operatorReference(),
                SYSTEM_LOAD.schema(), SYSTEM_LOAD.timeShape(), SYSTEM_LOAD.access(), SYSTEM_LOAD.cadence(),
                SYSTEM_LOAD.marketZone(), SYSTEM_LOAD.publicationDelay(), SYSTEM_LOAD.grace(), SYSTEM_LOAD.earliest(),
                SYSTEM_LOAD.sourceRetention(), SYSTEM_LOAD.revisable(), SYSTEM_LOAD.maxWindow());

        assertThatThrownBy(() -> DatasetTables.of(longName, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("63 bytes");
    }
}
