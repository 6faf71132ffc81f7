package dev.pmp.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a source's authenticated requests prove who they are, as data: the source reads its secrets from
 * {@link Settings} and describes the scheme; the engine performs any token request, caches and renews
 * the token, adds the headers to requests marked {@link FetchRequest#authenticated()}, and keeps the
 * secrets out of every log line and error message.
 */
public sealed interface Auth {

    /** Fixed secret headers, such as a subscription key. */
    record Headers(Map<String, String> headers) implements Auth {
        public Headers {
            headers = Map.copyOf(headers);
            if (headers.isEmpty()) {
                throw new IllegalArgumentException("at least one header");
            }
        }
    }

    /** HTTP Basic authentication. */
    record Basic(String username, String password) implements Auth {
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }
    }

    /**
     * A bearer token obtained by POSTing a form (OAuth 2 password or client-credentials grant, Azure B2C
     * ROPC) and sent as {@code Authorization: Bearer <token>} with the fixed {@code headers} beside it.
     *
     * @param tokenUri where the form is POSTed
     * @param form the form fields (grant type, client id, username, password, scope)
     * @param tokenField the JSON field of the answer holding the token ({@code access_token}, {@code id_token})
     * @param lifetime how long a token is used when the answer carries no {@code expires_in}; the engine
     *     renews a token a minute before it expires and after a 401
     * @param headers fixed headers sent beside the token (a subscription key); may be empty
     */
    record BearerToken(URI tokenUri, Map<String, String> form, String tokenField, Duration lifetime,
            Map<String, String> headers) implements Auth {
        public BearerToken {
            Objects.requireNonNull(tokenUri, "tokenUri");
            Objects.requireNonNull(tokenField, "tokenField");
            Objects.requireNonNull(lifetime, "lifetime");
            form = Map.copyOf(form);
            headers = Map.copyOf(headers);
            if (!tokenUri.isAbsolute()) {
                throw new IllegalArgumentException("token URI must be absolute: " + tokenUri);
            }
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("token lifetime must be positive");
            }
        }
    }

    /**
     * An anonymous session: the engine GETs {@code landingPage} first and sends the cookies it set with
     * every authenticated request, visiting the page again after {@code lifetime} or after a 401/403
     * (ISO Express's CSV downloads check such a session cookie).
     */
    record Session(URI landingPage, Duration lifetime) implements Auth {
        public Session {
            Objects.requireNonNull(landingPage, "landingPage");
            Objects.requireNonNull(lifetime, "lifetime");
            if (!landingPage.isAbsolute()) {
                throw new IllegalArgumentException("landing page URI must be absolute: " + landingPage);
            }
        }
    }
}
