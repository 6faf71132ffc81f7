package dev.pmp.lake;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to reach S3 or an S3-compatible store (MinIO, Ceph, local-s3): {@code PMP_S3_ENDPOINT} (empty for AWS),
 * {@code PMP_S3_REGION} (default {@code us-east-1}), {@code PMP_S3_PATH_STYLE} (default true when an endpoint is
 * set). Credentials come from the AWS default chain ({@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY},
 * profiles, instance roles), or from {@code PMP_S3_ACCESS_KEY} / {@code PMP_S3_SECRET_KEY} when set.
 *
 * @param endpoint the endpoint override, empty for AWS
 * @param region the signing region
 * @param pathStyle whether the bucket goes in the path instead of the host name
 * @param accessKey a static access key, empty for the default chain
 * @param secretKey its secret
 */
public record S3Settings(Optional<URI> endpoint, String region, boolean pathStyle, Optional<String> accessKey,
        Optional<String> secretKey) {

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("set both PMP_S3_ACCESS_KEY and PMP_S3_SECRET_KEY, or neither");
        }
    }

    /** Reads the settings through {@code value} (a key to its value, empty when unset). */
    public static S3Settings from(Function<String, Optional<String>> value) {
        Optional<URI> endpoint = value.apply("PMP_S3_ENDPOINT").map(String::strip).filter(s -> !s.isEmpty()).map(s -> {
            URI uri = URI.create(s);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new IllegalArgumentException("PMP_S3_ENDPOINT must be an absolute URL such as http://127.0.0.1:9000, not " + s);
            }
            return uri;
        });
        String region = value.apply("PMP_S3_REGION").orElse("us-east-1");
        boolean pathStyle = value.apply("PMP_S3_PATH_STYLE").map(v -> {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("PMP_S3_PATH_STYLE must be true or false, not " + v);
            }
            return Boolean.parseBoolean(v);
        }).orElse(endpoint.isPresent());
        return new S3Settings(endpoint, region, pathStyle, value.apply("PMP_S3_ACCESS_KEY"),
                value.apply("PMP_S3_SECRET_KEY"));
    }
}
