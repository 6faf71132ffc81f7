package dev.pmp.source.nyiso;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One kind of MIS file: {@code <base>/<directory>/<YYYYMMDD><name>.csv} per day and
 * {@code <base>/<directory>/<YYYYMM01><name>_csv.zip} per month (spec §1).
 *
 * @param directory the dataset folder ({@code realtime})
 * @param name the file name after the date ({@code realtime_zone})
 */
record MisFile(String directory, String name) {

    MisFile {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(name, "name");
    }

    /** The daily file's name ({@code 20240310realtime_zone.csv}). */
    String dailyName(LocalDate day) {
        return DateTimeFormatter.BASIC_ISO_DATE.format(day) + name + ".csv";
    }

    /** The monthly archive's name ({@code 20240301realtime_zone_csv.zip}) for the month of {@code day}. */
    String monthlyName(LocalDate day) {
        return DateTimeFormatter.BASIC_ISO_DATE.format(day.withDayOfMonth(1)) + name + "_csv.zip";
    }

    URI uri(URI base, String fileName) {
        return URI.create(base + "/" + directory + "/" + fileName);
    }
}
