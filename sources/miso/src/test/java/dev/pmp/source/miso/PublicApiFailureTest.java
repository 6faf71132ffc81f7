package dev.pmp.source.miso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Failures of the public-API feeds. Each payload is a recorded fixture with one defect written into it
 * (cut in half, a value replaced, a field renamed, the list emptied).
 */
class PublicApiFailureTest {

    private static final MisoSettings DEFAULTS = MisoSettings.defaults();
    private static final String FUEL = "public-api_FuelMix_2026-10-02T1645EST.json";
    private static final String LOAD = "public-api_RealTimeTotalLoad_2026-10-02T1645EST.json";
    private static final String MCP = "public-api_MarketPricing_GetAncillaryServicesMcp_2026-10-02T1645EST.json";
    private static final String STR = "public-api_CsatNextDayShortTermReserveRequirement_2026-10-02.json";
    private static final Instant T1645 = Instant.parse("2026-10-02T21:45:00Z");

    static Stream<Arguments> feeds() {
        return Stream.of(Arguments.of(new FuelMix(DEFAULTS), FUEL), Arguments.of(new LoadActual(DEFAULTS), LOAD),
                Arguments.of(new AsPricesRealTime(DEFAULTS), MCP), Arguments.of(new CsatReserveRequirement(DEFAULTS), STR),
                Arguments.of(new CsatSupplyDemand(DEFAULTS), CsatSupplyDemandGoldenTest.FIXTURE));
    }

    private static Parsed parse(Feed feed, String body) throws SourceException {
        return feed.parse(Payloads.ANY, Payloads.response("https://x.test/api", body));
    }

    private static void assertFails(Feed feed, String body, Failure failure, String message) {
        assertThatThrownBy(() -> parse(feed, body)).isInstanceOfSatisfying(SourceException.class,
                e -> assertThat(e.failure()).isEqualTo(failure)).hasMessageContaining(message)
                .hasMessageContaining(feed.dataset().id());
    }

    @ParameterizedTest
    @MethodSource("feeds")
    void truncatedPayloadIsBadData(Feed feed, String fixture) {
        String full = Payloads.text(fixture);
        assertFails(feed, full.substring(0, full.length() / 2), Failure.BAD_DATA, "not complete JSON");
    }

    @ParameterizedTest
    @MethodSource("feeds")
    void htmlBehind200IsBadData(Feed feed, String fixture) {
        assertFails(feed, "\n<html><head><title>Service Unavailable</title></head></html>", Failure.BAD_DATA, "HTML");
    }

    @ParameterizedTest
    @MethodSource("feeds")
    void emptyBodyIsBadData(Feed feed, String fixture) {
        assertFails(feed, "  ", Failure.BAD_DATA, "empty");
    }

    @Test
    void emptyListsAreNotPublished() {
        assertFails(new FuelMix(DEFAULTS), "{\"RefId\":\"x\",\"TotalMW\":\"0\",\"Fuel\":{\"Type\":[]}}",
                Failure.NOT_PUBLISHED, "no fuel");
        assertFails(new LoadActual(DEFAULTS), "{\"LoadInfo\":{\"RefId\":\"02-Oct-2026 - Interval 00:00 EST\","
                + "\"ClearedMW\":[],\"MediumTermLoadForecast\":[],\"FiveMinTotalLoad\":[]}}", Failure.NOT_PUBLISHED,
                "no interval");
        assertFails(new CsatReserveRequirement(DEFAULTS), "[]", Failure.NOT_PUBLISHED, "empty array");
        assertFails(new AsPricesRealTime(DEFAULTS), Payloads.text(MCP).replaceFirst("\"Zone\":\\[.*?\\]\\}", "\"Zone\":[]}"),
                Failure.NOT_PUBLISHED, "no zone");
    }

    @Test
    void fuelMixNonNumberQuarantinesTheInterval() throws Exception {
        Parsed p = parse(new FuelMix(DEFAULTS), Payloads.text(FUEL).replace("\"ACT\":\"9958\"", "\"ACT\":\"abc\""));
        assertThat(p.rows()).isEmpty();
        assertThat(p.covered()).isEmpty();
        assertThat(p.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(Window.of(T1645, Duration.ofMinutes(5)));
            assertThat(q.rows()).isEqualTo(8);
            assertThat(q.reason()).contains("Nuclear at 2026-10-02 4:45:00 PM EST").contains("\"abc\" is not a number");
        });
    }

    @Test
    void fuelMixDuplicateFuelWithAnotherValueQuarantinesTheInterval() throws Exception {
        String body = Payloads.text(FUEL).replace("]}}", ",{\"INTERVALEST\":\"2026-10-02 4:45:00 PM\",\"CATEGORY\":"
                + "\"Coal\",\"ACT\":\"1\",\"FUEL_CATEGORY\":\"Coal (1 MW)\"}]}}");
        assertThat(parse(new FuelMix(DEFAULTS), body).quarantined()).extracting(Quarantine::reason).singleElement()
                .asString().contains("Coal appears twice");
    }

    @Test
    void fuelMixNewCategoryIsKeptAndNoted() throws Exception {
        String body = Payloads.text(FUEL).replace("\"CATEGORY\":\"Other\"", "\"CATEGORY\":\"Hydro\"");
        Parsed p = parse(new FuelMix(DEFAULTS), body);
        assertThat(p.rows()).extracting(r -> r.get(2)).contains("Hydro");
        assertThat(p.notes()).singleElement().asString().contains("Hydro");
    }

    @Test
    void fuelMixTotalThatDisagreesIsNoted() throws Exception {
        Parsed p = parse(new FuelMix(DEFAULTS), Payloads.text(FUEL).replace("\"TotalMW\":\"82084\"", "\"TotalMW\":\"90000\""));
        assertThat(p.rows()).hasSize(8);
        assertThat(p.notes()).singleElement().asString().contains("TotalMW 90000.0 differs");
    }

    @Test
    void fuelMixMissingFieldIsSchemaDrift() {
        assertFails(new FuelMix(DEFAULTS), Payloads.text(FUEL).replace("\"ACT\"", "\"ACTUAL\""), Failure.BAD_DATA,
                "has no field \"ACT\"");
    }

    @Test
    void loadNonNumberQuarantinesOneInterval() throws Exception {
        Parsed p = parse(new LoadActual(DEFAULTS), Payloads.text(LOAD).replace("\"Value\":\"75562\"", "\"Value\":\"n/a\""));
        Instant t0005 = Instant.parse("2026-10-02T05:05:00Z");
        assertThat(p.rows()).hasSize(201);
        assertThat(p.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(Window.of(t0005, Duration.ofMinutes(5)));
            assertThat(q.reason()).contains("FiveMinTotalLoad[1]").contains("00:05 EST").contains("\"n/a\"");
        });
        assertThat(p.covered()).containsExactly(new Window(Instant.parse("2026-10-02T05:00:00Z"), t0005),
                new Window(t0005.plusSeconds(300), Instant.parse("2026-10-02T21:50:00Z")));
    }

    @Test
    void loadDuplicatesAndDisorder() throws Exception {
        String body = Payloads.text(LOAD).replace("{\"Load\":{\"Time\":\"00:00\",\"Value\":\"75757\"}}",
                "{\"Load\":{\"Time\":\"00:05\",\"Value\":\"75562\"}},{\"Load\":{\"Time\":\"00:00\",\"Value\":\"75757\"}}");
        Parsed p = parse(new LoadActual(DEFAULTS), body);
        assertThat(p.rows()).hasSize(202);
        assertThat(p.rows().get(0).get(0)).isEqualTo(Instant.parse("2026-10-02T05:00:00Z"));
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("repeated with the same value"))
                .anySatisfy(n -> assertThat(n).contains("not in time order"));
        String conflicting = Payloads.text(LOAD).replace("{\"Load\":{\"Time\":\"00:05\",\"Value\":\"75562\"}}",
                "{\"Load\":{\"Time\":\"00:05\",\"Value\":\"75562\"}},{\"Load\":{\"Time\":\"00:05\",\"Value\":\"1\"}}");
        assertThat(parse(new LoadActual(DEFAULTS), conflicting).quarantined()).extracting(Quarantine::reason)
                .singleElement().asString().contains("listed twice");
    }

    @Test
    void loadBadRefIdIsBadData() {
        assertFails(new LoadActual(DEFAULTS), Payloads.text(LOAD).replace("02-Oct-2026", "2026-10-02"), Failure.BAD_DATA,
                "RefId");
    }

    @Test
    void asPriceNonNumberQuarantinesTheInterval() throws Exception {
        Parsed p = parse(new AsPricesRealTime(DEFAULTS), Payloads.text(MCP).replaceFirst("\"GenSpinMCP\":\"0.32\"",
                "\"GenSpinMCP\":\"abc\""));
        assertThat(p.rows()).isEmpty();
        assertThat(p.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.rows()).isEqualTo(72);
            assertThat(q.reason()).contains("zone 1").contains("genspinmcp is \"abc\"");
        });
    }

    @Test
    void asPriceCasingVariantsAreAcceptedAndUnknownFieldsNoted() throws Exception {
        String body = Payloads.text(MCP).replace("\"DemandSuppMcp\"", "\"DemandSuppMCP\"")
                .replaceFirst("\"RcpDownMcp\":\"0.00\"", "\"RcpDownMcp\":\"0.00\",\"NewMcp\":\"1\"");
        Parsed p = parse(new AsPricesRealTime(DEFAULTS), body);
        assertThat(p.rows()).hasSize(72);
        assertThat(p.notes()).singleElement().asString().contains("NewMcp");
    }

    @Test
    void asPriceMissingProductIsSchemaDriftAndRepeatedZoneIsBadData() {
        assertFails(new AsPricesRealTime(DEFAULTS), Payloads.text(MCP).replaceFirst("\"StrMcp\"", "\"Str\""),
                Failure.BAD_DATA, "has no short_term_reserve price field");
        assertFails(new AsPricesRealTime(DEFAULTS), Payloads.text(MCP).replaceFirst("\"number\":\"2\"", "\"number\":\"1\""),
                Failure.BAD_DATA, "zone 1 is listed twice");
    }

    @Test
    void reserveRequirementNonNumberIsQuarantinedAndDuplicatesChecked() throws Exception {
        Parsed p = parse(new CsatReserveRequirement(DEFAULTS), Payloads.text(STR).replaceFirst("\"strReq\":0",
                "\"strReq\":\"x\""));
        assertThat(p.rows()).hasSize(2);
        assertThat(p.quarantined()).extracting(Quarantine::reason).singleElement().asString()
                .contains("row 0 (South, 2026-10-03)");
        List<String> notes = parse(new CsatReserveRequirement(DEFAULTS), Payloads.text(STR)
                .replace("]", "," + Payloads.text(STR).substring(1, Payloads.text(STR).indexOf('}') + 1) + "]")).notes();
        assertThat(notes).singleElement().asString().contains("repeated");
        assertFails(new CsatReserveRequirement(DEFAULTS), Payloads.text(STR).replace("]",
                ",{\"forecastPeakHourEst\":\"2026-10-03T13:00:00\",\"region\":\"South\",\"forecastCreatedTime\":"
                        + "\"2026-10-02T07:06:10\",\"strReq\":5,\"strOverwrite\":0}]"), Failure.BAD_DATA, "published twice");
    }
}
