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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The weekly final 5-minute LMP zip. No file was recorded (shared MISO PROVENANCE: "Not found anywhere as
 * real payloads: {@code _5MIN_LMP.zip}"), so every archive here is synthesised from the documented layout
 * (shared MISO README section 3.2): four preamble lines, {@code MKTHOUR_EST,PNODENAME,LMP,CON_LMP,LOSS_LMP},
 * {@code MM/dd/yyyy HH:mm} interval starts in EST, a disclaimer footer.
 */
class WeeklyFiveMinuteLmpTest {

    private static final DateTimeFormatter MKTHOUR = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm");
    private static final List<String> NODES = List.of("MINN.HUB", "AMIL.RICHLAND", "TEXAS.HUB");
    private static final MisoSettings ALL = new MisoSettings(MisoSettings.DEFAULT_API_BASE,
            MisoSettings.DEFAULT_REPORTS_BASE, Optional.empty(), MisoSettings.LmpLocations.ALL);

    /** The CSV of the week starting on Monday {@code week}, every 5 minutes, for {@link #NODES}. */
    static String csv(LocalDate week) {
        StringBuilder csv = new StringBuilder("Real-Time 5 Minute LMP Report (Final)\n")
                .append(week).append(" to ").append(week.plusDays(6)).append("\n\n")
                .append("All times are Eastern Standard Time (EST)\n")
                .append("MKTHOUR_EST,PNODENAME,LMP,CON_LMP,LOSS_LMP\n");
        LocalDateTime t = week.atStartOfDay();
        for (int i = 0; i < 7 * 288; i++, t = t.plusMinutes(5)) {
            for (int n = 0; n < NODES.size(); n++) {
                csv.append(MKTHOUR.format(t)).append(',').append(NODES.get(n)).append(',').append(25 + n + i % 12)
                        .append(".5,").append(n - 1).append(",-0.25\n");
            }
        }
        return csv.append("The information contained herein is provided for informational purposes only.\n").toString();
    }

    static byte[] zip(String csv) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("5MIN_LMP.csv"));
            zip.write(csv.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Window week(LocalDate monday) {
        return new Window(monday.atStartOfDay().toInstant(ZoneOffset.ofHours(-5)),
                monday.plusDays(7).atStartOfDay().toInstant(ZoneOffset.ofHours(-5)));
    }

    private static Parsed parse(MisoSettings settings, LocalDate monday, Window window, byte[] body) throws SourceException {
        URI uri = URI.create("https://docs.misoenergy.org/marketreports/" + WeeklyFiveMinuteLmp.fileName(monday));
        return new WeeklyFiveMinuteLmp(settings).parse(window, new FetchResponse(uri, 200, "application/zip", body,
                Instant.parse("2026-10-20T12:00:00Z")));
    }

    private static Parsed parse(LocalDate monday, UnaryOperator<String> edit) throws SourceException {
        return parse(ALL, monday, week(monday), zip(edit.apply(csv(monday))));
    }

    @Test
    void namesTheFileTwoWeeksAfterTheWeek() {
        // battalion-energy: 20241014_5MIN_LMP.zip holds 09/30-10/06/2024.
        assertThat(WeeklyFiveMinuteLmp.fileName(LocalDate.of(2024, 9, 30))).isEqualTo("20241014_5MIN_LMP.zip");
        FetchRequest r = new WeeklyFiveMinuteLmp(MisoSettings.defaults()).request(Window.of(
                Instant.parse("2024-10-03T12:00:00Z"), Duration.ofHours(1)));
        assertThat(r.uri().toString()).isEqualTo("https://docs.misoenergy.org/marketreports/20241014_5MIN_LMP.zip");
    }

    @Test
    void readsTheWeekHubsOnlyByDefault() throws Exception {
        LocalDate monday = LocalDate.of(2024, 9, 30);
        Window w = week(monday);
        Parsed p = parse(MisoSettings.defaults(), monday, w, zip(csv(monday)));
        assertThat(p.rows()).hasSize(2 * 7 * 288);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(w.start(), w.start().plusSeconds(300), "MINN.HUB", "hub", 25.5,
                26.75, -1.0, -0.25));
        assertThat(p.rows().get(p.rows().size() - 1)).isEqualTo(Row.of(w.end().minusSeconds(300), w.end(), "TEXAS.HUB",
                "hub", 38.5, 37.75, 1.0, -0.25));
        assertThat(p.covered()).containsExactly(w);
        assertThat(p.notes()).singleElement().asString().contains("1 footer line(s) skipped");
        assertThat(p.next()).isEmpty();
        assertThat(parse(ALL, monday, w, zip(csv(monday))).rows()).hasSize(3 * 7 * 288);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-04", "2024-10-28"})
    void clockChangeWeeksHaveOneHundredSixtyEightHours(String mondayText) throws Exception {
        // The weeks ending on 2024-03-10 (spring forward) and 2024-11-03 (fall back): EST never changes.
        LocalDate monday = LocalDate.parse(mondayText);
        Parsed p = parse(monday, s -> s);
        assertThat(p.rows()).hasSize(3 * 2016);
        assertThat(week(monday).length()).isEqualTo(Duration.ofHours(168));
        Instant sunday2am = Instant.parse(monday.plusDays(6) + "T07:00:00Z");
        assertThat(p.rows().stream().filter(r -> r.get(0).equals(sunday2am)).count()).isEqualTo(3);
        assertThat(p.covered()).containsExactly(week(monday));
    }

    @Test
    void asksForTheNextWeekWhileTheWindowReachesOn() throws Exception {
        LocalDate monday = LocalDate.of(2024, 9, 30);
        Window twoWeeks = new Window(week(monday).start(), week(monday.plusDays(7)).end());
        assertThat(parse(ALL, monday, twoWeeks, zip(csv(monday))).next()).map(FetchRequest::uri).contains(
                URI.create("https://docs.misoenergy.org/marketreports/20241021_5MIN_LMP.zip"));
    }

    @Test
    void nonNumberQuarantinesTheInterval() throws Exception {
        LocalDate monday = LocalDate.of(2024, 9, 30);
        Parsed p = parse(monday, s -> s.replaceFirst("09/30/2024 00:05,AMIL.RICHLAND,27.5", "09/30/2024 00:05,AMIL.RICHLAND,abc"));
        Instant t = week(monday).start().plusSeconds(300);
        assertThat(p.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(Window.of(t, Duration.ofMinutes(5)));
            assertThat(q.reason()).contains("line 10 (AMIL.RICHLAND): LMP \"abc\"");
        });
        assertThat(p.rows()).hasSize(3 * 2016 - 3);
        assertThat(p.covered()).containsExactly(new Window(week(monday).start(), t), new Window(t.plusSeconds(300),
                week(monday).end()));
    }

    @Test
    void damagedOrWrongPayloadsAreBadData() {
        LocalDate monday = LocalDate.of(2024, 9, 30);
        byte[] full = zip(csv(monday));
        assertBad(() -> parse(ALL, monday, week(monday), java.util.Arrays.copyOf(full, full.length / 2)), "damaged or cut off");
        assertBad(() -> parse(ALL, monday, week(monday), "<html>404</html>".getBytes(StandardCharsets.UTF_8)), "HTML page");
        assertBad(() -> parse(ALL, monday, week(monday), emptyZip()), "holds no file");
        assertBad(() -> parse(monday, s -> s.replace("CON_LMP", "MCC")), "no column CON_LMP");
        assertBad(() -> parse(monday, s -> s.replace("MKTHOUR_EST", "HOUR")), "no header line");
        assertBad(() -> parse(monday, s -> s.replace("09/30/2024 00:00", "09/29/2024 23:55")), "outside the file's week");
        assertBad(() -> parse(monday, s -> s.replaceFirst(",-0.25\n", ",-0.25,1,2\n")), "line 6 has 7 cells");
        assertBad(() -> parse(monday, s -> s + "10/06/2024 23:55,MS.HUB,1,1,1\n"), "data after the footer");
    }

    private static byte[] emptyZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setComment("empty");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private interface Call {
        Parsed run() throws SourceException;
    }

    private static void assertBad(Call call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SourceException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA)).hasMessageContaining(message);
    }
}
