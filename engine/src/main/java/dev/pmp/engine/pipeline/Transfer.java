package dev.pmp.engine.pipeline;

import dev.pmp.spi.FetchResponse;
import java.util.Objects;

/**
 * One completed HTTP exchange.
 *
 * @param response the checked, decompressed response handed to the feed
 * @param raw the body exactly as received (possibly gzip), for the fetch log and the raw archive
 * @param attempts how many attempts it took (1 when the first succeeded)
 */
public record Transfer(FetchResponse response, byte[] raw, int attempts) {
    public Transfer {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(raw, "raw");
    }
}
