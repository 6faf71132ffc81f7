package dev.pmp.push.iris;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IrisBodyTest {

    @Test
    void aJsonStringHoldingTheArrayIsUnwrapped() {
        String array = "[{\"dataset\":\"FUELINST\",\"fuelType\":\"CCGT\",\"generation\":1}]";
        String quoted = "\"" + array.replace("\"", "\\\"") + "\"";

        assertThat(IrisBody.unwrapString(quoted.getBytes(UTF_8))).hasValueSatisfying(b -> assertThat(new String(b, UTF_8)).isEqualTo(array));
        assertThat(IrisBody.unwrapString(("\uFEFF \n" + quoted + "\n").getBytes(UTF_8)))
                .hasValueSatisfying(b -> assertThat(new String(b, UTF_8)).isEqualTo(array));
    }

    @Test
    void arraysObjectsAndNonJsonAreLeftAlone() {
        assertThat(IrisBody.unwrapString("[{\"a\":1}]".getBytes(UTF_8))).isEmpty();
        assertThat(IrisBody.unwrapString("{\"data\":[]}".getBytes(UTF_8))).isEmpty();
        assertThat(IrisBody.unwrapString("<html></html>".getBytes(UTF_8))).isEmpty();
        assertThat(IrisBody.unwrapString(new byte[0])).isEmpty();
    }

    @Test
    void aBrokenOrTrailedStringIsLeftForTheFeedToReport() {
        assertThat(IrisBody.unwrapString("\"[{\\\"a\\\":1}]".getBytes(UTF_8))).isEmpty();
        assertThat(IrisBody.unwrapString("\"[]\" \"[]\"".getBytes(UTF_8))).isEmpty();
    }
}
