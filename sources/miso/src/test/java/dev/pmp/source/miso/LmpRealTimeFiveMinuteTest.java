package dev.pmp.source.miso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The ex-post 5-minute LMP feed. The recording is an excerpt (the first 687 characters of the 163 kB
 * {@code Current} answer): as stored it is a cut-off payload; closed with {@code ]]}} it is a complete
 * one-interval payload of ten nodes. Hub rows are synthesised in the recorded shape.
 */
class LmpRealTimeFiveMinuteTest {

    static final String EXCERPT = "public-api_MarketPricing_GetRealTimeFiveMinExPost_Current_2026-10-02T1650EST.EXCERPT.txt";
    private static final Instant T1650 = Instant.parse("2026-10-02T21:50:00Z");
    private static final MisoSettings ALL = new MisoSettings(MisoSettings.DEFAULT_API_BASE,
            MisoSettings.DEFAULT_REPORTS_BASE, Optional.empty(), MisoSettings.LmpLocations.ALL);

    private static String closedExcerpt() {
        String text = Payloads.text(EXCERPT).strip();
        return text.substring(0, text.length() - 1) + "]}";
    }

    private static Parsed parse(MisoSettings settings, String body) throws SourceException {
        return new LmpRealTimeFiveMinute(settings).parse(Payloads.ANY, Payloads.response("https://x.test/api", body));
    }

    @Test
    void theExcerptAsRecordedIsACutOffPayload() {
        assertThatThrownBy(() -> parse(ALL, Payloads.text(EXCERPT))).isInstanceOfSatisfying(SourceException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA)).hasMessageContaining("not complete JSON");
    }

    @Test
    void closedExcerptGivesTenNodesWithEnergyDerived() throws Exception {
        Parsed p = parse(ALL, closedExcerpt());
        Instant end = T1650.plus(Duration.ofMinutes(5));
        assertThat(p.rows()).hasSize(10);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(T1650, end, "AMIL.RICHLAND", "node", 31.55, 34.5, 0.0, -2.95));
        assertThat(p.rows().get(9)).isEqualTo(Row.of(T1650, end, "AMIL.RUBY", "node", 31.03, 34.5, -1.94, -1.53));
        assertThat(p.rows()).allSatisfy(r -> assertThat(LmpRealTimeFiveMinute.DATASET.schema().problemWith(r)).isNull());
        assertThat(p.covered()).containsExactly(new Window(T1650, end));
    }

    @Test
    void hubsOnlyByDefault() throws Exception {
        String body = closedExcerpt().replace("]]}", "],[\"2026-10-02T16:50:00\",\"MINN.HUB\",\"26.04\",\"-0.30\",\"-6.40\"]]}");
        Parsed p = parse(MisoSettings.defaults(), body);
        assertThat(p.rows()).containsExactly(Row.of(T1650, T1650.plusSeconds(300), "MINN.HUB", "hub", 26.04, 32.74,
                -6.4, -0.3));
        assertThat(p.covered()).containsExactly(Window.of(T1650, Duration.ofMinutes(5)));
    }

    @Test
    void aDayOfIntervalsWithAMissingOneLeavesASourceGap() throws Exception {
        StringBuilder data = new StringBuilder("{\"headers\":[\"INTERVAL\",\"CPNODE\",\"LMP\",\"MLC\",\"MCC\"],\"data\":[");
        for (int m = 0; m < 60; m += 5) {
            if (m == 20) {
                continue;
            }
            data.append(m == 0 ? "" : ",").append(String.format("[\"2026-10-02T00:%02d:00\",\"MS.HUB\",\"30\",\"1\",\"2\"]", m));
        }
        Parsed p = parse(MisoSettings.defaults(), data.append("]}").toString());
        assertThat(p.rows()).hasSize(11);
        // The covered window spans the hour: the missing 00:20 is a source gap, not "missing".
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2026-10-02T05:00:00Z"),
                Instant.parse("2026-10-02T06:00:00Z")));
    }

    @Test
    void nonNumberQuarantinesItsInterval() throws Exception {
        Parsed p = parse(ALL, closedExcerpt().replace("\"31.55\"", "\"abc\""));
        assertThat(p.rows()).isEmpty();
        assertThat(p.covered()).isEmpty();
        assertThat(p.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.reason()).contains("data[0] (AMIL.RICHLAND at 2026-10-02T16:50:00 EST): LMP \"abc\"");
            assertThat(q.rows()).isEqualTo(10);
        });
    }

    @Test
    void conflictingDuplicateQuarantinesAndIdenticalIsMerged() throws Exception {
        String same = closedExcerpt().replace("]]}", "],[\"2026-10-02T16:50:00\",\"AMIL.RUBY\",\"31.03\",\"-1.53\",\"-1.94\"]]}");
        assertThat(parse(ALL, same).rows()).hasSize(10);
        String other = closedExcerpt().replace("]]}", "],[\"2026-10-02T16:50:00\",\"AMIL.RUBY\",\"1\",\"-1.53\",\"-1.94\"]]}");
        assertThat(parse(ALL, other).quarantined()).singleElement().satisfies(q -> assertThat(q.reason())
                .contains("AMIL.RUBY is listed twice"));
    }

    @Test
    void schemaDriftAndBadRowsAreBadData() {
        assertThatThrownBy(() -> parse(ALL, closedExcerpt().replace("\"MCC\"", "\"CONG\"")))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("lack MCC");
        assertThatThrownBy(() -> parse(ALL, closedExcerpt().replace(",\"-2.95\",\"0.00\"]", "]")))
                .hasMessageContaining("data[0] has 3 cells");
        assertThatThrownBy(() -> parse(ALL, closedExcerpt().replace("2026-10-02T16:50:00", "10/02/2026 16:50")))
                .hasMessageContaining("INTERVAL \"10/02/2026 16:50\"");
        assertThatThrownBy(() -> parse(ALL, "<html></html>")).hasMessageContaining("HTML");
    }

    @Test
    void emptyDataIsNotPublishedAndExtraColumnsAreNoted() throws Exception {
        assertThatThrownBy(() -> parse(ALL, "{\"headers\":[\"INTERVAL\",\"CPNODE\",\"LMP\",\"MLC\",\"MCC\"],\"data\":[]}"))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED));
        Parsed p = parse(ALL, "{\"headers\":[\"INTERVAL\",\"CPNODE\",\"LMP\",\"MLC\",\"MCC\",\"MEC\"],\"data\":"
                + "[[\"2026-10-02T16:50:00\",\"X\",\"1\",\"0\",\"0\",\"1\"]],\"version\":2}");
        assertThat(p.rows()).hasSize(1);
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("[MEC]"))
                .anySatisfy(n -> assertThat(n).contains("\"version\""));
    }
}
