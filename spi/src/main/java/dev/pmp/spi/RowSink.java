package dev.pmp.spi;

/** Receives rows one at a time from a store scan, in natural-key order. */
@FunctionalInterface
public interface RowSink {
    void accept(Row row) throws Exception;
}
