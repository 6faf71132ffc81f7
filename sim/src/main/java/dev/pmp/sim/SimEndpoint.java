package dev.pmp.sim;

import java.io.IOException;

/**
 * One operator's endpoints on the {@link Simulator} (CAISO OASIS, NYISO MIS, ...), served under a path
 * prefix. The simulator counts the requests, applies the armed transport faults (500, 429, timeout, HTML
 * behind 200, truncation, gzip) to the endpoint's normal answer, and asks the endpoint itself for the
 * {@link SimRequest.Variant#EMPTY_DATA} and {@link SimRequest.Variant#NOT_A_NUMBER} payloads.
 * Implementations must be thread-safe.
 */
public interface SimEndpoint {

    /** The path prefix served, starting and ending with {@code /} ({@code /caiso/}). */
    String prefix();

    /** The answer to one GET (or accepted POST) under {@link #prefix()}. */
    SimResponse answer(SimRequest request) throws IOException;

    /**
     * Whether a POST to {@code path} is served (a sign-in form); its form fields then arrive in
     * {@link SimRequest#query()} beside the query string's. Other POSTs answer 405.
     */
    default boolean acceptsPost(String path) {
        return false;
    }
}
