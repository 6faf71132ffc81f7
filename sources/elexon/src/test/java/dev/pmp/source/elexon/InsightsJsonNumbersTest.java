package dev.pmp.source.elexon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast decimal path gives exactly what {@link Double#parseDouble} gives, or declines. */
class InsightsJsonNumbersTest {

    private static double decimal(String text) {
        return InsightsJson.decimal(text.toCharArray(), 0, text.length());
    }

    @Test
    void plainDecimalsMatchParseDoubleBitForBit() {
        Random random = new Random(20240501);
        for (int i = 0; i < 200_000; i++) {
            long mantissa = random.nextLong() % (long) Math.pow(10, 1 + random.nextInt(17));
            int scale = random.nextInt(16);
            String digits = Long.toString(Math.abs(mantissa));
            while (digits.length() <= scale) {
                digits = "0" + digits;
            }
            String text = (mantissa < 0 ? "-" : "") + digits.substring(0, digits.length() - scale)
                    + (scale > 0 ? "." + digits.substring(digits.length() - scale) : "");
            double fast = decimal(text);
            if (!Double.isNaN(fast)) {
                assertThat(Double.doubleToRawLongBits(fast)).as(text).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
            } else {
                assertThat(text.replace("-", "").replace(".", "").length()).as(text).isGreaterThan(15);
            }
        }
        assertThat(decimal("668.67")).isEqualTo(668.67);
        assertThat(decimal("-71.5")).isEqualTo(-71.5);
        assertThat(decimal("-0.0")).isEqualTo(-0.0);
    }

    @Test
    void exponentsAndLongMantissasAreLeftToJackson() {
        assertThat(decimal("1e5")).isNaN();
        assertThat(decimal("1.2345678901234567")).isNaN();
        assertThat(decimal("-")).isNaN();
        assertThat(decimal("1.2.3")).isNaN();
    }
}
