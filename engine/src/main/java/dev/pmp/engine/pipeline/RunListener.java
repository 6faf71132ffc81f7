package dev.pmp.engine.pipeline;

/** Told about every finished pass; called on the thread that ran it, after the store committed. */
@FunctionalInterface
public interface RunListener {
    void finished(RunReport report);
}
