package dev.pmp.source.caiso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code caiso.fuel_mix} and {@code caiso.demand_5min} from Today's Outlook. No recording of these files
 * exists; they are synthesised from the documented format (shared/sources/caiso/README.md §3, §4.5),
 * including both clock-change days, where only row order tells the repeated hour apart.
 */
class OutlookTest {
    private static final LocalDate ORDINARY = LocalDate.of(2025, 9, 1);
    private static final LocalDate SPRING = LocalDate.of(2024, 3, 10);
    private static final LocalDate FALL = LocalDate.of(2024, 11, 3);
    private static final Instant LATER = Instant.parse("2026-01-01T00:00:00Z");

    private final Feed fuel = new FuelMix(CaisoSettings.defaults());
    private final Feed demand = new SystemDemand(CaisoSettings.defaults());

    private static Window day(LocalDate date) {
        return new Window(date.atStartOfDay(OasisPayloads.PACIFIC).toInstant(),
                date.plusDays(1).atStartOfDay(OasisPayloads.PACIFIC).toInstant());
    }

    private static Parsed parse(Feed feed, Window window, String csv, Instant fetchedAt) throws SourceException {
        FetchRequest request = feed.request(window);
        return feed.parse(window, OasisPayloads.response(request.uri(), csv.getBytes(StandardCharsets.UTF_8), fetchedAt));
    }

    @Test
    void theRequestIsTheHistoryFileOfThePacificDayOnItsOwnBudget() {
        FetchRequest request = fuel.request(day(ORDINARY));
        assertThat(request.uri().toString()).isEqualTo("https://www.caiso.com/outlook/history/20250901/fuelsource.csv");
        assertThat(request.budget()).contains("outlook");
        assertThat(demand.request(day(ORDINARY)).uri().getPath()).isEqualTo("/outlook/history/20250901/demand.csv");
    }

    @Test
    void anOrdinaryDayHas288IntervalsOf13Fuels() throws Exception {
        Parsed parsed = parse(fuel, day(ORDINARY), OutlookPayloads.fuel(ORDINARY, "\r\n"), LATER);

        assertThat(parsed.rows()).hasSize(288 * 13);
        Instant start = Instant.parse("2025-09-01T07:00:00Z");
        assertThat(parsed.rows().get(0)).isEqualTo(Row.of(start, start.plusSeconds(300), "Solar", 0.0));
        assertThat(parsed.rows().get(5)).isEqualTo(Row.of(start, start.plusSeconds(300), "Small Hydro", 5000.0));
        assertThat(parsed.rows().get(10)).isEqualTo(Row.of(start, start.plusSeconds(300), "Batteries", -1000.0));
        assertThat(parsed.rows().get(288 * 13 - 1)).isEqualTo(Row.of(Instant.parse("2025-09-02T06:55:00Z"),
                Instant.parse("2025-09-02T07:00:00Z"), "Other", 12287.0));
        assertThat(parsed.covered()).containsExactly(day(ORDINARY));
        assertThat(parsed.next()).isEmpty();
        assertThat(parsed.notes()).isEmpty();
    }

    @Test
    void theSpringForwardDayHas276IntervalsAndDropsTheEmptyMissingHour() throws Exception {
        Parsed parsed = parse(fuel, day(SPRING), OutlookPayloads.fuel(SPRING, "\n"), LATER);

        List<Instant> starts = parsed.rows().stream().map(r -> r.instant(0)).distinct().toList();
        assertThat(starts).hasSize(276);
        // 01:55 PST = 09:55Z, then 03:00 PDT = 10:00Z
        assertThat(starts.get(23)).isEqualTo(Instant.parse("2024-03-10T09:55:00Z"));
        assertThat(starts.get(24)).isEqualTo(Instant.parse("2024-03-10T10:00:00Z"));
        assertThat(parsed.rows().get(24 * 13).number(3)).isEqualTo(36.0);
        assertThat(parsed.covered()).containsExactly(day(SPRING));
        assertThat(parsed.notes()).containsExactly("fuelsource.csv of 2024-03-10: 12 rows without any value left out");
    }

    @Test
    void theFallBackDayHas300IntervalsAndTheSecondRunIsStandardTime() throws Exception {
        Parsed parsed = parse(fuel, day(FALL), OutlookPayloads.fuel(FALL, "\n"), LATER);

        List<Instant> starts = parsed.rows().stream().map(r -> r.instant(0)).distinct().toList();
        assertThat(starts).hasSize(300).isSorted();
        assertThat(starts.get(12)).isEqualTo(Instant.parse("2024-11-03T08:00:00Z")); // 01:00 PDT
        assertThat(starts.get(23)).isEqualTo(Instant.parse("2024-11-03T08:55:00Z")); // 01:55 PDT
        assertThat(starts.get(24)).isEqualTo(Instant.parse("2024-11-03T09:00:00Z")); // 01:00 PST
        assertThat(starts.get(35)).isEqualTo(Instant.parse("2024-11-03T09:55:00Z")); // 01:55 PST
        assertThat(starts.get(36)).isEqualTo(Instant.parse("2024-11-03T10:00:00Z")); // 02:00 PST
        assertThat(parsed.rows().get(24 * 13).number(3)).isEqualTo(24.0);
        assertThat(parsed.covered()).containsExactly(day(FALL));
    }

    @Test
    void demandOnBothClockChangeDays() throws Exception {
        Parsed spring = parse(demand, day(SPRING), OutlookPayloads.demand(SPRING), LATER);
        Parsed fall = parse(demand, day(FALL), OutlookPayloads.demand(FALL), LATER);

        assertThat(spring.rows()).hasSize(276);
        assertThat(fall.rows()).hasSize(300);
        assertThat(spring.rows().get(24)).isEqualTo(Row.of(Instant.parse("2024-03-10T10:00:00Z"),
                Instant.parse("2024-03-10T10:05:00Z"), 25036.0, 25136.0, 25086.0));
        assertThat(fall.rows().get(24)).isEqualTo(Row.of(Instant.parse("2024-11-03T09:00:00Z"),
                Instant.parse("2024-11-03T09:05:00Z"), 25024.0, 25124.0, 25074.0));
        assertThat(fall.rows().get(299).instant(1)).isEqualTo(day(FALL).end());
    }

    @Test
    void todaysFileCoversOnlyUpToItsLastDemandAndLeavesForecastOnlyRowsOut() throws Exception {
        String csv = OutlookPayloads.DEMAND_HEADER + "\n00:00,25100,25050,25000\n00:05,25101,25051,25001\n"
                + "00:10,25102,25052,\n00:15,25103,,\n";
        Window today = day(ORDINARY);

        Parsed parsed = parse(demand, today, csv, Instant.parse("2025-09-01T07:12:00Z"));

        assertThat(parsed.rows()).hasSize(2);
        assertThat(parsed.covered()).containsExactly(new Window(today.start(), today.start().plusSeconds(600)));
    }

    @Test
    void oldCapitalisationIsNormalisedAndNewFuelsAreNoted() throws Exception {
        String csv = "Time,Natural gas,Large hydro,Hydrogen\n00:00,1,2,3\n00:05,4,5,6\n";
        Parsed parsed = parse(fuel, day(ORDINARY), csv, LATER);

        assertThat(parsed.rows()).extracting(r -> r.text(2)).containsExactly("Natural Gas", "Large Hydro", "Hydrogen",
                "Natural Gas", "Large Hydro", "Hydrogen");
        assertThat(parsed.notes()).containsExactly("fuels CAISO did not publish before, kept as they are: Hydrogen");
    }

    @Test
    void aHeaderOnlyFileIsNotPublishedWhenRecentAndASourceGapWhenOld() throws Exception {
        String header = OutlookPayloads.FUEL_HEADER + "\r\n";
        assertThatThrownBy(() -> parse(fuel, day(ORDINARY), header, Instant.parse("2025-09-01T12:00:00Z")))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED))
                .hasMessageContaining("fuelsource.csv of 2025-09-01 holds no data for ", " yet (header only)");

        Parsed old = parse(fuel, day(ORDINARY), header, LATER);
        assertThat(old.rows()).isEmpty();
        assertThat(old.covered()).containsExactly(day(ORDINARY));
        assertThat(old.notes()).singleElement().asString().contains("recorded as a source gap");
    }

    @Test
    void anHtmlPageIsTransient() {
        assertThatThrownBy(() -> parse(fuel, day(ORDINARY), "<html><body>Access denied</body></html>", LATER))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.TRANSIENT));
    }

    @Test
    void rowsOutOfOrderAreBadData() {
        String csv = OutlookPayloads.DEMAND_HEADER + "\n00:00,1,1,1\n00:10,1,1,1\n00:05,1,1,1\n";
        assertThatThrownBy(() -> parse(demand, day(ORDINARY), csv, LATER))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("demand.csv of 2025-09-01 line 4: Time 00:05 comes after 00:10: rows out of order");
    }

    @Test
    void anExactlyRepeatedRowIsMerged() throws Exception {
        String csv = OutlookPayloads.DEMAND_HEADER + "\n00:00,1,1,1\n00:05,2,2,2\n00:05,2,2,2\n00:10,3,3,3\n";
        Parsed parsed = parse(demand, day(ORDINARY), csv, LATER);
        assertThat(parsed.rows()).hasSize(3);
        assertThat(parsed.notes()).containsExactly("demand.csv of 2025-09-01: 1 rows repeated the row before; merged");
    }

    @Test
    void anUnknownDemandColumnIsNoted() throws Exception {
        String csv = "Time,Current demand,Net demand\n00:00,25000,21000\n";
        Parsed parsed = parse(demand, day(ORDINARY), csv, LATER);
        assertThat(parsed.rows()).containsExactly(Row.of(day(ORDINARY).start(), day(ORDINARY).start().plusSeconds(300),
                25000.0, null, null));
        assertThat(parsed.notes()).containsExactly(
                "demand.csv of 2025-09-01: columns this reader does not know, ignored: Net demand");
    }

    @Test
    void aBadTimeOrMissingColumnIsBadData() {
        assertThatThrownBy(() -> parse(demand, day(ORDINARY), OutlookPayloads.DEMAND_HEADER + "\n0:0x,1,1,1\n", LATER))
                .hasMessageContaining("line 2: Time \"0:0x\" is not HH:MM");
        assertThatThrownBy(() -> parse(demand, day(ORDINARY), "Time,Day ahead forecast\n00:00,1\n", LATER))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("has no \"Current demand\" column (schema drift?)");
        assertThatThrownBy(() -> parse(fuel, day(ORDINARY), "Hour,Solar\n00:00,1\n", LATER))
                .hasMessageContaining("has no Time column");
    }

    @Test
    void aNonNumericValueHoldsBackItsInterval() throws Exception {
        String csv = "Time,Solar,Wind\n00:00,1,2\n00:05,x,3\n00:10,4,5\n";
        Parsed parsed = parse(fuel, day(ORDINARY), csv, LATER);

        assertThat(parsed.rows()).hasSize(4);
        Instant bad = day(ORDINARY).start().plusSeconds(300);
        assertThat(parsed.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(Window.of(bad, Duration.ofMinutes(5)));
            assertThat(q.reason()).isEqualTo("fuelsource.csv of 2025-09-01 line 3: Solar \"x\" is not a number; "
                    + "interval held back");
        });
        // the file stops at 00:10: nothing after it is vouched for
        assertThat(parsed.covered()).containsExactly(new Window(day(ORDINARY).start(), bad),
                new Window(bad.plusSeconds(300), bad.plusSeconds(600)));
    }

    @Test
    void anOldFileCutAtALineEndCoversOnlyItsRowsAndOneCutMidLineIsBadData() throws Exception {
        String whole = OutlookPayloads.fuel(ORDINARY, "\r\n");
        String[] lines = whole.split("\r\n");
        String cut = String.join("\r\n", java.util.Arrays.copyOf(lines, 100)) + "\r\n";

        Parsed parsed = parse(fuel, day(ORDINARY), cut, LATER);

        assertThat(parsed.rows()).hasSize(99 * 13);
        assertThat(parsed.covered()).containsExactly(new Window(day(ORDINARY).start(),
                day(ORDINARY).start().plus(Duration.ofMinutes(5 * 99))));
        String midLine = whole.substring(0, whole.indexOf("\r\n", whole.length() / 2) - 12);
        assertThatThrownBy(() -> parse(fuel, day(ORDINARY), midLine, LATER))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("cells, the header 14: the file is cut short");
    }

    @Test
    void theNextDaysMidnightRowIsLeftOut() throws Exception {
        String csv = OutlookPayloads.fuel(ORDINARY, "\n") + "00:00,1,1,1,1,1,1,1,1,1,1,1,1,1\n\n";
        Parsed parsed = parse(fuel, day(ORDINARY), csv, LATER);
        assertThat(parsed.rows()).hasSize(288 * 13);
        assertThat(parsed.notes()).containsExactly("fuelsource.csv of 2025-09-01: the 00:00 row of the next day left out");
    }

    @Test
    void aWindowAcrossMidnightReadsTheNextDayThroughPaging() throws Exception {
        Window window = new Window(Instant.parse("2025-09-01T20:00:00Z"), Instant.parse("2025-09-02T20:00:00Z"));

        Parsed first = parse(fuel, window, OutlookPayloads.fuel(ORDINARY, "\n"), LATER);

        assertThat(first.covered()).containsExactly(new Window(window.start(), Instant.parse("2025-09-02T07:00:00Z")));
        assertThat(first.rows()).hasSize(11 * 12 * 13);
        assertThat(first.next()).get().extracting(r -> r.uri().toString())
                .isEqualTo("https://www.caiso.com/outlook/history/20250902/fuelsource.csv");
        Parsed second = fuel.parse(window, OasisPayloads.response(first.next().get().uri(),
                OutlookPayloads.fuel(ORDINARY.plusDays(1), "\n").getBytes(StandardCharsets.UTF_8), LATER));
        assertThat(second.covered()).containsExactly(new Window(Instant.parse("2025-09-02T07:00:00Z"), window.end()));
        assertThat(second.next()).isEmpty();
    }
}
