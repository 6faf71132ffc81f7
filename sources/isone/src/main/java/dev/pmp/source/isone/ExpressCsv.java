package dev.pmp.source.isone;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.pmp.spi.SourceException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An ISO Express CSV file: {@code "C"} comment lines (title, file name, dates), an {@code "H"} line of
 * column names and one of column types, {@code "D"} data lines and one trailer line. Columns are found
 * by name, with stray spaces and quotes stripped.
 *
 * @param columns the column names of the first {@code H} line, after the tag, stripped
 * @param data the data lines, each without its tag
 * @param firstDataLine the file line number of {@code data.get(0)}, for messages
 */
record ExpressCsv(List<String> columns, List<List<String>> data, long firstDataLine) {

    ExpressCsv {
        columns = List.copyOf(columns);
        data = List.copyOf(data);
    }

    /**
     * Reads a file.
     *
     * @throws SourceException BAD_DATA when it is not an ISO Express CSV (no {@code H} line), a data line
     *     has fewer fields than the header, or the file ends on a data line (cut short)
     */
    static ExpressCsv read(byte[] body, String what) throws SourceException {
        List<String> columns = null;
        List<List<String>> data = new ArrayList<>();
        long firstLine = 0;
        String lastTag = null;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .skipEmptyLines(true).ofCsvRecord(new String(body, StandardCharsets.UTF_8))) {
            for (CsvRecord r : reader) {
                String tag = r.getField(0).strip();
                lastTag = tag;
                switch (tag) {
                    case "H" -> {
                        if (columns == null) {
                            columns = new ArrayList<>();
                            for (int i = 1; i < r.getFieldCount(); i++) {
                                columns.add(clean(r.getField(i)));
                            }
                        }
                    }
                    case "D" -> {
                        if (columns == null) {
                            throw IsoneTime.badData(what + ": data line " + r.getStartingLineNumber()
                                    + " before the header line");
                        }
                        if (r.getFieldCount() - 1 < columns.size()) {
                            throw IsoneTime.badData(what + ": line " + r.getStartingLineNumber() + " has "
                                    + (r.getFieldCount() - 1) + " fields, the header " + columns.size()
                                    + " (truncated file?)");
                        }
                        if (data.isEmpty()) {
                            firstLine = r.getStartingLineNumber();
                        }
                        data.add(r.getFields().subList(1, r.getFieldCount()));
                    }
                    default -> {
                        // Comment lines ("C"), the trailer ("T" and a count) and any other tag carry no data.
                    }
                }
            }
        } catch (CsvParseException | java.io.IOException | java.io.UncheckedIOException e) {
            throw IsoneTime.badData(what + ": not readable as CSV (" + e.getMessage() + ")");
        }
        if (columns == null) {
            throw IsoneTime.badData(what + ": no \"H\" header line; not an ISO Express CSV");
        }
        if ("D".equals(lastTag)) {
            throw IsoneTime.badData(what + ": ends on a data line without the trailer line (truncated file)");
        }
        return new ExpressCsv(columns, data, firstLine);
    }

    /**
     * The position of the first of {@code names} among the columns.
     *
     * @throws SourceException BAD_DATA naming the column when none is there (the report changed)
     */
    int column(String what, String... names) throws SourceException {
        for (String n : names) {
            int i = columns.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        throw IsoneTime.badData(what + ": required column \"" + names[0] + "\" is missing; columns are " + columns);
    }

    /** The position of the first of {@code names}, or -1. */
    int optionalColumn(String... names) {
        for (String n : names) {
            int i = columns.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String clean(String name) {
        return name.replace("\"", "").strip().replaceAll("\\s+", " ");
    }
}
