package dev.pmp.sim.neso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import dev.pmp.spi.Window;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NesoEndpointTest {

    private static final Instant NOW = Instant.parse("2024-11-05T10:10:00Z");

    private final NesoEndpoint endpoint = new NesoEndpoint();

    @Test
    void packageShowListsAResourcePerYearUpToNow() {
        String body = text(get("api/3/action/package_show", Map.of("id", "historic-demand-data")));
        assertThat(body).startsWith("{\"help\"").contains("\"success\":true", "\"name\":\"historic-demand-data\"",
                "\"Historic Demand Data 2009\"", "\"Historic Demand Data 2024\"", PortalTables.demandResource(2024),
                "\"last_modified\":\"2024-11-05T10:10:00.000000\"", "\"last_modified\":\"2024-01-10T09:00:00.000000\"")
                .doesNotContain("Historic Demand Data 2025");
        assertThat(get("api/3/action/package_show", Map.of("id", "nope")).status()).isEqualTo(404);
    }

    @Test
    void datastoreSearchPagesAtRowsMaxWithARelativeNextLinkAndTheTotal() {
        String resource = PortalTables.demandResource(2024);
        String body = text(get("api/3/action/datastore_search", Map.of("resource_id", resource, "limit", "20000", "sort", "_id")));
        // 2024-01-01 .. 2024-11-04: 309 days, one of 46 and one of 50 periods.
        long total = 309L * 48;
        assertThat(body).contains("\"total\":" + total, "\"offset\":0",
                "\"next\":\"/neso/api/3/action/datastore_search?resource_id=" + resource + "&limit=20000&sort=_id&offset=5000\"",
                "{\"_id\":1,\"SETTLEMENT_DATE\":\"2024-01-01\",\"SETTLEMENT_PERIOD\":1,\"ND\":20000,");
        assertThat(count(body, "\"_id\":")).isEqualTo(5000);

        String last = text(get("api/3/action/datastore_search", Map.of("resource_id", resource, "limit", "20000", "offset", "10000")));
        assertThat(count(last, "\"_id\":")).isEqualTo((int) (total - 10000));
        assertThat(last).contains("\"SETTLEMENT_DATE\":\"2024-11-04\",\"SETTLEMENT_PERIOD\":48,");
    }

    @Test
    void theFallBackDayHas50PeriodsAndWithheldHalfHoursAreLeftOut() {
        String resource = PortalTables.demandResource(2024);
        SimRequest r = new SimRequest("/neso/api/3/action/datastore_search", Map.of("resource_id", resource, "limit", "5000",
                "offset", "14100"), Map.of(), NOW, List.of(Window.of(Instant.parse("2024-10-27T01:00:00Z"), Duration.ofHours(1))),
                SimRequest.Variant.NORMAL);
        String body = text(endpoint.answer(r));
        assertThat(body).contains("\"SETTLEMENT_DATE\":\"2024-10-27\",\"SETTLEMENT_PERIOD\":50,",
                "\"SETTLEMENT_DATE\":\"2024-10-27\",\"SETTLEMENT_PERIOD\":4,")
                .doesNotContain("\"SETTLEMENT_DATE\":\"2024-10-27\",\"SETTLEMENT_PERIOD\":5,",
                        "\"SETTLEMENT_DATE\":\"2024-10-27\",\"SETTLEMENT_PERIOD\":6,")
                .contains("\"total\":" + (309L * 48 - 2));
    }

    @Test
    void sqlNeedsExplicitColumnsAndAnswersTheWindow() {
        String star = "SELECT * FROM \"" + PortalTables.GENERATION_MIX + "\" LIMIT 10 OFFSET 0";
        SimResponse refused = get("api/3/action/datastore_search_sql", Map.of("sql", star));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(text(refused)).contains("\"success\":false", "no *");

        String sql = "SELECT \"DATETIME\",\"GAS\" FROM \"" + PortalTables.GENERATION_MIX + "\" WHERE \"DATETIME\" >= "
                + "'2024-11-05 07:00:00' AND \"DATETIME\" < '2024-11-05 12:00:00' ORDER BY \"DATETIME\" LIMIT 10000 OFFSET 0";
        String body = text(get("api/3/action/datastore_search_sql", Map.of("sql", sql)));
        // Published up to an hour ago: 07:00 .. 08:30 starts.
        assertThat(count(body, "\"DATETIME\":\"")).isEqualTo(4);
        assertThat(body).contains("{\"DATETIME\":\"2024-11-05T07:00:00\",\"GAS\":1014.0}").doesNotContain("_id\":1");

        SimRequest nan = new SimRequest("/neso/api/3/action/datastore_search_sql", Map.of("sql", sql), Map.of(), NOW, List.of(),
                SimRequest.Variant.NOT_A_NUMBER);
        assertThat(text(endpoint.answer(nan))).contains("{\"DATETIME\":\"2024-11-05T07:00:00\",\"GAS\":\"abc\"}");
        SimRequest empty = new SimRequest("/neso/api/3/action/datastore_search_sql", Map.of("sql", sql), Map.of(), NOW, List.of(),
                SimRequest.Variant.EMPTY_DATA);
        assertThat(text(endpoint.answer(empty))).contains("\"records\":[]");
    }

    @Test
    void theEmbeddedForecastEchoesTheVintageConstant() {
        String sql = "SELECT '2024-11-05T10:00:00Z' AS \"PMP_VINTAGE\",\"DATE_GMT\",\"TIME_GMT\",\"SETTLEMENT_DATE\","
                + "\"SETTLEMENT_PERIOD\" FROM \"" + PortalTables.EMBEDDED_LIVE + "\" ORDER BY \"_id\" LIMIT 10000 OFFSET 0";
        String body = text(get("api/3/action/datastore_search_sql", Map.of("sql", sql)));
        assertThat(body).contains("{\"PMP_VINTAGE\":\"2024-11-05T10:00:00Z\",\"DATE_GMT\":\"2024-11-05T00:00:00\","
                + "\"TIME_GMT\":\"10:30\",\"SETTLEMENT_DATE\":\"2024-11-05T00:00:00\",\"SETTLEMENT_PERIOD\":21}");
        assertThat(count(body, "PMP_VINTAGE\":")).isEqualTo(96);
    }

    @Test
    void carbonIntensityIncludesTheHalfHourEndingAtFrom() {
        String national = text(get("carbonintensity/intensity/2024-11-05T09:00Z/2024-11-05T11:00Z", Map.of()));
        assertThat(national).startsWith("{\"data\":[{\"from\":\"2024-11-05T08:30Z\",\"to\":\"2024-11-05T09:00Z\","
                + "\"intensity\":{\"forecast\":167,\"actual\":165,\"index\":\"moderate\"}}")
                .contains("{\"from\":\"2024-11-05T10:00Z\",\"to\":\"2024-11-05T10:30Z\",\"intensity\":{\"forecast\":170,\"actual\":null");
        assertThat(count(national, "\"from\"")).isEqualTo(5);

        String regional = text(get("carbonintensity/regional/intensity/2024-11-05T09:00Z/2024-11-05T09:30Z", Map.of()));
        assertThat(count(regional, "\"regionid\"")).isEqualTo(36);
        assertThat(regional).contains("{\"regionid\":13,\"dnoregion\":\"London\",\"shortname\":\"London\",\"intensity\":"
                + "{\"forecast\":" + NesoEndpoint.regionalForecast(13, Instant.parse("2024-11-05T09:00:00Z")));
        assertThat(get("carbonintensity/intensity/yesterday/today", Map.of()).status()).isEqualTo(400);
    }

    private SimResponse get(String path, Map<String, String> query) {
        return endpoint.answer(new SimRequest("/neso/" + path, query, Map.of(), NOW, List.of(), SimRequest.Variant.NORMAL));
    }

    private static String text(SimResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
