package dev.pmp.store.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a PostgreSQL store lives: a JDBC URL and the credentials to log in with. Parsed once, at the
 * edge, from the {@code --store} setting. The password never appears in {@link #toString()}.
 *
 * @param jdbcUrl a {@code jdbc:postgresql:} URL
 * @param user the user to log in as; null to leave it to the URL (or the driver's default, the OS user)
 * @param password the password; null when none was given (trust or peer authentication, or a
 *     {@code password} parameter inside {@code jdbcUrl})
 */
public record PostgresLocation(String jdbcUrl, String user, String password) {

    private static final String JDBC_PREFIX = "jdbc:postgresql:";
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&]password=)[^&]*");

    public PostgresLocation {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + redacted(jdbcUrl));
        }
    }

    /**
     * Reads a store location: {@code postgresql://[user[:password]@]host[:port][/database][?parameters]}
     * ({@code postgres://} too, as libpq accepts), or a {@code jdbc:postgresql:} URL, which is kept as
     * it is. User and password may be percent-encoded; parameters (such as {@code sslmode=require}) are
     * passed to the JDBC driver unchanged. Without a port the driver uses 5432; without a database, the
     * user's name.
     *
     * @throws IllegalArgumentException when {@code location} is neither form; the message never holds
     *     the password
     */
    public static PostgresLocation parse(String location) {
        Objects.requireNonNull(location, "location");
        if (location.startsWith(JDBC_PREFIX)) {
            return new PostgresLocation(location, null, null);
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot read store location " + redacted(location)
                    + ": expected postgresql://user@host:port/database");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("postgresql") || scheme.equals("postgres"))) {
            throw new IllegalArgumentException("store location " + redacted(location)
                    + " is not postgresql://user@host:port/database");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("store location " + redacted(location)
                    + " names no host (one host, as in postgresql://user@host:5432/database)");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
            if (user.isEmpty()) {
                user = null;
            }
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        StringBuilder jdbc = new StringBuilder(JDBC_PREFIX).append("//").append(uri.getHost());
        if (uri.getPort() >= 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append('/').append(database);
        if (uri.getRawQuery() != null) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        return new PostgresLocation(jdbc.toString(), user, password);
    }

    /** This location with {@code newPassword}, e.g. from {@code PMP_STORE_PASSWORD} when the URL holds none. */
    public PostgresLocation withPassword(String newPassword) {
        return new PostgresLocation(jdbcUrl, user, newPassword);
    }

    /** The JDBC URL with any {@code password} parameter blanked out, for messages and logs. */
    public String describe() {
        return redacted(jdbcUrl);
    }

    @Override
    public String toString() {
        return "PostgresLocation[jdbcUrl=" + describe() + ", user=" + user + ", password="
                + (password == null ? "none" : "***") + "]";
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** {@code location} without the password of its user part or of a {@code password} parameter. */
    static String redacted(String location) {
        String out = PASSWORD_PARAMETER.matcher(location).replaceAll("$1***");
        int scheme = out.indexOf("://");
        if (scheme < 0) {
            return out;
        }
        int slash = out.indexOf('/', scheme + 3);
        int authorityEnd = slash < 0 ? out.length() : slash;
        int at = out.lastIndexOf('@', authorityEnd - 1);
        if (at > scheme) {
            int colon = out.indexOf(':', scheme + 3);
            if (colon > 0 && colon < at) {
                out = out.substring(0, colon + 1) + "***" + out.substring(at);
            }
        }
        return out;
    }
}
