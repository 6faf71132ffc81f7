package dev.pmp.sim.elexon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import dev.pmp.spi.Window;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsightsEndpointTest {
    private static final String API = InsightsEndpoint.API_ROOT + "/datasets/";
    private final InsightsEndpoint endpoint = new InsightsEndpoint(Duration.ofMinutes(1));

    private SimResponse get(String path, Map<String, String> query, String now, List<Window> withheld, SimRequest.Variant variant) {
        return endpoint.answer(new SimRequest(API + path, query, Map.of(), Instant.parse(now), withheld, variant));
    }

    private static String text(SimResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static int count(String body, String needle) {
        int n = 0;
        for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void fuelhhServesTheFallBackDaysFiftyPeriodsAsABareArray() {
        SimResponse r = get("FUELHH/stream", Map.of("settlementDateFrom", "2024-10-27", "settlementDateTo", "2024-10-27"),
                "2024-10-28T06:00:00Z", List.of(), SimRequest.Variant.NORMAL);
        String body = text(r);
        assertThat(r.status()).isEqualTo(200);
        assertThat(body).startsWith("[{\"dataset\":\"FUELHH\",\"publishTime\":\"2024-10-26T23:30:00Z\",\"startTime\":\"2024-10-26T23:00:00Z\","
                + "\"settlementDate\":\"2024-10-27\",\"settlementPeriod\":1,\"fuelType\":\"BIOMASS\",\"generation\":");
        assertThat(count(body, "\"fuelType\":\"CCGT\"")).isEqualTo(50);
        assertThat(body).contains("\"startTime\":\"2024-10-27T23:30:00Z\",\"settlementDate\":\"2024-10-27\",\"settlementPeriod\":50");
    }

    @Test
    void onlyWhatIsPublishedByNowAndNotWithheldIsServed() {
        Window withheld = new Window(Instant.parse("2024-05-01T10:05:00Z"), Instant.parse("2024-05-01T10:10:00Z"));
        String body = text(get("FUELINST/stream", Map.of("settlementDateFrom", "2024-05-01", "settlementDateTo", "2024-05-01"),
                "2024-05-01T10:21:00Z", List.of(withheld), SimRequest.Variant.NORMAL));
        // Starts from 23:00Z (the settlement day's start) to 10:15Z, whose row is published at 10:20 = now - 1 min lag:
        // 136 five-minute starts, one withheld.
        assertThat(count(body, "\"fuelType\":\"NUCLEAR\"")).isEqualTo(136 - 1);
        assertThat(body).doesNotContain("\"startTime\":\"2024-05-01T10:05:00Z\"").contains("\"startTime\":\"2024-05-01T10:15:00Z\"")
                .doesNotContain("\"startTime\":\"2024-05-01T10:20:00Z\"");
    }

    @Test
    void midPeriodFiltersMakeFromAndToSettlementDates() {
        String body = text(get("MID/stream", Map.of("from", "2024-05-01T00:00Z", "to", "2024-05-02T00:00Z",
                "settlementPeriodFrom", "47", "settlementPeriodTo", "1"), "2024-05-03T00:00:00Z", List.of(), SimRequest.Variant.NORMAL));
        assertThat(count(body, "\"dataProvider\":\"APXMIDP\"")).isEqualTo(3);
        assertThat(body).contains("\"startTime\":\"2024-05-01T22:00:00Z\"", "\"startTime\":\"2024-05-01T23:00:00Z\",\"dataProvider\":\"APXMIDP\","
                + "\"settlementDate\":\"2024-05-02\",\"settlementPeriod\":1,\"price\":" + InsightsEndpoint.price(Instant.parse("2024-05-01T23:00:00Z")));
    }

    @Test
    void indoIsEnvelopedAndFilteredByPublishTime() {
        String body = text(get("INDO", Map.of("publishDateTimeFrom", "2024-05-01T10:00:00Z", "publishDateTimeTo", "2024-05-01T10:59:59Z",
                "format", "json"), "2024-05-02T00:00:00Z", List.of(), SimRequest.Variant.NORMAL));
        assertThat(body).startsWith("{\"data\":[{\"dataset\":\"INDO\",\"publishTime\":\"2024-05-01T10:03:00Z\",\"startTime\":\"2024-05-01T09:30:00Z\"");
        assertThat(count(body, "\"dataset\":\"INDO\"")).isEqualTo(2);
    }

    @Test
    void remitPublishesThreeRevisionsAnHour() {
        String body = text(get("REMIT/stream", Map.of("publishDateTimeFrom", "2024-05-01T10:00:00Z", "publishDateTimeTo", "2024-05-01T10:59:59Z"),
                "2024-05-02T00:00:00Z", List.of(), SimRequest.Variant.NORMAL));
        assertThat(count(body, "\"revisionNumber\":")).isEqualTo(3);
        assertThat(body).contains("\"revisionNumber\":1,\"publishTime\":\"2024-05-01T10:00:00Z\"", "\"revisionNumber\":3,\"publishTime\":\"2024-05-01T10:40:00Z\"",
                "\"outageProfile\":[{");
    }

    @Test
    void variantsAndErrors() {
        Map<String, String> q = Map.of("measurementDateTimeFrom", "2024-05-01T10:00:00Z", "measurementDateTimeTo", "2024-05-01T10:00:59Z");
        assertThat(count(text(get("FREQ/stream", q, "2024-05-02T00:00:00Z", List.of(), SimRequest.Variant.NORMAL)), "measurementTime")).isEqualTo(4);
        assertThat(text(get("FREQ/stream", q, "2024-05-02T00:00:00Z", List.of(), SimRequest.Variant.EMPTY_DATA))).isEqualTo("[]");
        assertThat(text(get("FREQ/stream", q, "2024-05-02T00:00:00Z", List.of(), SimRequest.Variant.NOT_A_NUMBER)))
                .startsWith("[{\"dataset\":\"FREQ\",\"measurementTime\":\"2024-05-01T10:00:00Z\",\"frequency\":\"abc\"}");
        SimResponse bad = get("FREQ/stream", Map.of(), "2024-05-02T00:00:00Z", List.of(), SimRequest.Variant.NORMAL);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(text(bad)).contains("\"status\":400", "measurementDateTimeFrom");
        SimResponse mixed = get("FUELINST/stream", Map.of("publishDateTimeFrom", "2024-05-01T10:00:00Z", "settlementDateFrom", "2024-05-01",
                "settlementDateTo", "2024-05-01"), "2024-05-02T00:00:00Z", List.of(), SimRequest.Variant.NORMAL);
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(get("NOPE", Map.of(), "2024-05-02T00:00:00Z", List.of(), SimRequest.Variant.NORMAL).status()).isEqualTo(404);
    }
}
