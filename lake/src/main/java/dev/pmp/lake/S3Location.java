package dev.pmp.lake;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in a bucket: {@code s3://bucket/prefix}.
 *
 * @param bucket the bucket name
 * @param prefix the key prefix, empty or ending with {@code /}
 */
public record S3Location(String bucket, String prefix) {

    private static final Pattern URI = Pattern.compile("s3://([a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9])(?:/(.*))?");

    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
    }

    /** Whether {@code text} names an S3 location rather than a local folder. */
    public static boolean isS3(String text) {
        return text.startsWith("s3://");
    }

    /**
     * @throws IllegalArgumentException when the text is not {@code s3://bucket[/prefix]} with a valid bucket name
     */
    public static S3Location parse(String text) {
        Matcher m = URI.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an S3 location s3://bucket[/prefix] with a valid bucket name: " + text);
        }
        String prefix = m.group(2) == null ? "" : m.group(2);
        while (prefix.startsWith("/")) {
            prefix = prefix.substring(1);
        }
        return new S3Location(m.group(1), prefix);
    }

    /** The full key of {@code relative} under this location. */
    public String key(String relative) {
        return prefix + relative;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}
