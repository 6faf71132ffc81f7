package dev.pmp.source.elexon;

import static dev.pmp.source.elexon.Json.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The GB clock changes of 2024: spring forward on Sunday 31 March (46 settlement periods, 00:00Z to
 * 23:00Z) and fall back on Sunday 27 October (50 periods, 23:00Z on the 26th to 00:00Z on the 28th). No
 * recorded payload covers either day (fixtures/PROVENANCE.md), so the answers are synthesised from the
 * documented format (spec §2.6, §3.2): a period's {@code startTime} is the UTC instant of local midnight
 * plus 30 minutes per period, written here by plain UTC arithmetic from the day's first instant.
 */
class ClockChangeTest {
    private static final Instant SPRING_START = Instant.parse("2024-03-31T00:00:00Z");
    private static final Window SPRING = new Window(SPRING_START, Instant.parse("2024-03-31T23:00:00Z"));
    private static final Instant AUTUMN_START = Instant.parse("2024-10-26T23:00:00Z");
    private static final Window AUTUMN = new Window(AUTUMN_START, Instant.parse("2024-10-28T00:00:00Z"));

    private static List<Map<String, Object>> fuelhh(String day, Instant first, int periods) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int sp = 1; sp <= periods; sp++) {
            Instant start = first.plus(Duration.ofMinutes(30L * (sp - 1)));
            rows.add(row("dataset", "FUELHH", "publishTime", start.plus(Duration.ofMinutes(30)).toString(), "startTime", start.toString(),
                    "settlementDate", day, "settlementPeriod", sp, "fuelType", "WIND", "generation", 1000 + sp));
        }
        return rows;
    }

    private static List<Instant> starts(Parsed p) {
        return p.rows().stream().map(r -> r.instant(0)).toList();
    }

    @Test
    void fuelhhSpringForwardDayHas46Periods() throws SourceException {
        assertThat(Payloads.feed("FUELHH").request(SPRING).uri().getQuery())
                .startsWith("settlementDateFrom=2024-03-31&settlementDateTo=2024-03-31&settlementPeriod=1&")
                .endsWith("&settlementPeriod=46");
        Parsed p = Payloads.parse("FUELHH", SPRING, Json.array(fuelhh("2024-03-31", SPRING_START, 46)));
        assertThat(p.rows()).hasSize(46);
        assertThat(starts(p)).startsWith(Instant.parse("2024-03-31T00:00:00Z"), Instant.parse("2024-03-31T00:30:00Z"),
                Instant.parse("2024-03-31T01:00:00Z")).endsWith(Instant.parse("2024-03-31T22:30:00Z"));
        assertThat(p.covered()).containsExactly(SPRING);
        assertThat(p.notes()).isEmpty();
    }

    @Test
    void fuelhhFallBackDayHas50Periods() throws SourceException {
        assertThat(Payloads.feed("FUELHH").request(AUTUMN).uri().getQuery()).endsWith("&settlementPeriod=49&settlementPeriod=50");
        Parsed p = Payloads.parse("FUELHH", AUTUMN, Json.array(fuelhh("2024-10-27", AUTUMN_START, 50)));
        assertThat(p.rows()).hasSize(50);
        assertThat(starts(p).subList(3, 7)).containsExactly(Instant.parse("2024-10-27T00:30:00Z"), Instant.parse("2024-10-27T01:00:00Z"),
                Instant.parse("2024-10-27T01:30:00Z"), Instant.parse("2024-10-27T02:00:00Z"));
        assertThat(starts(p).get(49)).isEqualTo(Instant.parse("2024-10-27T23:30:00Z"));
        assertThat(Payloads.value("FUELHH", p.rows().get(49), "settlement_period")).isEqualTo(50L);
        assertThat(p.covered()).containsExactly(AUTUMN);
    }

    @Test
    void fuelhhMislabelledPeriodIsKeyedByItsStartTime() throws SourceException {
        // Third-party report (spec §9.9): SD 2021-09-22 SP 48 with startTime 2021-09-21T22:30Z.
        Window w = new Window(Instant.parse("2021-09-21T22:00:00Z"), Instant.parse("2021-09-21T23:00:00Z"));
        Parsed p = Payloads.parse("FUELHH", w, Json.array(List.of(row("dataset", "FUELHH", "publishTime", "2021-09-21T23:00:00Z",
                "startTime", "2021-09-21T22:30:00Z", "settlementDate", "2021-09-22", "settlementPeriod", 48, "fuelType", "CCGT", "generation", 9000))));
        assertThat(starts(p)).containsExactly(Instant.parse("2021-09-21T22:30:00Z"));
        assertThat(p.notes()).containsExactly("1 rows whose startTime disagrees with their settlement date and period; startTime kept");
    }

    @Test
    void fuelinstHas276And300FiveMinuteRows() throws SourceException {
        for (Window day : List.of(SPRING, AUTUMN)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Instant t = day.start(); t.isBefore(day.end()); t = t.plus(Duration.ofMinutes(5))) {
                rows.add(row("dataset", "FUELINST", "publishTime", t.plus(Duration.ofMinutes(5)).toString(), "startTime", t.toString(),
                        "settlementDate", SettlementPeriods.dayOf(day.start()).toString(), "settlementPeriod", SettlementPeriods.periodOf(t),
                        "fuelType", "NUCLEAR", "generation", 4100));
            }
            Parsed p = Payloads.parse("FUELINST", day, Json.array(rows));
            assertThat(p.rows()).hasSize(day == SPRING ? 276 : 300);
            assertThat(p.rows().get(0).instant(0)).isEqualTo(day.start());
            assertThat(p.rows().get(p.rows().size() - 1).instant(1)).isEqualTo(day.end());
            assertThat(p.covered()).containsExactly(day);
        }
    }

    @Test
    void periodOnlyDatasetsPlaceEveryPeriodOfBothDays() throws SourceException {
        for (String code : List.of("NETBSAD", "MID", "BOD")) {
            for (Window day : List.of(SPRING, AUTUMN)) {
                int periods = day == SPRING ? 46 : 50;
                String sd = SettlementPeriods.dayOf(day.start()).toString();
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int sp = periods; sp >= 1; sp--) {
                    // Newest first, as BOALF streams arrive: the feed sorts them.
                    rows.add(switch (code) {
                        case "NETBSAD" -> row("dataset", code, "settlementDate", sd, "settlementPeriod", sp, "buyPricePriceAdjustment", 0);
                        case "MID" -> row("dataset", code, "dataProvider", "APXMIDP", "settlementDate", sd, "settlementPeriod", sp, "price", 60.5,
                                "startTime", day.start().plus(Duration.ofMinutes(30L * (sp - 1))).toString());
                        default -> row("dataset", code, "settlementDate", sd, "settlementPeriod", sp, "pairId", 1, "nationalGridBmUnit", "ABRBO-1",
                                "bmUnit", "T_ABRBO-1", "timeFrom", day.start().plus(Duration.ofMinutes(30L * (sp - 1))).toString(), "levelFrom", 5);
                    });
                }
                Parsed p = Payloads.parse(code, day, Json.array(rows));
                List<Instant> starts = starts(p);
                assertThat(starts).as(code + " " + sd).hasSize(periods).doesNotHaveDuplicates().isSorted();
                assertThat(starts.get(0)).isEqualTo(day.start());
                assertThat(starts.get(periods - 1)).isEqualTo(day.end().minus(Duration.ofMinutes(30)));
                assertThat(p.covered()).containsExactly(day);
            }
        }
    }

    @Test
    void aPeriodTheDayDoesNotHaveIsRefused() {
        String body = Json.array(List.of(row("dataset", "NETBSAD", "settlementDate", "2024-03-31", "settlementPeriod", 47)));
        assertThatThrownBy(() -> Payloads.parse("NETBSAD", SPRING, body)).isInstanceOf(SourceException.class)
                .hasMessage("Elexon NETBSAD: row 0 cannot be placed in time: settlement period 47 does not exist on 2024-03-31 (46 periods)")
                .extracting(e -> ((SourceException) e).failure()).isEqualTo(Failure.BAD_DATA);
    }

    @Test
    void freqAndPublicationSlotsRunOnUtcThroughTheChange() throws SourceException {
        Window w = new Window(Instant.parse("2024-10-27T00:55:00Z"), Instant.parse("2024-10-27T01:05:00Z"));
        Parsed freq = Payloads.parse("FREQ", w, Json.array(List.of(row("measurementTime", "2024-10-27T00:59:45Z", "frequency", 50.01),
                row("measurementTime", "2024-10-27T01:00:00Z", "frequency", 49.99))));
        assertThat(starts(freq)).containsExactly(Instant.parse("2024-10-27T00:59:45Z"), Instant.parse("2024-10-27T01:00:00Z"));

        Window hour = new Window(Instant.parse("2024-10-27T00:30:00Z"), Instant.parse("2024-10-27T01:30:00Z"));
        Parsed indo = Payloads.parse("INDO", hour, Json.envelope(List.of(
                row("publishTime", "2024-10-27T00:48:00Z", "startTime", "2024-10-27T00:00:00Z", "settlementDate", "2024-10-27",
                        "settlementPeriod", 3, "demand", 21000),
                row("publishTime", "2024-10-27T01:18:00Z", "startTime", "2024-10-27T00:30:00Z", "settlementDate", "2024-10-27",
                        "settlementPeriod", 4, "demand", 20800))));
        assertThat(starts(indo)).containsExactly(Instant.parse("2024-10-27T00:45:00Z"), Instant.parse("2024-10-27T01:15:00Z"));
        Row second = indo.rows().get(1);
        assertThat(Payloads.value("INDO", second, "start_time_utc")).isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
    }
}
