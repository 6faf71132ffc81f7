package dev.pmp.sim.ercotapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import dev.pmp.sim.Simulator;
import dev.pmp.sim.SimulatorSettings;
import dev.pmp.spi.Window;
import dev.pmp.testkit.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The Public API fake: authentication, throttling, query pages, archive, bundles, DST labels, variants. */
class ErcotApiEndpointTest {

    private static final Instant NOW = Instant.parse("2026-02-15T18:00:00Z");
    private static final Map<String, String> AUTH = Map.of("authorization", "Bearer " + ErcotApiEndpoint.DEFAULT_TOKEN,
            "ocp-apim-subscription-key", ErcotApiEndpoint.DEFAULT_KEY);

    private final ErcotApiEndpoint endpoint = new ErcotApiEndpoint();

    private SimResponse get(String path, Map<String, String> query) {
        return get(path, query, AUTH, List.of(), SimRequest.Variant.NORMAL, NOW);
    }

    private SimResponse get(String path, Map<String, String> query, Map<String, String> headers, List<Window> withheld,
            SimRequest.Variant variant, Instant now) {
        return endpoint.answer(new SimRequest(ErcotApiEndpoint.BASE + path, query, headers, now, withheld, variant));
    }

    private static String text(SimResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void refusesMissingOrWrongCredentials() {
        Map<String, String> q = Map.of("deliveryDateFrom", "2026-02-01", "deliveryDateTo", "2026-02-01");
        SimResponse none = get("/np6-905-cd/spp_node_zone_hub", q, Map.of(), List.of(), SimRequest.Variant.NORMAL, NOW);
        assertThat(none.status()).isEqualTo(401);
        assertThat(text(none)).contains("\"error_key\":\"unauthorized\"");
        Map<String, String> keyOnly = Map.of("ocp-apim-subscription-key", ErcotApiEndpoint.DEFAULT_KEY);
        assertThat(get("/np6-905-cd/spp_node_zone_hub", q, keyOnly, List.of(), SimRequest.Variant.NORMAL, NOW).status())
                .isEqualTo(401);
        Map<String, String> wrongToken = Map.of("authorization", "Bearer other", "ocp-apim-subscription-key",
                ErcotApiEndpoint.DEFAULT_KEY);
        assertThat(get("/np6-905-cd/spp_node_zone_hub", q, wrongToken, List.of(), SimRequest.Variant.NORMAL, NOW)
                .status()).isEqualTo(401);
        assertThat(get("/np6-905-cd/spp_node_zone_hub", q).status()).isEqualTo(200);
    }

    @Test
    void answersTheSignInForm() {
        Map<String, String> form = Map.of("grant_type", "password", "username", "me@example.com", "password", "pw",
                "scope", "openid " + ErcotApiEndpoint.CLIENT_ID + " offline_access", "client_id", ErcotApiEndpoint.CLIENT_ID,
                "response_type", "id_token");
        SimResponse ok = endpoint.answer(new SimRequest(ErcotApiEndpoint.TOKEN_PATH, form, Map.of(), NOW, List.of(),
                SimRequest.Variant.NORMAL));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(text(ok)).contains("\"id_token\":\"" + ErcotApiEndpoint.DEFAULT_TOKEN + "\"");
        Map<String, String> bad = new HashMap<>(form);
        bad.put("password", "");
        SimResponse refused = endpoint.answer(new SimRequest(ErcotApiEndpoint.TOKEN_PATH, bad, Map.of(), NOW, List.of(),
                SimRequest.Variant.NORMAL));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(text(refused)).contains("invalid_grant");
    }

    @Test
    void throttlesTheThirtyFirstCallOfAMinute() {
        for (int i = 0; i < ErcotApiEndpoint.LIMIT; i++) {
            assertThat(get("/bundle/np6-905-cd", Map.of()).status()).isEqualTo(200);
        }
        SimResponse refused = get("/bundle/np6-905-cd", Map.of());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(text(refused)).contains("\"error_key\":\"throttled\"");
        assertThat(get("/bundle/np6-905-cd", Map.of(), AUTH, List.of(), SimRequest.Variant.NORMAL,
                NOW.plusSeconds(61)).status()).isEqualTo(200);
    }

    @Test
    void pagesTheQueryEndpoint() {
        Map<String, String> q = new HashMap<>(Map.of("deliveryDateFrom", "2026-02-01", "deliveryDateTo", "2026-02-01",
                "size", "1000", "page", "3"));
        String page = text(get("/np6-905-cd/spp_node_zone_hub", q));
        // 96 intervals x 28 points = 2688 rows: pages of 1000, 1000, 688
        assertThat(page).contains("\"totalRecords\":2688", "\"totalPages\":3", "\"currentPage\":3");
        assertThat(count(page, "\\[\"2026-02-01\"")).isEqualTo(688);
        q.put("page", "1");
        assertThat(text(get("/np6-905-cd/spp_node_zone_hub", q)))
                .contains("[\"2026-02-01\",1,1,\"7RNCHSLR_ALL\",\"RN\",");
    }

    @Test
    void listsAndServesPostings() throws IOException {
        // 2026-02-15 11:45..12:00 CST = 17:45..18:00Z is posted at 18:02Z: not yet at NOW.
        String listing = text(get("/archive/np6-905-cd", Map.of("postDatetimeFrom", "2026-02-15T10:00:00",
                "postDatetimeTo", "2026-02-15T12:00:00")));
        assertThat(listing).contains("\"totalRecords\":8", "\"friendlyName\":\"SPPHLZNP6905_20260215_1145\"");
        assertThat(listing.indexOf("20260215_1145")).isLessThan(listing.indexOf("20260215_1000"));
        long docId = SppPostings.docId(Instant.parse("2026-02-15T17:30:00Z"));
        SimResponse zip = get("/archive/np6-905-cd", Map.of("download", Long.toString(docId)));
        Map<String, String> files = unzip(zip.body());
        assertThat(files).containsOnlyKeys(
                "cdr.00012301.0000000000000000.20260215.114700.SPPHLZNP6905_20260215_1145.csv");
        String csv = files.values().iterator().next();
        assertThat(csv).startsWith(SppPostings.HEADER + "\r\n02/15/2026,12,3,7RNCHSLR_ALL,RN,");
        assertThat(csv.split("\r\n")).hasSize(29);
        long notYet = SppPostings.docId(Instant.parse("2026-02-15T17:45:00Z"));
        assertThat(get("/archive/np6-905-cd", Map.of("download", Long.toString(notYet))).status()).isEqualTo(404);
    }

    @Test
    void bundlesWholeMonthsTwoMonthsLater() throws IOException {
        String listing = text(get("/bundle/np6-905-cd", Map.of()));
        assertThat(listing).contains("\"friendlyName\":\"SPPHLZNP6905_2025-12\"").doesNotContain("2026-01\"");
        Matcher m = Pattern.compile("\"docId\":(\\d+),\"friendlyName\":\"SPPHLZNP6905_2025-11\"").matcher(listing);
        assertThat(m.find()).isTrue();
        SimResponse bundle = get("/bundle/np6-905-cd", Map.of("download", m.group(1)));
        Map<String, byte[]> postings = unzipBytes(bundle.body());
        // November 2025 has the fall-back day: 30 x 96 + 4 intervals
        assertThat(postings).hasSize(2884);
        List<String> fallBack = new ArrayList<>();
        for (byte[] inner : postings.values()) {
            String csv = unzip(inner).values().iterator().next();
            String first = csv.split("\r\n")[1];
            if (first.startsWith("11/02/2025,2,")) {
                fallBack.add(first.substring(0, 15) + first.substring(first.length() - 1));
            }
        }
        assertThat(fallBack).containsExactly("11/02/2025,2,1,N", "11/02/2025,2,2,N", "11/02/2025,2,3,N",
                "11/02/2025,2,4,N", "11/02/2025,2,1,Y", "11/02/2025,2,2,Y", "11/02/2025,2,3,Y", "11/02/2025,2,4,Y");
    }

    @Test
    void labelsTheSpringForwardDayWithoutHourThree() {
        Instant day = Instant.parse("2026-03-08T06:00:00Z");
        List<Integer> hours = new ArrayList<>();
        for (Instant s = day; s.isBefore(day.plus(Duration.ofHours(23))); s = s.plus(SppPostings.INTERVAL)) {
            SppPostings.Labels l = SppPostings.labels(s);
            assertThat(l.date()).isEqualTo("03/08/2026");
            assertThat(l.repeated()).isFalse();
            hours.add(l.hour());
        }
        assertThat(hours).hasSize(92).doesNotContain(3).contains(2, 4);
        assertThat(SppPostings.labels(Instant.parse("2026-03-08T08:00:00Z")).hour()).isEqualTo(4);
    }

    @Test
    void leavesWithheldIntervalsOutAndHonoursVariants() {
        Map<String, String> q = Map.of("deliveryDateFrom", "2026-02-01", "deliveryDateTo", "2026-02-01");
        Window hour = Window.of(Instant.parse("2026-02-01T06:00:00Z"), Duration.ofHours(1));
        String withheld = text(get("/np6-905-cd/spp_node_zone_hub", q, AUTH, List.of(hour), SimRequest.Variant.NORMAL,
                NOW));
        assertThat(withheld).contains("\"totalRecords\":2576");
        assertThat(text(get("/np6-905-cd/spp_node_zone_hub", q, AUTH, List.of(), SimRequest.Variant.EMPTY_DATA, NOW)))
                .contains("\"totalRecords\":0", "\"data\":[]");
        assertThat(text(get("/np6-905-cd/spp_node_zone_hub", q, AUTH, List.of(), SimRequest.Variant.NOT_A_NUMBER, NOW)))
                .contains("\"RN\",\"abc\",false]");
        assertThat(get("/np6-905-cd/spp_node_zone_hub", Map.of()).status()).isEqualTo(400);
        assertThat(get("/np9-999-cd/nothing", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void servesThroughTheSimulator() throws Exception {
        try (Simulator sim = Simulator.start(new ManualClock(NOW), 0, SimulatorSettings.defaults(),
                List.of(new ErcotApiEndpoint()))) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.uri(ErcotApiEndpoint.BASE) + "/bundle/np6-905-cd"));
            AUTH.forEach(b::header);
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("SPPHLZNP6905_2025-12");
            assertThat(sim.requestCounts()).containsEntry(ErcotApiEndpoint.BASE + "/bundle/np6-905-cd", 1L);
        }
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Map<String, byte[]> unzipBytes(byte[] zip) throws IOException {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        unzipBytes(zip).forEach((k, v) -> out.put(k, new String(v, StandardCharsets.US_ASCII)));
        return out;
    }
}
