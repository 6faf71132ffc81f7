package dev.pmp.engine.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawArchiveTest {
    @TempDir
    Path dir;

    @Test
    void keepsEachDistinctPayloadOnceGzipUnderSourceDatasetAndDay() throws IOException {
        RawArchive archive = new RawArchive(dir.resolve("raw"));
        byte[] payload = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String sha = RawArchive.sha256(payload);
        String first = archive.keep("ercot.energy_storage_resources", Instant.parse("2025-11-09T21:33:01Z"), payload, sha, "json");
        String again = archive.keep("ercot.energy_storage_resources", Instant.parse("2025-11-09T21:38:01Z"), payload, sha, "json");

        assertThat(first).isEqualTo("ercot/energy_storage_resources/2025/11/09/20251109T213301Z_" + sha + ".json.gz");
        assertThat(again).isEqualTo(first);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive.resolve(first)))) {
            assertThat(in.readAllBytes()).isEqualTo(payload);
        }
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1);
        }
    }

    @Test
    void aDifferentPayloadGetsItsOwnFile() throws IOException {
        RawArchive archive = new RawArchive(dir);
        byte[] a = "a".getBytes(StandardCharsets.UTF_8);
        byte[] b = "b".getBytes(StandardCharsets.UTF_8);
        Instant t = Instant.parse("2025-11-09T21:33:01Z");
        assertThat(archive.keep("x.y", t, a, RawArchive.sha256(a), "json"))
                .isNotEqualTo(archive.keep("x.y", t, b, RawArchive.sha256(b), "json"));
        assertThat(RawArchive.sha256(a)).isEqualTo("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
    }
}
