package dev.pmp.source.ercot.api;

import dev.pmp.spi.Auth;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of ERCOT's Public API, read once from {@link Settings}. {@link #toString()} never shows a
 * secret.
 *
 * @param apiBase the public-reports base every API path is appended to, no trailing slash
 * @param tokenUri where the Azure B2C ROPC token form is POSTed
 * @param credentials the account and subscription key, empty when not all three are set
 * @param pageSize rows per query page ({@code size})
 */
public record ApiSettings(URI apiBase, URI tokenUri, Optional<Credentials> credentials, int pageSize) {

    /** The API base, default {@link #DEFAULT_API_BASE}; the simulator stands in here. */
    public static final String API_URL = "PMP_ERCOT_API_URL";
    /** The token endpoint, default {@link #DEFAULT_TOKEN_URI}. */
    public static final String TOKEN_URL = "PMP_ERCOT_TOKEN_URL";
    /** The API Explorer account's user name (an e-mail address). */
    public static final String USERNAME = "PMP_ERCOT_USERNAME";
    /** The API Explorer account's password. */
    public static final String PASSWORD = "PMP_ERCOT_PASSWORD";
    /** The primary key of the "Public API" subscription. */
    public static final String KEY = "PMP_ERCOT_SUBSCRIPTION_KEY";
    /** Rows per query page, default {@value #DEFAULT_PAGE_SIZE}. */
    public static final String PAGE_SIZE = "PMP_ERCOT_API_PAGE_SIZE";

    public static final URI DEFAULT_API_BASE = URI.create("https://api.ercot.com/api/public-reports");
    public static final URI DEFAULT_TOKEN_URI = URI.create(
            "https://ercotb2c.b2clogin.com/ercotb2c.onmicrosoft.com/B2C_1_PUBAPI-ROPC-FLOW/oauth2/v2.0/token");
    /** gridstatus pages with 100,000 rows; one day of NP6-905-CD is about 100,000 rows. */
    public static final int DEFAULT_PAGE_SIZE = 100_000;
    /** ERCOT's public client id of the ROPC flow (README section 3.2). */
    static final String CLIENT_ID = "fec253ea-0d06-4272-a5e6-b478baeecd70";
    /** ID tokens live one hour and cannot be refreshed: renew well before. */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(55);

    public ApiSettings {
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(tokenUri, "tokenUri");
        Objects.requireNonNull(credentials, "credentials");
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive");
        }
    }

    /**
     * The account and key; never printed.
     *
     * @param username API Explorer user name
     * @param password its password
     * @param subscriptionKey the {@code Ocp-Apim-Subscription-Key}
     */
    public record Credentials(String username, String password, String subscriptionKey) {
        public Credentials {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(subscriptionKey, "subscriptionKey");
        }

        @Override
        public String toString() {
            return "Credentials[username=***, password=***, subscriptionKey=***]";
        }
    }

    /**
     * Reads and checks the settings.
     *
     * @throws SourceException {@link Failure#CONFIG} for a malformed URL or page size, or when only some of
     *     the three credentials are set
     */
    public static ApiSettings from(Settings settings) throws SourceException {
        URI api = settings.baseUrl(API_URL, DEFAULT_API_BASE);
        URI token = settings.baseUrl(TOKEN_URL, DEFAULT_TOKEN_URI);
        Optional<String> user = settings.value(USERNAME);
        Optional<String> password = settings.value(PASSWORD);
        Optional<String> key = settings.value(KEY);
        Optional<Credentials> credentials = Optional.empty();
        if (user.isPresent() && password.isPresent() && key.isPresent()) {
            credentials = Optional.of(new Credentials(user.get(), password.get(), key.get()));
        } else if (user.isPresent() || password.isPresent() || key.isPresent()) {
            throw new SourceException(Failure.CONFIG, "set all of " + USERNAME + ", " + PASSWORD + " and " + KEY
                    + " for the ERCOT Public API, or none; missing: " + String.join(", ",
                            missing(List.of(USERNAME, PASSWORD, KEY), List.of(user, password, key))));
        }
        int pageSize = DEFAULT_PAGE_SIZE;
        Optional<String> size = settings.value(PAGE_SIZE);
        if (size.isPresent()) {
            try {
                pageSize = Integer.parseInt(size.get().strip());
            } catch (NumberFormatException e) {
                pageSize = 0;
            }
            if (pageSize < 1) {
                throw new SourceException(Failure.CONFIG, PAGE_SIZE + " must be a positive whole number, not \""
                        + size.get() + "\"");
            }
        }
        return new ApiSettings(api, token, credentials, pageSize);
    }

    /**
     * The Azure B2C ROPC sign-in as the engine performs it: the form of README section 3.2 POSTed to
     * {@link #tokenUri}, the {@code id_token} of the answer sent as the bearer token for 55 minutes, with
     * the subscription key beside it. Empty without credentials.
     */
    public Optional<Auth> auth() {
        return credentials.map(c -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "password");
            form.put("username", c.username());
            form.put("password", c.password());
            form.put("scope", "openid " + CLIENT_ID + " offline_access");
            form.put("client_id", CLIENT_ID);
            form.put("response_type", "id_token");
            return new Auth.BearerToken(tokenUri, form, "id_token", TOKEN_LIFETIME,
                    Map.of("Ocp-Apim-Subscription-Key", c.subscriptionKey()));
        });
    }

    /**
     * Refuses an API dataset when the credentials are not set.
     *
     * @throws SourceException {@link Failure#CONFIG} naming the three variables
     */
    public void requireCredentials(String datasetId) throws SourceException {
        if (credentials.isEmpty()) {
            throw new SourceException(Failure.CONFIG, datasetId + " reads the ERCOT Public API: set " + USERNAME + ", "
                    + PASSWORD + " and " + KEY + " (register at https://apiexplorer.ercot.com)");
        }
    }

    /** The absolute URI of {@code pathAndQuery} (no leading slash) under the API base. */
    URI api(String pathAndQuery) {
        return URI.create(apiBase + "/" + pathAndQuery);
    }

    @Override
    public String toString() {
        return "ApiSettings[apiBase=" + apiBase + ", tokenUri=" + tokenUri + ", credentials="
                + (credentials.isPresent() ? "set" : "unset") + ", pageSize=" + pageSize + "]";
    }

    private static List<String> missing(List<String> names, List<Optional<String>> values) {
        return java.util.stream.IntStream.range(0, names.size()).filter(i -> values.get(i).isEmpty())
                .mapToObj(names::get).toList();
    }

}
