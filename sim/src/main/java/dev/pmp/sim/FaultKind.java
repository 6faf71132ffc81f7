package dev.pmp.sim;

import java.util.Arrays;
import java.util.Optional;

/** A way the simulator can misbehave on an operator endpoint, named on the wire as {@link #wireName()}. */
public enum FaultKind {
    /** HTTP 500 with a short HTML body. */
    STATUS_500("status500"),
    /** HTTP 429 with a {@code Retry-After} header in whole seconds ({@link Fault#retryAfter()}). */
    STATUS_429("status429"),
    /** Sleep {@link Fault#delay()} (meant to exceed the client's timeout), then answer normally. */
    TIMEOUT("timeout"),
    /** HTTP 200 with an Imperva-style HTML bot-wall page instead of JSON. */
    HTML_200("html200"),
    /** The normal JSON cut after half of its bytes. */
    TRUNCATED("truncated"),
    /** The normal envelope with both {@code data} arrays empty. */
    EMPTY_DATA("emptyData"),
    /** One number (the first row's {@code totalCharging}) replaced by the string {@code "abc"}. */
    NOT_A_NUMBER("notANumber"),
    /** The normal JSON gzip-compressed, without a {@code Content-Encoding} header: the client must sniff it. */
    GZIP_NO_HEADER("gzipNoHeader"),
    /** The normal JSON gzip-compressed, with {@code Content-Encoding: gzip}. */
    GZIP("gzip");

    private final String wireName;

    FaultKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name used by the {@code /_sim/fault?kind=} control endpoint. */
    public String wireName() {
        return wireName;
    }

    /** The kind whose {@link #wireName()} is {@code name} (case-sensitive), if any. */
    public static Optional<FaultKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}
