package dev.pmp.source.nyiso.mis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalTest {

    private static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return Decimal.parse(b, 0, b.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-0.5", "21.53", "1140.5", "-2.50", "+3.25", "61757", "0.1", "123456789.123456",
        "1234567890123456789", "1e3", "-1.5E-2", ".5", "5."})
    void agreesWithTheJdk(String s) {
        assertThat(parse(s)).isEqualTo(Double.parseDouble(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "n/a", "N/A", "1,5", "12a", "NaN", "Infinity", "1e999", "--1"})
    void refusesWhatIsNotANumber(String s) {
        assertThat(parse(s)).isNaN();
    }

    @ParameterizedTest
    @ValueSource(strings = {"61757", "0", "123456789012345678"})
    void readsIntegers(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        assertThat(Decimal.integer(b, 0, b.length)).isEqualTo(Long.parseLong(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "1.0", "x", "1234567890123456789"})
    void refusesWhatIsNotAPtid(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        assertThat(Decimal.integer(b, 0, b.length)).isEqualTo(Long.MIN_VALUE);
    }
}
