package dev.pmp.lake;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code _manifest.json} next to one partition's {@code part.parquet}: what the file holds and the
 * checksum that decides whether the next sync rewrites it.
 *
 * @param dataset the dataset id
 * @param year UTC year of the grid column
 * @param month UTC month of the grid column, 1 to 12; 0 for an annual rollup file
 * @param rows rows in the file
 * @param minTime earliest grid time in the file
 * @param maxTime latest grid time in the file
 * @param checksum what decides whether a sync rewrites the partition: the hex sha256 of the rows (see
 *     {@link RowChecksum}) when pmp read them, or the store's own fingerprint ({@code duckdb-hash-sum:...}) when
 *     the store exported the file itself; read from {@code checksum_sha256} in manifests of older builds
 * @param writtenAt when the file was written
 */
public record PartitionManifest(String dataset, int year, int month, long rows, Instant minTime, Instant maxTime,
        String checksum, Instant writtenAt) {

    private static final Pattern FIELD = Pattern.compile("\"([a-z0-9_]+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|-?[0-9]+)");

    public PartitionManifest {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(minTime, "minTime");
        Objects.requireNonNull(maxTime, "maxTime");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(writtenAt, "writtenAt");
        if (month < 0 || month > 12) {
            throw new IllegalArgumentException("month must be 1 to 12, or 0 for a whole year: " + month);
        }
        if (rows < 1) {
            throw new IllegalArgumentException("a partition holds at least one row");
        }
    }

    /** The manifest as a small JSON object, one field per line. */
    public String toJson() {
        return "{\n"
                + "  \"dataset\": " + string(dataset) + ",\n"
                + "  \"year\": " + year + ",\n"
                + "  \"month\": " + month + ",\n"
                + "  \"rows\": " + rows + ",\n"
                + "  \"min_time_utc\": \"" + minTime + "\",\n"
                + "  \"max_time_utc\": \"" + maxTime + "\",\n"
                + "  \"checksum\": \"" + checksum + "\",\n"
                + "  \"written_at_utc\": \"" + writtenAt + "\"\n"
                + "}\n";
    }

    /**
     * Reads what {@link #toJson} wrote.
     *
     * @throws IllegalArgumentException when a field is missing or malformed
     */
    public static PartitionManifest parse(String json) {
        Map<String, String> f = new HashMap<>();
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            f.put(m.group(1), m.group(3) != null ? m.group(3).replace("\\\"", "\"").replace("\\\\", "\\") : m.group(2));
        }
        try {
            return new PartitionManifest(required(f, "dataset"), Integer.parseInt(required(f, "year")),
                    Integer.parseInt(required(f, "month")), Long.parseLong(required(f, "rows")),
                    Instant.parse(required(f, "min_time_utc")), Instant.parse(required(f, "max_time_utc")),
                    f.containsKey("checksum") ? f.get("checksum") : required(f, "checksum_sha256"), Instant.parse(required(f, "written_at_utc")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable manifest: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String v = fields.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no field " + name);
        }
        return v;
    }

    private static String string(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
