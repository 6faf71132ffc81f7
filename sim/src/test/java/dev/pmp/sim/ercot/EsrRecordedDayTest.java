package dev.pmp.sim.ercot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EsrRecordedDayTest {

    @Test
    void bundledPayloadIsTheRecordedFileNamedInProvenance() throws Exception {
        try (InputStream in = EsrRecordedDay.class.getResourceAsStream(EsrRecordedDay.RESOURCE)) {
            byte[] bytes = in.readAllBytes();
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(sha256).isEqualTo("8b8860920532d1ea260a1c74088f09e5bfa5dbee1b48f4e1d2eceaaab9e10ffb");
        }
    }

    @Test
    void loadsThe288PreviousDayRows() {
        EsrRecordedDay day = EsrRecordedDay.load();

        assertThat(day.slots()).hasSize(288);
        assertThat(day.slot(0)).isEqualTo(new EsrValues(new BigDecimal("-1048.823"), new BigDecimal("13.575"), new BigDecimal("-1035.249")));
    }

    @Test
    void rejectsABlockThatIsNotAWholeDay() {
        String twoRows = "{\"previousDay\":{\"dayDate\":\"x\",\"data\":["
                + "{\"totalCharging\":-1,\"totalDischarging\":2,\"netOutput\":1,\"epoch\":0},"
                + "{\"totalCharging\":-1,\"totalDischarging\":2,\"netOutput\":1,\"epoch\":300000}]}}";

        assertThatThrownBy(() -> EsrRecordedDay.parse(stream(twoRows)))
                .isInstanceOf(IOException.class).hasMessageContaining("2 rows");
    }

    @Test
    void rejectsRowsThatAreNotFiveMinutesApart() {
        String gap = "{\"previousDay\":{\"data\":["
                + "{\"totalCharging\":-1,\"totalDischarging\":2,\"netOutput\":1,\"epoch\":0},"
                + "{\"totalCharging\":-1,\"totalDischarging\":2,\"netOutput\":1,\"epoch\":600000}]}}";

        assertThatThrownBy(() -> EsrRecordedDay.parse(stream(gap)))
                .isInstanceOf(IOException.class).hasMessageContaining("five minutes");
    }

    @Test
    void netOutputIsErcotsOwnRecordedValueNotARecomputedSum() throws IOException {
        EsrRecordedDay day = EsrRecordedDay.load();
        // Slot 0 recorded: -1048.823 + 13.575 = -1035.248, but ERCOT published -1035.249.
        assertThat(day.slot(0).netOutput().toPlainString()).isEqualTo("-1035.249");
        assertThat(day.slot(0).totalDischarging().add(day.slot(0).totalCharging()).toPlainString()).isEqualTo("-1035.248");
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
