package dev.pmp.source.elexon;

import dev.pmp.spi.Access;
import dev.pmp.spi.Column;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every Insights dataset code (82, spec §3.1) as a {@link Dataset} {@code elexon.<code>}, built from one
 * table of per-dataset facts ({@code datasets.tsv} next to this class, generated from Elexon's OpenAPI
 * document of Aug 2026 plus the spec's keys, families and range limits). Loaded once at class
 * initialisation; immutable. The IRIS push module looks datasets up here by the message subject.
 */
public final class ElexonCatalogue {

    /** The first settlement day offered for every dataset: the product's history floor (REMIT goes back to 2017). */
    public static final LocalDate EARLIEST = LocalDate.of(2019, 1, 1);

    /** IRIS message subjects that differ from the API's dataset code (spec §3). */
    private static final Map<String, String> IRIS_NAMES = Map.of("SYS_WARN", "SYSWARN", "LOLPDM", "LOLPDRM", "E0361", "CDN");

    private static final Map<String, DatasetFacts> FACTS = load();
    private static final Map<String, Dataset> DATASETS = build();

    private ElexonCatalogue() {
    }

    /** All datasets, in code order. */
    public static List<Dataset> datasets() {
        return List.copyOf(DATASETS.values());
    }

    /** The dataset of an Insights code ({@code FUELINST}) or an IRIS subject ({@code SYS_WARN}), any case. */
    public static Optional<Dataset> byCode(String code) {
        return Optional.ofNullable(DATASETS.get(canonical(code)));
    }

    /** The dataset of an id ({@code elexon.fuelinst}). */
    public static Optional<Dataset> byId(String id) {
        if (!id.startsWith("elexon.")) {
            return Optional.empty();
        }
        return byCode(id.substring("elexon.".length()));
    }

    /** The facts behind a dataset id, for feeds of this package. */
    static Optional<DatasetFacts> facts(String id) {
        return id.startsWith("elexon.") ? Optional.ofNullable(FACTS.get(canonical(id.substring(7)))) : Optional.empty();
    }

    private static String canonical(String code) {
        String upper = code.toUpperCase(Locale.ROOT);
        return IRIS_NAMES.getOrDefault(upper, upper);
    }

    private static Map<String, Dataset> build() {
        Map<String, Dataset> out = new LinkedHashMap<>();
        for (DatasetFacts f : FACTS.values()) {
            out.put(f.code(), dataset(f));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The dataset one line of facts describes. */
    static Dataset dataset(DatasetFacts f) {
        Schema.Builder schema = Schema.builder(f.axis().shape());
        List<Integer> columns = f.columnFields();
        for (int i = 0; i < columns.size(); i++) {
            Field field = f.fields().get(columns.get(i));
            String description = "Elexon " + f.code() + " " + field.json() + descriptionSuffix(f, field);
            if (i < f.key().size()) {
                schema.key(field.column(), field.type().columnType(), description);
            } else {
                schema.add(Column.optional(field.column(), field.type().columnType(), Units.of(field.json()), description));
            }
        }
        return new Dataset(f.id(), "Elexon " + f.code() + ": " + f.title(),
                ElexonSettings.DEFAULT_API_BASE + "/datasets/" + f.code() + (f.stream() ? "/stream" : ""),
                schema.build(), f.axis().shape(), Access.WINDOWED, f.cadence(), SettlementPeriods.LONDON,
                f.publicationDelay(), grace(f), EARLIEST, Optional.empty(), f.revisable(), f.maxWindow(), f.pollInterval());
    }

    private static String descriptionSuffix(DatasetFacts f, Field field) {
        if (field.type() == FieldType.TIMESTAMP) {
            return ", UTC";
        }
        if (field.type() == FieldType.JSON) {
            return ", compact JSON text";
        }
        if (f.key().contains(field.json()) && field.type() == FieldType.TEXT) {
            return "; empty when Elexon sends null";
        }
        return "";
    }

    private static Duration grace(DatasetFacts f) {
        // Event-driven and long-horizon publications have no schedule to be late against: allow a day.
        return f.dense() ? Duration.ofMinutes(30) : f.axis() == Axis.SLOT ? Duration.ofDays(1) : Duration.ofHours(2);
    }

    private static Map<String, DatasetFacts> load() {
        Map<String, DatasetFacts> out = new LinkedHashMap<>();
        try (InputStream in = ElexonCatalogue.class.getResourceAsStream("datasets.tsv")) {
            if (in == null) {
                throw new IllegalStateException("datasets.tsv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                DatasetFacts f = parseLine(line);
                if (out.put(f.code(), f) != null) {
                    throw new IllegalStateException("datasets.tsv lists " + f.code() + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * One line: code, title, family, axis[:reference], cadence min, poll interval min, delay min, max window,
     * endpoint, completeness, revisions, key, fields.
     */
    static DatasetFacts parseLine(String line) {
        String[] c = line.split("\t", -1);
        if (c.length != 13) {
            throw new IllegalStateException("datasets.tsv line has " + c.length + " cells, expected 13: " + line);
        }
        String[] axis = c[3].split(":", 2);
        Axis a = switch (axis[0]) {
            case "SP" -> Axis.SETTLEMENT_PERIOD;
            case "START5" -> Axis.START_TIME;
            case "POINT" -> Axis.POINT;
            case "SLOT" -> Axis.SLOT;
            default -> throw new IllegalStateException("unknown axis " + c[3]);
        };
        List<Field> fields = new ArrayList<>();
        for (String f : c[12].split(",")) {
            String[] nt = f.split(":");
            fields.add(Field.of(nt[0], FieldType.ofCode(nt[1])));
        }
        return new DatasetFacts(c[0], c[1], Family.valueOf(c[2]), a, axis.length > 1 ? axis[1] : "",
                Duration.ofMinutes(Long.parseLong(c[4])), Duration.ofMinutes(Long.parseLong(c[5])), Duration.ofMinutes(Long.parseLong(c[6])),
                Duration.parse(c[7]), c[8].equals("stream"), c[9].equals("dense"), c[10].equals("revisable"),
                c[11].isEmpty() ? List.of() : List.of(c[11].split(",")), fields);
    }
}
