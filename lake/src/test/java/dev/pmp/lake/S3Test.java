package dev.pmp.lake;

import static dev.pmp.testkit.SampleDatasets.SYSTEM_LOAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import dev.pmp.spi.Batch;
import dev.pmp.spi.FetchRecord;
import dev.pmp.engine.archive.DocumentIndex;
import dev.pmp.engine.archive.PayloadArchive;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import dev.pmp.testkit.ManualClock;
import dev.pmp.testkit.MemoryStore;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The lake and the raw archive on S3, against local-s3 running in memory in this JVM. */
class S3Test {
    private static final Instant START = Instant.parse("2024-06-30T22:00:00Z");
    private static final Instant NOW = Instant.parse("2024-07-02T00:00:00Z");

    private static LocalS3 server;
    private static S3Settings settings;
    private static int bucketNumber;

    @TempDir
    Path dir;

    private String bucket;
    private ObjectStore objects;

    @BeforeAll
    static void startServer() {
        server = LocalS3.builder().port(-1).mode(LocalS3Mode.IN_MEMORY).build();
        server.start();
        settings = S3Settings.from(key -> Optional.ofNullable(Map.of(
                "PMP_S3_ENDPOINT", "http://127.0.0.1:" + server.getPort(),
                "PMP_S3_ACCESS_KEY", "test", "PMP_S3_SECRET_KEY", "test").get(key)));
    }

    @AfterAll
    static void stopServer() {
        server.shutdown();
    }

    @BeforeEach
    void newBucket() {
        bucket = "pmp-test-" + (++bucketNumber);
        try (S3Client admin = S3Client.builder().httpClient(UrlConnectionHttpClient.builder().build())
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getPort())).forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            admin.createBucket(r -> r.bucket(bucket));
        }
        objects = S3ObjectStore.open(settings, bucket);
    }

    @Test
    void settingsAndLocationsAreParsedStrictly() {
        assertThat(settings.pathStyle()).isTrue();
        assertThat(S3Location.parse("s3://my-bucket/lake/pmp")).isEqualTo(new S3Location("my-bucket", "lake/pmp/"));
        assertThat(S3Location.parse("s3://my-bucket")).isEqualTo(new S3Location("my-bucket", ""));
        assertThatThrownBy(() -> S3Location.parse("s3://B")).hasMessageContaining("not an S3 location");
        assertThatThrownBy(() -> S3Settings.from(k -> k.equals("PMP_S3_ENDPOINT") ? Optional.of("localhost:9000")
                : Optional.empty())).hasMessageContaining("absolute URL");
        assertThatThrownBy(() -> S3Settings.from(k -> k.equals("PMP_S3_ACCESS_KEY") ? Optional.of("x")
                : Optional.empty())).hasMessageContaining("both");
    }

    @Test
    void lakeSyncToS3WritesPartitionsSkipsUnchangedOnesAndReadsBackTheSameRows() throws Exception {
        MemoryStore store = new MemoryStore();
        store.prepare(SYSTEM_LOAD);
        write(store, rows(48, 0), 1);
        Lake lake = new Lake(LakeTarget.s3(objects, S3Location.parse("s3://" + bucket + "/lake")), new ManualClock(NOW));

        assertThat(lake.sync(SYSTEM_LOAD, store)).isEqualTo(new SyncReport(SYSTEM_LOAD.id(), 2, 0, 48));
        assertThat(objects.list("lake/")).containsExactly(
                "lake/dataset=sample.system_load/year=2024/month=06/_manifest.json",
                "lake/dataset=sample.system_load/year=2024/month=06/part.parquet",
                "lake/dataset=sample.system_load/year=2024/month=07/_manifest.json",
                "lake/dataset=sample.system_load/year=2024/month=07/part.parquet");
        assertThat(lake.sync(SYSTEM_LOAD, store)).isEqualTo(new SyncReport(SYSTEM_LOAD.id(), 0, 2, 48));

        // A revised July value rewrites July only.
        List<Row> revised = rows(48, 0);
        revised.set(40, rows(48, 0.5).get(40));
        write(store, revised, 2);
        String juneManifest = manifest("lake/dataset=sample.system_load/year=2024/month=06/_manifest.json");
        assertThat(lake.sync(SYSTEM_LOAD, store)).isEqualTo(new SyncReport(SYSTEM_LOAD.id(), 1, 1, 48));
        assertThat(manifest("lake/dataset=sample.system_load/year=2024/month=06/_manifest.json")).isEqualTo(juneManifest);

        // Read back through DuckDB: the same rows as the store.
        Path local = dir.resolve("copy");
        for (String key : objects.list("lake/")) {
            Path f = local.resolve(key);
            Files.createDirectories(f.getParent());
            Files.write(f, objects.get(key).orElseThrow());
        }
        List<String> back = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT epoch_us(time_utc), load_mw FROM read_parquet('" + local
                        + "/lake/**/*.parquet', hive_partitioning=true) ORDER BY time_utc")) {
            while (rs.next()) {
                back.add(rs.getLong(1) + " " + rs.getDouble(2));
            }
        }
        List<String> expected = new ArrayList<>();
        for (Row r : revised) {
            expected.add((r.instant(0).toEpochMilli() * 1000) + " " + r.number(1));
        }
        assertThat(back).isEqualTo(expected);
    }

    @Test
    void rawArchiveKeepsTheDocumentedLayoutWithMetadataAndEachPayloadOnce() throws Exception {
        S3Location at = S3Location.parse("s3://" + bucket + "/raw");
        S3Archive archive = new S3Archive(objects, at);
        byte[] payload = "{\"data\":[1,2,3]}".getBytes(StandardCharsets.UTF_8);
        String sha = dev.pmp.engine.archive.RawArchive.sha256(payload);
        Instant t = Instant.parse("2026-03-08T07:05:09Z");
        Map<String, String> meta = Map.of("url", "https://example.test/feed?x=1", "status", "200");

        String first = archive.keep("ercot.fuel_mix", t, payload, sha, "json", meta);
        String again = archive.keep("ercot.fuel_mix", t.plusSeconds(300), payload, sha, "json", meta);
        String fresh = new S3Archive(objects, at).keep("ercot.fuel_mix", t.plusSeconds(600), payload, sha, "json", meta);
        byte[] other = "{\"data\":[4]}".getBytes(StandardCharsets.UTF_8);
        archive.keep("ercot.fuel_mix", t.plusSeconds(900), other, dev.pmp.engine.archive.RawArchive.sha256(other), "json",
                meta);

        String key = "raw/ercot/fuel_mix/year=2026/month=03/day=08/fuel_mix_20260308T070509Z_" + sha.substring(0, 12)
                + ".json.gz";
        assertThat(first).isEqualTo("s3://" + bucket + "/" + key);
        assertThat(again).isEqualTo(first);
        assertThat(fresh).isEqualTo(first);
        assertThat(objects.list("raw/")).hasSize(2).contains(key);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(objects.get(key).orElseThrow()))) {
            assertThat(in.readAllBytes()).isEqualTo(payload);
        }
        assertThat(objects.metadata(key).orElseThrow()).containsEntry("url", "https://example.test/feed?x=1")
                .containsEntry("status", "200").containsEntry("sha256", sha)
                .containsEntry("fetched-at", "2026-03-08T07:05:09Z");
        assertThat(objects.metadata("raw/nothing")).isEmpty();
    }

    @Test
    void aDocumentKeptWithItsRequestKeyIsFoundAgainByIt() throws Exception {
        S3Archive archive = new S3Archive(objects, S3Location.parse("s3://" + bucket + "/raw"));
        byte[] zip = {80, 75, 3, 4, 9, 9};
        String sha = dev.pmp.engine.archive.RawArchive.sha256(zip);
        String doc = "GET https://api.ercot.com/api/public-reports/archive/np3-966-er?download=123";
        Instant t = Instant.parse("2026-03-08T07:05:09Z");

        archive.keep("ercot.dam_gen_resources_60d", t, zip, sha, "zip", Map.of("url", "u", "status", "200",
                PayloadArchive.DOCUMENT, doc, DocumentIndex.CONTENT_TYPE, "application/zip"));
        // The same bytes for a second dataset are indexed too (a shared daily zip).
        archive.keep("ercot.dam_load_resources_60d", t, zip, sha, "zip", Map.of(PayloadArchive.DOCUMENT, doc));

        PayloadArchive.Document found = new S3Archive(objects, S3Location.parse("s3://" + bucket + "/raw")).document(doc)
                .orElseThrow();
        assertThat(found.raw()).isEqualTo(zip);
        assertThat(found.fetchedAt()).isEqualTo(t);
        assertThat(found.where()).startsWith("s3://" + bucket + "/raw/ercot/");
        assertThat(archive.document(doc + "0")).isEmpty();
    }

    private String manifest(String key) throws Exception {
        return new String(objects.get(key).orElseThrow(), StandardCharsets.UTF_8);
    }

    private static List<Row> rows(int count, double offset) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Row.of(START.plus(Duration.ofMinutes(5L * i)), 1000.25 + i + offset, (long) i, "ok", i % 2 == 0,
                    LocalDate.of(2024, 6, 30)));
        }
        return rows;
    }

    private static void write(MemoryStore store, List<Row> rows, int n) throws Exception {
        Window covered = new Window(START, NOW);
        FetchRecord f = new FetchRecord("fetch-" + n, SYSTEM_LOAD.id(), covered, "https://example.test/load", NOW, 200,
                10, null, null, Duration.ofMillis(5), 0, 0, 0, null, "");
        store.write(new Batch(SYSTEM_LOAD, f, rows, List.of(covered), NOW));
    }
}
