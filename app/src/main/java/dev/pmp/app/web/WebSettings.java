package dev.pmp.app.web;

import dev.pmp.app.ConfigException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the dashboard listens and the token its actions require, parsed once from {@code --http} and
 * {@code PMP_HTTP_TOKEN}.
 *
 * @param address where to listen; empty when the dashboard is off
 * @param token the bearer token actions (fill, pause, resume) require; empty makes the dashboard read-only
 */
public record WebSettings(Optional<InetSocketAddress> address, Optional<String> token) {
    /** The default of {@code --http}: loopback only. */
    public static final String DEFAULT = "127.0.0.1:8080";
    /** The shortest token accepted, so that a guessable one is refused at start. */
    public static final int MIN_TOKEN_LENGTH = 16;

    public WebSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(token, "token");
    }

    /**
     * Reads {@code --http}: {@code off}, {@code HOST:PORT} ({@code [::1]:PORT} for IPv6) or {@code PORT}
     * (on 127.0.0.1); port 0 picks a free one.
     *
     * @param token {@code PMP_HTTP_TOKEN}, if set
     * @throws ConfigException when the value cannot be read, the token is too short, or the address is not
     *     loopback and there is no token
     */
    public static WebSettings parse(String http, Optional<String> token) {
        token.ifPresent(t -> {
            if (t.length() < MIN_TOKEN_LENGTH) {
                throw new ConfigException("PMP_HTTP_TOKEN must be at least " + MIN_TOKEN_LENGTH + " characters");
            }
        });
        String value = http.trim();
        if (value.equals("off")) {
            return new WebSettings(Optional.empty(), token);
        }
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : value.substring(0, colon);
        String portText = colon < 0 ? value : value.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            host = "127.0.0.1";
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new ConfigException("--http must be off, HOST:PORT or PORT, not " + http);
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("--http port must be 0 to 65535, not " + port);
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ConfigException("--http: unknown host " + host);
        }
        if (!ip.isLoopbackAddress() && token.isEmpty()) {
            throw new ConfigException("refusing to serve the dashboard on " + host + ", which is not a loopback address,"
                    + " without a token: set PMP_HTTP_TOKEN, or use --http 127.0.0.1:" + port);
        }
        return new WebSettings(Optional.of(new InetSocketAddress(ip, port)), token);
    }

    public boolean enabled() {
        return address.isPresent();
    }

    @Override
    public String toString() {
        return "WebSettings[address=" + address.map(Object::toString).orElse("off")
                + ", token=" + (token.isPresent() ? "set" : "none") + "]";
    }
}
