package dev.pmp.source.ercot;

import static dev.pmp.source.ercot.DashboardPayloads.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The feed on the one recorded ERCOT response, against golden output derived independently. */
class EnergyStorageResourcesGoldenTest {

    static final String FULL = "esr_full_20251109_153233.json";
    private static final Window HINT = Window.of(Instant.parse("2025-11-09T06:00:00Z"), Duration.ofDays(1));

    private final EnergyStorageResources feed = new EnergyStorageResources(
            ErcotSettings.from(key -> Optional.empty()));

    EnergyStorageResourcesGoldenTest() throws SourceException {
    }

    @Test
    void matchesTheGoldenOutputByteForByte() throws SourceException {
        Parsed parsed = feed.parse(HINT, response(fixture(FULL)));
        assertThat(csv(parsed.rows())).isEqualTo(new String(fixture("esr_full_20251109_153233.expected.csv"),
                StandardCharsets.UTF_8));
    }

    @Test
    void readsBothDaysOfTheRecordedSnapshot() throws SourceException {
        Parsed parsed = feed.parse(HINT, response(fixture(FULL)));

        assertThat(parsed.rows()).hasSize(288 + 186);
        assertThat(parsed.rows().get(0).instant(0)).isEqualTo(Instant.parse("2025-11-08T06:00:00Z"));
        assertThat(parsed.rows().get(287).instant(0)).isEqualTo(Instant.parse("2025-11-09T05:55:00Z"));
        assertThat(parsed.rows().get(288).instant(0)).isEqualTo(Instant.parse("2025-11-09T06:00:00Z"));
        assertThat(parsed.rows().get(473).instant(0)).isEqualTo(Instant.parse("2025-11-09T21:25:00Z"));
        assertThat(parsed.covered()).containsExactly(
                new Window(Instant.parse("2025-11-08T06:00:00Z"), Instant.parse("2025-11-09T21:30:00Z")));
        assertThat(parsed.quarantined()).isEmpty();
        assertThat(parsed.notes()).isEmpty();
        assertThat(parsed.next()).isEmpty();
        for (Row row : parsed.rows()) {
            assertThat(EnergyStorageResources.DATASET.schema().problemWith(row)).isNull();
        }
    }

    @Test
    void keepsErcotsNumbersExactly() throws SourceException {
        List<Row> rows = feed.parse(HINT, response(fixture(FULL))).rows();
        // "2025-11-08 00:00:00-0600": -1048.823, 13.575, -1035.249
        assertThat(rows.get(0)).isEqualTo(Row.of(Instant.parse("2025-11-08T06:00:00Z"), -1048.823, 13.575, -1035.249));
        // "2025-11-08 00:10:00-0600": -627.524, 317.41, -310.114
        assertThat(rows.get(2)).isEqualTo(Row.of(Instant.parse("2025-11-08T06:10:00Z"), -627.524, 317.41, -310.114));
        // "2025-11-09 00:00:00-0600": -326.448, 252.258, -74.19
        assertThat(rows.get(288)).isEqualTo(Row.of(Instant.parse("2025-11-09T06:00:00Z"), -326.448, 252.258, -74.19));
        // "2025-11-09 15:25:00-0600": -466.907, 83.435, -383.472
        assertThat(rows.get(473)).isEqualTo(Row.of(Instant.parse("2025-11-09T21:25:00Z"), -466.907, 83.435, -383.472));
    }

    @Test
    void netOutputIsDischargingPlusCharging() throws SourceException {
        for (Row row : feed.parse(HINT, response(fixture(FULL))).rows()) {
            // ERCOT rounds each of the three to 3 decimals on its own: they may differ by one in the last place.
            assertThat(row.number(3)).isCloseTo(row.number(1) + row.number(2), within(0.001 + 1e-9));
            assertThat(row.number(1)).isLessThanOrEqualTo(0.0);
        }
    }

    @Test
    void agreesWithTheSameDayKeptByBattalion() throws SourceException, IOException {
        // esr_20251108.json wraps the previousDay rows of the same response.
        String wrapped = envelope(fixture("esr_20251108.json"), "2025-11-08 03:00:00-0600", "previousDay",
                "{\"dayDate\": \"2025-11-09 03:00:00-0600\", \"data\": []}");
        Parsed fromWrapper = feed.parse(HINT, response(wrapped));
        List<Row> full = feed.parse(HINT, response(fixture(FULL))).rows();
        assertThat(fromWrapper.rows()).hasSize(288).isEqualTo(full.subList(0, 288));
        assertThat(fromWrapper.covered()).containsExactly(
                new Window(Instant.parse("2025-11-08T06:00:00Z"), Instant.parse("2025-11-09T06:00:00Z")));
    }

    @Test
    void aSnapshotFiveMinutesLaterRepeatsTodaysRowsAndAddsOne() throws SourceException, IOException {
        // esr_20251109.json wraps currentDay of the snapshot taken at 15:31:01: 187 rows.
        String wrapped = envelope(fixture("esr_20251109.json"), "2025-11-09 03:00:00-0600", "currentDay",
                "{\"dayDate\": \"2025-11-08 03:00:00-0600\", \"data\": []}");
        Parsed later = feed.parse(HINT, response(wrapped));
        List<Row> full = feed.parse(HINT, response(fixture(FULL))).rows();
        assertThat(later.rows()).hasSize(187);
        assertThat(later.rows().subList(0, 186)).isEqualTo(full.subList(288, 474));
        assertThat(later.rows().get(186).instant(0)).isEqualTo(Instant.parse("2025-11-09T21:30:00Z"));
        assertThat(later.covered()).containsExactly(
                new Window(Instant.parse("2025-11-09T06:00:00Z"), Instant.parse("2025-11-09T21:35:00Z")));
        assertThat(later.notes()).containsExactly(
                "previousDay (2025-11-08) has no samples; the day is not counted as covered");
    }

    static byte[] fixture(String name) {
        try (InputStream in = EnergyStorageResourcesGoldenTest.class.getResourceAsStream("/ercot/dashboards/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ERCOT's envelope around the {@code data} array of a battalion wrapper file. */
    private static String envelope(byte[] wrapper, String dayDate, String block, String otherBlock)
            throws IOException {
        StringWriter data = new StringWriter();
        JsonFactory json = new JsonFactory();
        try (JsonParser p = json.createParser(wrapper); JsonGenerator g = json.createGenerator(data)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("data")) {
                    g.copyCurrentStructure(p);
                } else {
                    p.skipChildren();
                }
            }
        }
        String wrapped = "{\"dayDate\": \"" + dayDate + "\", \"data\": " + data + "}";
        return block.equals("previousDay")
                ? "{\"previousDay\": " + wrapped + ", \"currentDay\": " + otherBlock + "}"
                : "{\"previousDay\": " + otherBlock + ", \"currentDay\": " + wrapped + "}";
    }

    /** The golden format: ISO-8601 UTC, then each value as a plain decimal without trailing zeros. */
    static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder("time_utc,total_charging_mw,total_discharging_mw,net_output_mw\n");
        for (Row row : rows) {
            out.append(row.instant(0));
            for (int i = 1; i < row.width(); i++) {
                out.append(',').append(new BigDecimal(Double.toString(row.number(i))).stripTrailingZeros().toPlainString());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
