package dev.pmp.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.engine.catalog.Catalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Fails the build when docs/datasets.md no longer matches the Dataset records. */
class DatasetDocsTest {
    private static final Path DOCS = Path.of("..", "docs", "datasets.md");

    @Test
    void committedDatasetReferenceIsCurrent() throws Exception {
        String generated = DatasetDocs.markdown(Catalog.load());
        if (Boolean.getBoolean("pmp.docs.update")) {
            Files.createDirectories(DOCS.getParent());
            Files.writeString(DOCS, generated, StandardCharsets.UTF_8);
        }
        assertThat(DOCS).as("docs/datasets.md exists").exists();
        assertThat(Files.readString(DOCS, StandardCharsets.UTF_8))
                .as("docs/datasets.md is stale: regenerate it with ./pmp datasets --markdown > docs/datasets.md"
                        + " (or ./mvnw -pl app test -Dtest=DatasetDocsTest -Dpmp.docs.update=true)")
                .isEqualTo(generated);
        assertThat(generated).contains("## ercot.energy_storage_resources");
    }
}
