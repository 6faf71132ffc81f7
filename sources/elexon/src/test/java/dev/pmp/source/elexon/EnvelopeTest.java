package dev.pmp.source.elexon;

import static dev.pmp.source.elexon.Json.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The three answer shapes of spec §2.2, plus the IRIS body encodings of §7.3, give the same rows: a
 * {@code /stream} bare array, the {@code /datasets} {@code {"data"}} envelope, a friendly endpoint's
 * {@code {"metadata", "data"}}, and the array as a JSON string (the doubly encoded IRIS body).
 */
class EnvelopeTest {
    private static final Window W = Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T10:10:00Z");
    private static final List<Map<String, Object>> ROWS = List.of(
            row("dataset", "FUELINST", "publishTime", "2024-05-01T10:05:00Z", "startTime", "2024-05-01T10:00:00Z",
                    "settlementDate", "2024-05-01", "settlementPeriod", 23, "fuelType", "CCGT", "generation", 5000),
            row("dataset", "FUELINST", "publishTime", "2024-05-01T10:10:00Z", "startTime", "2024-05-01T10:05:00Z",
                    "settlementDate", "2024-05-01", "settlementPeriod", 23, "fuelType", "CCGT", "generation", 5010));

    @Test
    void everyShapeGivesTheSameRows() throws SourceException {
        Parsed array = Payloads.parse("FUELINST", W, Json.array(ROWS));
        assertThat(array.rows()).hasSize(2);
        String spec = "{\n  \"data\" : " + Json.array(ROWS) + "\n}";
        String friendly = "{\"metadata\":{\"datasets\":[\"FUELINST\"]},\"data\":" + Json.array(ROWS) + "}";
        String dataFirst = "{\"data\":" + Json.array(ROWS) + ",\"metadata\":{\"datasets\":[\"FUELINST\"]}}";
        String iris = Json.text(Json.array(ROWS));
        String bom = "\uFEFF  " + Json.array(ROWS);
        for (String body : List.of(Json.envelope(ROWS), spec, friendly, dataFirst, iris, bom)) {
            Parsed p = Payloads.parse("FUELINST", W, body);
            assertThat(p.rows()).as(body).isEqualTo(array.rows());
            assertThat(p.covered()).as(body).isEqualTo(array.covered());
        }
    }

    @Test
    void theSpecsFractionalOffsetTimesReadAsTheSameInstants() throws SourceException {
        Map<String, Object> spec = row("dataset", "FUELINST", "publishTime", "2024-05-01T10:05:00.0000000+00:00",
                "startTime", "2024-05-01T11:00:00.0000000+01:00", "settlementDate", "2024-05-01", "settlementPeriod", 23,
                "fuelType", "CCGT", "generation", 5000);
        Parsed p = Payloads.parse("FUELINST", W, Json.array(List.of(spec)));
        assertThat(p.rows().get(0)).isEqualTo(Payloads.parse("FUELINST", W, Json.array(ROWS.subList(0, 1))).rows().get(0));
    }
}
