package dev.pmp.source.neso;

import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a CKAN {@code package_show} answer says about one package: its name and resources.
 *
 * @param name the package slug
 * @param resources the resources, in the portal's order
 */
record CkanPackage(String name, List<Resource> resources) {

    CkanPackage {
        Objects.requireNonNull(name, "name");
        resources = List.copyOf(resources);
    }

    /**
     * One resource of a package.
     *
     * @param id the resource UUID, the table name of the datastore
     * @param name the resource's title, e.g. {@code Historic Demand Data 2024}
     * @param url the download URL; its file name carries a {@code YYYYMMDDHHMM} stamp on some live files
     * @param lastModified {@code last_modified}, a naive timestamp read as UTC; empty when absent
     * @param datastoreActive whether {@code datastore_search} can read it
     */
    record Resource(String id, String name, String url, Optional<Instant> lastModified, boolean datastoreActive) {
        Resource {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(lastModified, "lastModified");
        }
    }

    /** The resource with that UUID, if the package lists it. */
    Optional<Resource> resource(String id) {
        return resources.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Reads a {@code package_show} answer.
     *
     * @throws SourceException {@link Failure#BAD_DATA} for a payload that is not the CKAN envelope or says
     *     {@code success: false}
     */
    static CkanPackage read(byte[] body) throws SourceException {
        Map<String, Object> result = Ckan.result(body, "package_show");
        String name = Json.text(result.get("name"), "package_show result.name");
        List<Resource> resources = new ArrayList<>();
        List<Object> list = Json.array(result.get("resources"), "package_show result.resources");
        for (int i = 0; i < list.size(); i++) {
            String where = "package_show result.resources[" + i + "]";
            Map<String, Object> r = Json.object(list.get(i), where);
            Object modified = r.get("last_modified");
            Optional<Instant> lastModified;
            try {
                lastModified = modified == null ? Optional.empty()
                        : Optional.of(Cells.utcDateTime(modified).toInstant(ZoneOffset.UTC));
            } catch (IllegalArgumentException e) {
                throw new SourceException(Failure.BAD_DATA, where + ".last_modified: " + e.getMessage());
            }
            Object url = r.get("url");
            resources.add(new Resource(Json.text(r.get("id"), where + ".id"),
                    r.get("name") instanceof String s ? s : "", url instanceof String u ? u : "", lastModified,
                    Boolean.TRUE.equals(r.get("datastore_active"))));
        }
        return new CkanPackage(name, resources);
    }
}
