package dev.pmp.source.neso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The cell formats README §1.6 lists for the portal's resources. */
class CellsTest {

    @ParameterizedTest
    @CsvSource({
        "2023-01-01, 2023-01-01",
        "2022-01-05T00:00:00, 2022-01-05",
        "2024-03-31 00:00:00+00:00, 2024-03-31",
        "01/01/2010, 2010-01-01",
        "13/04/2023, 2023-04-13",
        "1/4/2017, 2017-04-01",
        "01-Apr-19, 2019-04-01",
        "31-MAR-2024, 2024-03-31"})
    void readsEveryDocumentedDateFormat(String text, LocalDate expected) {
        assertThat(Cells.date(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024-02-30", "2024-03-31T01:00:00", "31.03.2024", "yesterday"})
    void refusesWhatIsNotADate(String text) {
        assertThatThrownBy(() -> Cells.date(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2009-01-01 00:30:00+00:00", "2009-01-01T00:30:00", "2009-01-01T00:30Z", "2009-01-01 00:30:00"})
    void readsUtcDateTimes(String text) {
        assertThat(Cells.utcDateTime(text)).isEqualTo(LocalDateTime.of(2009, 1, 1, 0, 30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2009-01-01T00:30:00+01:00", "2009-01-01"})
    void refusesOtherOffsetsAndBareDates(String text) {
        assertThatThrownBy(() -> Cells.utcDateTime(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"18:30, 18:30", "9:30, 09:30", "00:00:00, 00:00"})
    void readsTimesOfDay(String text, LocalTime expected) {
        assertThat(Cells.time(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"' 12.5 ', 12.5", "-3, -3.0", "1e3, 1000.0"})
    void readsNumbersFromText(String text, double expected) {
        assertThat(Cells.number(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "NaN", "Infinity", "1,5"})
    void refusesTextThatIsNotAFiniteNumber(String text) {
        assertThatThrownBy(() -> Cells.number(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"48", "48.0"})
    void readsWholeNumbers(String text) {
        assertThat(Cells.whole(text)).isEqualTo(48L);
        assertThat(Cells.number("")).isNull();
        assertThatThrownBy(() -> Cells.whole("48.5")).isInstanceOf(IllegalArgumentException.class);
    }
}
