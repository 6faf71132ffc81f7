package dev.pmp.source.neso;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dataset read from the NESO data portal in two steps: {@link #request} asks the catalogue
 * ({@code package_show}, the 1 request/second budget) which resource holds the window and when it last
 * changed; the parse of that answer returns, as {@link Parsed#next()}, the first datastore call
 * ({@code datastore_search} or {@code datastore_search_sql}, on the {@value #DATASTORE} budget of 2 per
 * minute); the parse of a datastore page returns its rows and the next page, if any. Subclasses choose the
 * resource, build the datastore call and read a page. Immutable and thread-safe.
 */
abstract class PortalFeed implements Feed {

    /** The request budget of the datastore actions, a key of {@link NesoSource#requestRates()}. */
    static final String DATASTORE = "datastore";

    private static final Pattern LIMIT_OFFSET = Pattern.compile(" LIMIT (\\d+) OFFSET (\\d+)$");

    private final Dataset dataset;
    final NesoSettings settings;
    private final String packageSlug;

    PortalFeed(Dataset dataset, NesoSettings settings, String packageSlug) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.packageSlug = Objects.requireNonNull(packageSlug, "packageSlug");
    }

    @Override
    public final Dataset dataset() {
        return dataset;
    }

    /** The catalogue call, the same for every window: {@code package_show?id=<package>}. */
    @Override
    public final FetchRequest request(Window window) {
        return new FetchRequest(settings.action("package_show", "id=" + encode(packageSlug)),
                Map.of("Accept", "application/json"));
    }

    /**
     * Reads a {@code package_show} answer into the first datastore call, or a datastore page into rows.
     *
     * @throws SourceException {@link Failure#BAD_DATA} for a payload that is not the expected CKAN answer or
     *     names another package; {@link Failure#NOT_PUBLISHED} when no resource holds the window yet
     */
    @Override
    public final Parsed parse(Window window, FetchResponse response) throws SourceException {
        if (response.uri().getPath().endsWith("/package_show")) {
            CkanPackage pkg = CkanPackage.read(response.body());
            if (!pkg.name().equals(packageSlug)) {
                throw new SourceException(Failure.BAD_DATA, "package_show answered for package " + pkg.name()
                        + ", expected " + packageSlug);
            }
            CkanPackage.Resource resource = resource(window, pkg);
            if (!resource.datastoreActive()) {
                throw new SourceException(Failure.BAD_DATA, packageSlug + ": resource " + resource.id() + " ("
                        + resource.name() + ") is not in the datastore");
            }
            FetchRequest first = firstPage(window, resource).withBudget(DATASTORE);
            return new Parsed(List.of(), List.of(), List.of(),
                    List.of(packageSlug + ": reading resource " + resource.id() + " (" + resource.name()
                            + resource.lastModified().map(t -> ", last modified " + t).orElse("") + ")"),
                    Optional.of(first));
        }
        return page(window, response);
    }

    /**
     * The resource that holds {@code window}.
     *
     * @throws SourceException {@link Failure#NOT_PUBLISHED} when none does yet, {@link Failure#BAD_DATA}
     *     when the package lacks a resource it must have
     */
    abstract CkanPackage.Resource resource(Window window, CkanPackage pkg) throws SourceException;

    /** The first datastore call for {@code window} on {@code resource}; the budget is added by the caller. */
    abstract FetchRequest firstPage(Window window, CkanPackage.Resource resource);

    /** Reads one datastore page. */
    abstract Parsed page(Window window, FetchResponse response) throws SourceException;

    /** The resource of a package with a fixed UUID. */
    static CkanPackage.Resource fixed(CkanPackage pkg, String id) throws SourceException {
        return pkg.resource(id).orElseThrow(() -> new SourceException(Failure.BAD_DATA, pkg.name()
                + " no longer lists resource " + id + "; it lists " + pkg.resources().stream()
                        .map(r -> r.id() + " (" + r.name() + ")").toList()));
    }

    /** A {@code datastore_search} call; {@code extra} is an already encoded query tail or empty. */
    FetchRequest datastoreSearch(String resourceId, int limit, String extra) {
        return new FetchRequest(settings.action("datastore_search", "resource_id=" + encode(resourceId)
                + "&limit=" + limit + extra), Map.of("Accept", "application/json"));
    }

    /** A {@code datastore_search_sql} call for one statement. */
    FetchRequest sql(String statement) {
        return new FetchRequest(settings.action("datastore_search_sql", "sql=" + encode(statement)),
                Map.of("Accept", "application/json"));
    }

    /**
     * The page after a {@code datastore_search} page: its relative {@code _links.next} resolved against the
     * URI that answered, on the datastore budget; empty when the page is the last.
     */
    static Optional<FetchRequest> nextSearchPage(DatastorePage page, FetchResponse response) throws SourceException {
        if (page.last()) {
            return Optional.empty();
        }
        String link = page.next().orElseThrow(() -> new SourceException(Failure.BAD_DATA, "datastore_search page at offset "
                + page.offset() + " holds " + page.records().size() + " of " + page.total().orElse(-1)
                + " rows but gives no _links.next"));
        URI next = response.uri().resolve(link);
        return Optional.of(new FetchRequest(next, Map.of("Accept", "application/json")).withBudget(DATASTORE));
    }

    /**
     * The page after a full {@code datastore_search_sql} page: the same statement with its trailing
     * {@code OFFSET} moved on by the page size; empty when the page held fewer rows than its {@code LIMIT}.
     */
    Optional<FetchRequest> nextSqlPage(DatastorePage page, FetchResponse response) throws SourceException {
        String statement = sqlOf(response);
        Matcher m = LIMIT_OFFSET.matcher(statement);
        if (!m.find()) {
            throw new SourceException(Failure.BAD_DATA, "datastore_search_sql answered " + response.uri()
                    + ", which is not a paged statement of this feed");
        }
        long limit = Long.parseLong(m.group(1));
        if (page.records().size() < limit) {
            return Optional.empty();
        }
        long offset = Long.parseLong(m.group(2)) + limit;
        String next = statement.substring(0, m.start()) + " LIMIT " + limit + " OFFSET " + offset;
        return Optional.of(sql(next).withBudget(DATASTORE));
    }

    /** The statement a {@code datastore_search_sql} answer was for, from the URI that answered. */
    static String sqlOf(FetchResponse response) throws SourceException {
        String query = response.uri().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("sql=")) {
                    return URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
                }
            }
        }
        throw new SourceException(Failure.BAD_DATA, "the answer's URI " + response.uri() + " carries no sql");
    }

    /** Double-quotes a column or table name for the portal's PostgreSQL. */
    static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + settings.apiBase() + ", " + packageSlug + "]";
    }
}
