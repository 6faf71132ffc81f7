package dev.pmp.source.miso.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.source.miso.MisoSettings;
import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ancillary service MCP reports. No file was recorded (shared MISO PROVENANCE: "Not found anywhere as
 * real payloads: ASM MCP CSVs"); every file here is synthesised from the documented layout (shared MISO
 * README section 3.3): four preamble lines, the zonal table (two unnamed leading columns, {@code MCP Type},
 * {@code HE 1..HE 24}, zones written {@code Zone n}), blank lines, then the {@code Pnode} table.
 */
class AncillaryMcpReportTest {

    private static final List<String> TYPES = List.of("Regulation", "Spin", "Supplemental", "STR", "Ramp Up",
            "Ramp Down");

    static String csv(LocalDate day) {
        StringBuilder csv = new StringBuilder("Dayahead Market MCPs.\n")
                .append(day.format(DateTimeFormatter.ofPattern("MM/dd/yyyy"))).append("\n\n")
                .append(",,,All Hours-Ending are Eastern Standard Time (EST)\n,,MCP Type");
        for (int h = 1; h <= 24; h++) {
            csv.append(",HE ").append(h);
        }
        csv.append('\n');
        for (int zone = 1; zone <= 8; zone++) {
            for (int t = 0; t < TYPES.size(); t++) {
                csv.append("Zone ").append(zone).append(",,").append(TYPES.get(t));
                for (int h = 1; h <= 24; h++) {
                    csv.append(',').append(t == 0 ? 10 + h : t).append(zone == 8 ? ".5" : "");
                }
                csv.append('\n');
            }
        }
        csv.append("\n\nPnode,Zone,MCP Type");
        for (int h = 1; h <= 24; h++) {
            csv.append(",HE ").append(h);
        }
        csv.append("\nALTE.1ROCKGEN,Zone 1,Regulation");
        for (int h = 1; h <= 24; h++) {
            csv.append(",1");
        }
        return csv.append('\n').toString();
    }

    private static Window day(LocalDate day) {
        return new Window(Instant.parse(day + "T05:00:00Z"), Instant.parse(day.plusDays(1) + "T05:00:00Z"));
    }

    private static Parsed parse(LocalDate day, Window window, String body) throws SourceException {
        AncillaryMcpReport feed = AncillaryMcpReport.dayAhead(MisoSettings.defaults());
        return feed.parse(window, new FetchResponse(feed.request(day(day)).uri(), 200, "text/csv",
                body.getBytes(StandardCharsets.UTF_8), Instant.parse("2026-10-10T00:00:00Z")));
    }

    private static Parsed parse(UnaryOperator<String> edit) throws SourceException {
        LocalDate d = LocalDate.of(2024, 10, 1);
        return parse(d, day(d), edit.apply(csv(d)));
    }

    private static void assertBad(UnaryOperator<String> edit, String message) {
        assertThatThrownBy(() -> parse(edit)).isInstanceOfSatisfying(SourceException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("20241001_asm_expost_damcp.csv").hasMessageContaining(message);
    }

    @Test
    void readsTheZonalTable() throws Exception {
        Parsed p = parse(s -> s);
        Instant start = Instant.parse("2024-10-01T05:00:00Z");
        assertThat(p.rows()).hasSize(8 * 6 * 24);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(start, start.plusSeconds(3600), "1", "regulation", 11.0));
        assertThat(p.rows().subList(0, 6)).extracting(r -> r.get(3)).containsExactly("regulation", "spinning",
                "supplemental", "short_term_reserve", "ramp_up", "ramp_down");
        Instant last = Instant.parse("2024-10-02T04:00:00Z");
        assertThat(p.rows().get(p.rows().size() - 1)).isEqualTo(Row.of(last, last.plusSeconds(3600), "8", "ramp_down",
                5.5));
        assertThat(p.covered()).containsExactly(day(LocalDate.of(2024, 10, 1)));
        assertThat(p.notes()).isEmpty();
        assertThat(p.quarantined()).isEmpty();
        assertThat(AncillaryMcpReport.realTime(MisoSettings.defaults()).request(day(LocalDate.of(2024, 10, 1))).uri())
                .isEqualTo(URI.create("https://docs.misoenergy.org/marketreports/20241001_asm_rtmcp_final.csv"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-10", "2024-11-03"})
    void clockChangeDaysHaveTwentyFourHours(String text) throws Exception {
        LocalDate d = LocalDate.parse(text);
        Parsed p = parse(d, day(d), csv(d));
        assertThat(p.rows()).hasSize(8 * 6 * 24);
        // HE 3 = 02:00-03:00 EST = 07:00 UTC on both days.
        assertThat(p.rows().get(2 * 48).get(0)).isEqualTo(Instant.parse(text + "T07:00:00Z"));
        assertThat(p.covered()).containsExactly(day(d));
        assertThat(day(d).length()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void nonNumberAndConflictingRepeatQuarantineTheirHour() throws Exception {
        Parsed p = parse(s -> s.replace("Zone 3,,Spin,1,1,1", "Zone 3,,Spin,1,x,1"));
        assertThat(p.rows()).hasSize(8 * 6 * 23);
        assertThat(p.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(Window.of(Instant.parse("2024-10-01T06:00:00Z"), Duration.ofHours(1)));
            assertThat(q.reason()).contains("(zone 3 Spin) HE 2 is \"x\"");
        });
        Parsed repeated = parse(s -> s.replace("\n\n\nPnode", "\nZone 1,,Reg,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,"
                + "26,27,28,29,30,31,32,33,99\n\n\nPnode"));
        assertThat(repeated.quarantined()).singleElement().satisfies(q -> assertThat(q.reason())
                .contains("repeats zone 1 regulation with another HE 24 value"));
    }

    @Test
    void unknownTypeIsKeptAndNoted() throws Exception {
        Parsed p = parse(s -> s.replace("Zone 1,,STR,", "Zone 1,,Contingency Reserve,"));
        assertThat(p.rows()).extracting(r -> r.get(3)).contains("contingency_reserve");
        assertThat(p.notes()).singleElement().asString().contains("[Contingency Reserve]");
    }

    @Test
    void damagedOrDriftedFilesAreBadData() {
        assertBad(s -> s.substring(0, s.length() / 2), "cut off");
        assertBad(s -> "<html><body>Not Found</body></html>\n", "HTML");
        assertBad(s -> "", "empty");
        assertBad(s -> s.replace("10/01/2024", "10/02/2024"), "states market day 2024-10-02");
        assertBad(s -> s.replace(",,MCP Type", ",,Type"), "no zonal table header");
        assertBad(s -> s.replaceFirst(",HE 24\n", ",HE 25\n"), "no column HE 24");
        assertBad(s -> s.replace("Zone 2,,Spin", "Zone,,Spin"), "holds no zone number");
        assertBad(s -> s.replace("Zone 2,,Spin,", "Zone 2,,Spin,"+ "1,"), "cells");
    }

    @Test
    void pagesToTheNextDayAndDeclaresWhenAnAbsentFileIsAGap() throws Exception {
        LocalDate d = LocalDate.of(2024, 10, 1);
        Window twoDays = new Window(day(d).start(), day(d.plusDays(1)).end());
        assertThat(parse(d, twoDays, csv(d)).next()).map(FetchRequest::uri).contains(URI.create(
                "https://docs.misoenergy.org/marketreports/20241002_asm_expost_damcp.csv"));
        // A 404 is the engine's: a day still absent 30 days after it was due becomes a source gap.
        assertThat(AncillaryMcpReport.dayAhead(MisoSettings.defaults()).absentAfter())
                .contains(HourlyLmpReport.MISSING_AFTER);
    }
}
