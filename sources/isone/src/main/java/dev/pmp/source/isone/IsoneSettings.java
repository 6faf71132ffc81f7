package dev.pmp.source.isone;

import dev.pmp.spi.Auth;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Settings;
import dev.pmp.spi.SourceException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of the ISO-NE source, read once from {@link Settings}. With both credentials set the
 * feeds read the Web Services API, otherwise the anonymous ISO Express CSV channel.
 *
 * @param apiBase base of the Web Services API, without trailing slash
 * @param expressBase base of the ISO Express web site, without trailing slash
 * @param credentials the API account, when set; never printed
 */
record IsoneSettings(URI apiBase, URI expressBase, Optional<Auth.Basic> credentials) {

    static final String API_URL = "PMP_ISONE_API_URL";
    static final String EXPRESS_URL = "PMP_ISONE_EXPRESS_URL";
    static final String USERNAME = "PMP_ISONE_USERNAME";
    static final String PASSWORD = "PMP_ISONE_PASSWORD";

    /** The Web Services API v1.1. */
    static final URI DEFAULT_API_BASE = URI.create("https://webservices.iso-ne.com/api/v1.1");
    /** ISO Express. */
    static final URI DEFAULT_EXPRESS_BASE = URI.create("https://www.iso-ne.com");

    IsoneSettings {
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(expressBase, "expressBase");
        Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * Reads and checks the settings.
     *
     * @throws SourceException {@code CONFIG} for a malformed URL, or only one of user name and password
     */
    static IsoneSettings from(Settings settings) throws SourceException {
        URI api = settings.baseUrl(API_URL, DEFAULT_API_BASE);
        URI express = settings.baseUrl(EXPRESS_URL, DEFAULT_EXPRESS_BASE);
        Optional<String> user = settings.value(USERNAME);
        Optional<String> password = settings.value(PASSWORD);
        if (user.isPresent() != password.isPresent()) {
            throw new SourceException(Failure.CONFIG, "set both " + USERNAME + " and " + PASSWORD
                    + " to read the Web Services API, or neither to read ISO Express; only "
                    + (user.isPresent() ? USERNAME : PASSWORD) + " is set");
        }
        Optional<Auth.Basic> credentials = user.map(u -> new Auth.Basic(u, password.orElseThrow()));
        return new IsoneSettings(api, express, credentials);
    }

    /** The channel the feeds read. */
    Channel channel() {
        return credentials.isPresent() ? Channel.API : Channel.EXPRESS;
    }

    URI api(String path) {
        return URI.create(apiBase + path);
    }

    URI express(String pathAndQuery) {
        return URI.create(expressBase + pathAndQuery);
    }

    @Override
    public String toString() {
        return "IsoneSettings[apiBase=" + apiBase + ", expressBase=" + expressBase + ", channel=" + channel() + "]";
    }

}
