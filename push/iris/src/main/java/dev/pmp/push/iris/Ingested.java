package dev.pmp.push.iris;

import dev.pmp.engine.pipeline.RunReport;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link IrisIngest} did with one message.
 *
 * @param message the message
 * @param datasetId the dataset its subject names, empty when the subject names none
 * @param disposition how it was settled
 * @param report the pipeline's report when the message went through the pipeline
 * @param reason why it was abandoned or completed without writing; the report's message on failure; empty
 *     when it was written
 */
public record Ingested(IrisMessage message, String datasetId, Disposition disposition, Optional<RunReport> report,
        String reason) {

    public Ingested {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(reason, "reason");
    }
}
