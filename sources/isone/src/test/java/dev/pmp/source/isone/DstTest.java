package dev.pmp.source.isone;

import static dev.pmp.source.isone.Answers.API;
import static dev.pmp.source.isone.Answers.EXPRESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both DST days for the datasets whose recordings do not include them. Every payload is synthesised from the
 * documented format (README §2.2-§3.3): API stamps in local time with their offset, CSV hour-ending labels. The
 * recorded DST days are tested in the golden tests.
 */
class DstTest {
    private static final Instant SPRING_GAP = Instant.parse("2024-03-10T07:00:00Z");
    private static final Instant FALL_REPEAT = Instant.parse("2024-11-03T06:00:00Z");

    /** Parses a full synthesised day and checks the number of intervals and the instants around the change. */
    private static Parsed fullDay(Feed feed, LocalDate d, Duration cadence, int perInstant, String plural, String singular,
            Function<Instant, String> record) throws SourceException {
        Window window = Answers.day(d);
        List<String> records = new ArrayList<>();
        for (Instant t : Synthesised.instants(window.start(), window.end(), cadence)) {
            records.add(record.apply(t));
        }
        FetchRequest request = feed.request(window);
        Parsed p = feed.parse(window, Answers.answerAt(request, "application/json",
                Synthesised.envelope(plural, singular, records), window.end()));
        long expected = window.length().dividedBy(cadence);
        assertThat(expected).isEqualTo(d.getMonthValue() == 3 ? 23 * 3600 / cadence.toSeconds() : 25 * 3600 / cadence.toSeconds());
        assertThat(p.rows()).hasSize((int) expected * perInstant);
        List<Instant> starts = p.rows().stream().map(r -> r.instant(0)).distinct().toList();
        if (d.getMonthValue() == 3) {
            // 01:xx EST is followed by 03:00 EDT = 07:00Z: the first start at or after 06:00Z + the last 01:xx.
            assertThat(starts).contains(SPRING_GAP.minus(cadence), SPRING_GAP);
        } else {
            // 01:00 EDT (05:00Z) and 01:00 EST (06:00Z) both start intervals.
            assertThat(starts).contains(Instant.parse("2024-11-03T05:00:00Z"), FALL_REPEAT);
        }
        assertThat(p.rows().get(p.rows().size() - 1).instant(1)).isEqualTo(window.end());
        return p;
    }

    private static String lmp(Instant t) {
        return Synthesised.lmpRecord(t, "4000", "HUB", ".H.INTERNAL_HUB", "31.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-10", "2024-11-03"})
    void realTimeHourlyLmp(String date) throws SourceException {
        Parsed p = fullDay(Answers.feed(Lmp.REAL_TIME_HOURLY, API), LocalDate.parse(date), Duration.ofHours(1), 1,
                "HourlyLmps", "HourlyLmp", DstTest::lmp);
        assertThat(p.covered()).containsExactly(Answers.day(LocalDate.parse(date)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-10", "2024-11-03"})
    void reservePrices(String date) throws SourceException {
        fullDay(Answers.feed(AncillaryPrices.RESERVES, API), LocalDate.parse(date), Duration.ofMinutes(5), 1,
                "FiveMinReservePrices", "FiveMinReservePrice", t -> "{\"BeginDate\":\"" + Synthesised.stamp(t)
                        + "\",\"ReserveZoneId\":7000,\"ReserveZoneName\":\"ROS\",\"TmsrClearingPrice\":1.0}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-10", "2024-11-03"})
    void regulationPrices(String date) throws SourceException {
        fullDay(Answers.feed(AncillaryPrices.REGULATION, API), LocalDate.parse(date), Duration.ofMinutes(5), 1,
                "FiveMinRcps", "FiveMinRcp", t -> "{\"BeginDate\":\"" + Synthesised.stamp(t)
                        + "\",\"RegServiceClearingPrice\":1.5,\"RegCapacityClearingPrice\":2.5}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-10", "2024-11-03"})
    void hourlySystemLoad(String date) throws SourceException {
        fullDay(Answers.feed(Load.ACTUAL_HOURLY, API), LocalDate.parse(date), Duration.ofHours(1), 1, "HourlySystemLoads",
                "HourlySystemLoad", t -> "{\"BeginDate\":\"" + Synthesised.stamp(t)
                        + "\",\"Location\":{\"@LocId\":\"32\",\"$\":\"NEPOOL AREA\"},\"Load\":12000.5}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-10", "2024-11-03"})
    void fiveMinuteSystemLoad(String date) throws SourceException {
        fullDay(Answers.feed(Load.ACTUAL_FIVE_MINUTE, API), LocalDate.parse(date), Duration.ofMinutes(5), 1,
                "FiveMinSystemLoads", "FiveMinSystemLoad", t -> "{\"BeginDate\":\"" + Synthesised.stamp(t)
                        + "\",\"LoadMw\":12000.5,\"NativeLoad\":11900.25}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-10", "2024-11-03"})
    void zonalDemand(String date) throws SourceException {
        for (Dataset d : List.of(ZonalDemand.REAL_TIME, ZonalDemand.DAY_AHEAD)) {
            String kind = d == ZonalDemand.REAL_TIME ? "Rt" : "Da";
            fullDay(Answers.feed(d, API), LocalDate.parse(date), Duration.ofHours(1), 1, "Hourly" + kind + "Demands",
                    "Hourly" + kind + "Demand", t -> "{\"BeginDate\":\"" + Synthesised.stamp(t)
                            + "\",\"Location\":{\"@LocId\":\"4001\",\"$\":\".Z.MAINE\"},\"Load\":1000.5}");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-10", "2024-11-03"})
    void regionalForecast(String date) throws SourceException {
        fullDay(Answers.feed(Load.FORECAST_REGIONAL, API), LocalDate.parse(date), Duration.ofHours(1), 1,
                "ReliabilityRegionLoadForecasts", "ReliabilityRegionLoadForecast", t -> "{\"BeginDate\":\""
                        + Synthesised.stamp(t) + "\",\"CreationDate\":\"2024-01-01T09:00:00.000-05:00\","
                        + "\"ReliabilityRegion\":\".Z.MAINE\",\"LoadMw\":1000.5}");
    }

    /** The spring-forward 5-minute CSV 00-04 holds three absolute hours: 00:00-01:55 EST, then 03:00 EDT. */
    @ParameterizedTest
    @ValueSource(strings = {"2024-03-10"})
    void fiveMinuteCsvOnTheSpringForwardDay(String date) throws SourceException {
        Feed feed = Answers.feed(Lmp.REAL_TIME_FIVE_MINUTE, EXPRESS);
        Window window = Answers.day(LocalDate.parse(date));
        List<List<String>> data = new ArrayList<>();
        for (int h : new int[] {0, 1, 3}) {
            for (int m = 0; m < 60; m += 5) {
                data.add(List.of(String.format(Locale.ROOT, "%02d:%02d", h, m), "4001", "25.00", "25.10", "0.00", "-0.10"));
            }
        }
        Parsed p = feed.parse(window, Answers.csv(feed.request(window), Synthesised.expressCsv("t",
                List.of("Local Time", "Location ID", "LMP", "Energy Component", "Congestion Component", "Loss Component"),
                data)));
        assertThat(p.rows()).hasSize(36);
        assertThat(p.rows().get(23).instant(0)).isEqualTo(Instant.parse("2024-03-10T06:55:00Z"));
        assertThat(p.rows().get(24).instant(0)).isEqualTo(SPRING_GAP);
        assertThat(p.covered()).containsExactly(new Window(window.start(), Instant.parse("2024-03-10T08:00:00Z")));
    }

    /** The real-time hourly CSV of the spring-forward day: hour endings 01, 02, 04 … 24. */
    @ParameterizedTest
    @ValueSource(strings = {"03/10/2024"})
    void realTimeHourlyCsvOnTheSpringForwardDay(String date) throws SourceException {
        Feed feed = Answers.feed(Lmp.REAL_TIME_HOURLY, EXPRESS);
        Window window = Answers.day(LocalDate.of(2024, 3, 10));
        List<List<String>> data = new ArrayList<>();
        for (int he = 1; he <= 24; he++) {
            if (he != 3) {
                data.add(List.of(date, String.format(Locale.ROOT, "%02d", he), "4000", ".H.INTERNAL_HUB", "HUB", "30.0",
                        "29.0", "0.5", "0.5"));
            }
        }
        Parsed p = feed.parse(window, Answers.answerAt(feed.request(window), "text/csv", Synthesised.expressCsv("t",
                List.of("Date", "Hour Ending", "Location ID", "Location Name", "Location Type", "Locational Marginal Price",
                        "Energy Component", "Congestion Component", "Marginal Loss Component"), data),
                window.end()));
        assertThat(p.rows()).hasSize(23);
        assertThat(p.rows().get(1).instant(0)).isEqualTo(Instant.parse("2024-03-10T06:00:00Z"));
        assertThat(p.rows().get(2).instant(0)).isEqualTo(SPRING_GAP);
        assertThat(p.covered()).containsExactly(window);
    }
}
