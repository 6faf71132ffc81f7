package dev.pmp.dedup.redis;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a Redis server listens and how to log in, parsed once from {@code PMP_REDIS_URL}:
 * {@code redis://[[user]:password@]host[:port][/db]} or {@code rediss://...} for TLS. The port defaults to
 * 6379 and the database to 0; user and password are percent-decoded. The password never appears in
 * {@link #toString()}, {@link #location()} or any exception message this type throws.
 *
 * @param tls whether the connection uses TLS ({@code rediss://})
 * @param host host name or IP literal (IPv6 without brackets)
 * @param port 1 to 65535
 * @param database Redis logical database, 0 or more
 * @param user ACL user name, or {@code null} for the default user
 * @param password password, or {@code null} when the server needs none
 */
public record RedisEndpoint(boolean tls, String host, int port, int database, String user, String password) {

    /** The port Redis listens on unless the URL names another. */
    public static final int DEFAULT_PORT = 6379;

    public RedisEndpoint {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the Redis host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the Redis port must be from 1 to 65535, got " + port);
        }
        if (database < 0) {
            throw new IllegalArgumentException("the Redis database must be 0 or more, got " + database);
        }
        if (user != null && user.isEmpty()) {
            user = null;
        }
        if (password != null && password.isEmpty()) {
            password = null;
        }
    }

    /**
     * Parses a Redis URL.
     *
     * @throws IllegalArgumentException when the URL is malformed, its scheme is not {@code redis}/{@code rediss},
     *     it has no host, its port is not a number from 1 to 65535, its path is not a database number, or it
     *     carries a query or fragment; the message never repeats the password
     */
    public static RedisEndpoint parse(String url) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            // URISyntaxException repeats the whole input, password included, so only its reason is kept.
            throw new IllegalArgumentException("the Redis URL is malformed (" + e.getReason()
                    + "); expected redis://[[user]:password@]host[:port][/db]");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = switch (scheme) {
            case "redis" -> false;
            case "rediss" -> true;
            default -> throw new IllegalArgumentException("the Redis URL must start with redis:// or rediss://, got "
                    + (scheme.isEmpty() ? "no scheme" : "scheme '" + scheme + "'"));
        };
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the Redis URL must not have a query or fragment");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new IllegalArgumentException("the Redis URL has no host; expected " + scheme + "://host[:port][/db]");
        }
        int at = authority.lastIndexOf('@');
        String hostPort = authority.substring(at + 1);
        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = decode(authority.substring(0, at));
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                // A lone word before '@' is ambiguous (user or password?); Redis clients disagree, so refuse it.
                throw new IllegalArgumentException(
                        "the Redis URL's credentials must be user:password or :password before the '@'");
            }
            user = userInfo.substring(0, colon);
            password = userInfo.substring(colon + 1);
        }
        String host;
        String portText;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("the Redis URL has an unclosed IPv6 address");
            }
            host = hostPort.substring(1, close);
            String rest = hostPort.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException("the Redis URL has text after its IPv6 address: " + rest);
            }
            portText = rest.isEmpty() ? null : rest.substring(1);
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the Redis URL has no host; expected " + scheme + "://host[:port][/db]");
        }
        return new RedisEndpoint(tls, host, port(portText), database(uri.getRawPath()), user, password);
    }

    /** The endpoint for messages, {@code redis://[user@]host:port/db}: never the password. */
    public String location() {
        String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return (tls ? "rediss://" : "redis://") + (user == null ? "" : user + "@") + shownHost + ":" + port + "/" + database;
    }

    /** Same as {@link #location()}, so that logging the record never prints the password. */
    @Override
    public String toString() {
        return location();
    }

    private static int port(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_PORT;
        }
        int port = parseNumber(text);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the Redis URL's port must be a number from 1 to 65535, got '" + text + "'");
        }
        return port;
    }

    private static int database(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        int database = parseNumber(path.substring(1));
        if (database < 0) {
            throw new IllegalArgumentException("the Redis URL's path must be a database number such as /0, got '"
                    + path + "'");
        }
        return database;
    }

    /** A non-negative decimal of at most 9 digits, or -1 for anything else. */
    private static int parseNumber(String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(text);
    }

    /** Percent-decodes URL user info as UTF-8 ({@code +} stays a plus, unlike form encoding). */
    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            int c = raw.codePointAt(i);
            if (c != '%') {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c) - 1;
                continue;
            }
            int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("the Redis URL's credentials are not validly percent-encoded");
            }
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
