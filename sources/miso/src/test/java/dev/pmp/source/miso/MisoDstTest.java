package dev.pmp.source.miso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.source.miso.report.HourlyLmpReport;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.Window;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The US clock-change days 2024-03-10 (spring forward) and 2024-11-03 (fall back). MISO labels everything
 * in EST (UTC−05:00 all year), so both days have 24 hours, 96 quarter hours, 288 five-minute intervals,
 * and 02:00 EST is 07:00 UTC on both. No recording of these days exists; every payload is synthesised
 * from the documented format (the shared MISO README sections 2.1–2.8 and 3.1), in the recorded shape.
 */
class MisoDstTest {

    private static final MisoSettings ALL = new MisoSettings(MisoSettings.DEFAULT_API_BASE,
            MisoSettings.DEFAULT_REPORTS_BASE, Optional.empty(), MisoSettings.LmpLocations.ALL);

    private static Instant utc(String day, int hour, int minute) {
        return Instant.parse(day + "T00:00:00Z").plus(Duration.ofHours(hour + 5L)).plus(Duration.ofMinutes(minute));
    }

    private static FetchResponse response(String uri, String body, Instant fetchedAt) {
        return new FetchResponse(URI.create(uri), 200, "application/json", body.getBytes(StandardCharsets.UTF_8), fetchedAt);
    }

    private static Window day(String day) {
        return new Window(utc(day, 0, 0), utc(day, 24, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-10", "2024-11-03"})
    void csatDayHasNinetySixQuarterHours(String day) throws Exception {
        List<String> rows = new ArrayList<>();
        for (int q = 0; q < 96; q++) {
            rows.add(String.format("{\"id\":%d,\"timeEst\":\"%sT%02d:%02d:00\",\"demand\":70000,\"committedCapacity\":"
                    + "80000,\"demandForecast\":null,\"committedCapacityForecast\":null,\"availableCapacity\":null}",
                    q + 1, day, q / 4, q % 4 * 15));
        }
        Parsed p = new CsatSupplyDemand(ALL).parse(day(day), response("https://x.test/a", "[" + String.join(",", rows)
                + "]", utc(day, 25, 0)));
        assertThat(p.rows()).hasSize(96);
        assertThat(p.rows().get(7).get(0)).isEqualTo(utc(day, 1, 45));
        assertThat(p.rows().get(8).get(0)).isEqualTo(utc(day, 2, 0));
        assertThat(p.rows().get(8).get(0)).isEqualTo(Instant.parse(day + "T07:00:00Z"));
        assertThat(p.rows().get(95).get(1)).isEqualTo(utc(day, 24, 0));
        assertThat(p.covered()).containsExactly(day(day));
        assertThat(day(day).length()).isEqualTo(Duration.ofHours(24));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-10", "2024-11-03"})
    void loadDayHasTwoHundredEightyEightIntervals(String day) throws Exception {
        StringBuilder loads = new StringBuilder();
        for (int i = 0; i < 288; i++) {
            loads.append(i == 0 ? "" : ",").append(String.format("{\"Load\":{\"Time\":\"%02d:%02d\",\"Value\":\"%d\"}}",
                    i / 12, i % 12 * 5, 70000 + i));
        }
        String refDay = LocalDate.parse(day).format(java.time.format.DateTimeFormatter.ofPattern("dd-MMM-yyyy",
                java.util.Locale.US));
        String body = "{\"LoadInfo\":{\"RefId\":\"" + refDay + " - Interval 23:55 EST\",\"ClearedMW\":[],"
                + "\"MediumTermLoadForecast\":[],\"FiveMinTotalLoad\":[" + loads + "]}}";
        Parsed p = new LoadActual(ALL).parse(day(day), response("https://x.test/a", body, utc(day, 24, 2)));
        assertThat(p.rows()).hasSize(288);
        assertThat(p.rows().get(24)).isEqualTo(Row.of(utc(day, 2, 0), utc(day, 2, 5), "MISO", 70024.0));
        assertThat(p.rows().get(24).get(0)).isEqualTo(Instant.parse(day + "T07:00:00Z"));
        assertThat(p.covered()).containsExactly(day(day));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-10", "2024-11-03"})
    void fuelMixAndAsPricesAtTwoAmAreSevenUtc(String day) throws Exception {
        String fuel = "{\"RefId\":\"x\",\"TotalMW\":\"1\",\"Fuel\":{\"Type\":[{\"INTERVALEST\":\"" + day
                + " 2:00:00 AM\",\"CATEGORY\":\"Coal\",\"ACT\":\"1\",\"FUEL_CATEGORY\":\"Coal (1 MW)\"}]}}";
        Parsed f = new FuelMix(ALL).parse(day(day), response("https://x.test/a", fuel, utc(day, 2, 7)));
        assertThat(f.rows()).containsExactly(Row.of(Instant.parse(day + "T07:00:00Z"), Instant.parse(day + "T07:05:00Z"),
                "Coal", 1.0));
        String mktDay = day.substring(5, 7) + "-" + day.substring(8) + "-" + day.substring(0, 4);
        String mcp = Payloads.text("public-api_MarketPricing_GetAncillaryServicesMcp_2026-10-02T1645EST.json")
                .replace("10-02-2026", mktDay).replace("\"HourAndMin\":\"16:45\"", "\"HourAndMin\":\"01:55\"");
        Parsed a = new AsPricesRealTime(ALL).parse(day(day), response("https://x.test/a", mcp, utc(day, 2, 2)));
        assertThat(a.covered()).containsExactly(Window.of(Instant.parse(day + "T06:55:00Z"), Duration.ofMinutes(5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-10", "2024-11-03"})
    void fiveMinuteLmpDayHasTwoHundredEightyEightIntervals(String day) throws Exception {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < 288; i++) {
            data.append(i == 0 ? "" : ",").append(String.format("[\"%sT%02d:%02d:00\",\"MS.HUB\",\"30\",\"1\",\"2\"]",
                    day, i / 12, i % 12 * 5));
        }
        String body = "{\"headers\":[\"INTERVAL\",\"CPNODE\",\"LMP\",\"MLC\",\"MCC\"],\"data\":[" + data + "]}";
        Parsed p = new LmpRealTimeFiveMinute(ALL).parse(day(day), response("https://x.test/a", body, utc(day, 24, 5)));
        assertThat(p.rows()).hasSize(288);
        assertThat(p.rows().get(24).get(0)).isEqualTo(Instant.parse(day + "T07:00:00Z"));
        assertThat(p.covered()).containsExactly(day(day));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-10", "2024-11-03"})
    void hourlyReportHasTwentyFourHours(String day) throws Exception {
        LocalDate d = LocalDate.parse(day);
        StringBuilder csv = new StringBuilder("Day Ahead Market ExPost LMPs\n")
                .append(d.format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy"))).append("\n\n")
                .append(",,,All Hours-Ending are Eastern Standard Time (EST)\nNode,Type,Value");
        for (int h = 1; h <= 24; h++) {
            csv.append(",HE ").append(h);
        }
        csv.append('\n');
        for (String value : List.of("LMP", "MCC", "MLC")) {
            csv.append("MS.HUB,Hub,").append(value);
            for (int h = 1; h <= 24; h++) {
                csv.append(',').append(value.equals("LMP") ? 20 + h : 1);
            }
            csv.append('\n');
        }
        for (HourlyLmpReport feed : List.of(HourlyLmpReport.dayAhead(MisoSettings.defaults()),
                HourlyLmpReport.realTime(MisoSettings.defaults()))) {
            Parsed p = feed.parse(day(day), new FetchResponse(feed.request(day(day)).uri(), 200, "text/csv",
                    csv.toString().getBytes(StandardCharsets.UTF_8), utc(day, 30, 0)));
            assertThat(p.rows()).hasSize(24);
            // HE 3 is 02:00-03:00 EST = 07:00-08:00 UTC on both days.
            assertThat(p.rows().get(2)).isEqualTo(Row.of(Instant.parse(day + "T07:00:00Z"),
                    Instant.parse(day + "T08:00:00Z"), "MS.HUB", "hub", 23.0, 21.0, 1.0, 1.0));
            assertThat(p.rows().get(23).get(1)).isEqualTo(utc(day, 24, 0));
            assertThat(p.covered()).containsExactly(day(day));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-10", "2024-11-03"})
    void reserveRequirementDayIsTwentyFourHours(String day) throws Exception {
        String body = "[{\"forecastPeakHourEst\":\"" + day + "T18:00:00\",\"region\":\"Systemwide\","
                + "\"forecastCreatedTime\":\"" + LocalDate.parse(day).minusDays(1) + "T07:06:10\",\"strReq\":10,"
                + "\"strOverwrite\":0}]";
        Parsed p = new CsatReserveRequirement(ALL).parse(day(day), response("https://x.test/a", body, utc(day, 0, 0)));
        assertThat(p.covered()).containsExactly(day(day));
        assertThat(p.rows().get(0).get(3)).isEqualTo(Instant.parse(day + "T23:00:00Z"));
    }
}
