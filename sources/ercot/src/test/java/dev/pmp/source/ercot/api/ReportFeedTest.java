package dev.pmp.source.ercot.api;

import static dev.pmp.source.ercot.api.ApiPayloads.SETTINGS;
import static dev.pmp.source.ercot.api.ApiPayloads.ascii;
import static dev.pmp.source.ercot.api.ApiPayloads.resource;
import static dev.pmp.source.ercot.api.ApiPayloads.response;
import static dev.pmp.source.ercot.api.ApiPayloads.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.source.ercot.report.ErcotReport;
import dev.pmp.spi.Failure;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Routes, query paging, bundles and failures of {@link ReportFeed}, on the recorded pit-lake samples. */
class ReportFeedTest {

    private static final ReportFeed RT = new ReportFeed(ErcotReport.NP6_905_CD, SETTINGS);
    /** The operating day 2026-09-28 (CDT). */
    private static final Window DAY = Window.of(Instant.parse("2026-09-28T05:00:00Z"), Duration.ofDays(1));
    /** September 2026 in Central Prevailing Time. */
    private static final Window SEPTEMBER = new Window(Instant.parse("2026-09-01T05:00:00Z"),
            Instant.parse("2026-10-01T05:00:00Z"));

    @Test
    void queriesADayWithAuthenticationOnTheApiBudget() {
        FetchRequest r = RT.request(DAY);
        assertThat(r.uri()).isEqualTo(URI.create("https://api.example/pr/np6-905-cd/spp_node_zone_hub?"
                + "deliveryDateFrom=2026-09-28&deliveryDateTo=2026-09-28&page=1&size=1000"));
        assertThat(r.authenticated()).isTrue();
        assertThat(r.budget()).contains("api");
        assertThat(new ReportFeed(ErcotReport.NP6_345_CD, SETTINGS).request(DAY).uri().getQuery())
                .startsWith("operatingDayFrom=2026-09-28&operatingDayTo=2026-09-28&");
    }

    @Test
    void queriesScedReportsWithLocalTimestampsAnHourWider() {
        Window w = Window.of(Instant.parse("2026-09-28T17:00:00Z"), Duration.ofMinutes(15));
        assertThat(new ReportFeed(ErcotReport.NP6_788_CD, SETTINGS).request(w).uri().getQuery()).isEqualTo(
                "SCEDTimestampFrom=2026-09-28T11:00:00&SCEDTimestampTo=2026-09-28T13:15:00&page=1&size=1000");
    }

    @Test
    void readsMonthsFromBundlesAndShortOldWindowsInBulk() {
        assertThat(RT.request(SEPTEMBER).uri()).isEqualTo(URI.create("https://api.example/pr/bundle/np6-905-cd"));
        Window old = Window.of(Instant.parse("2023-12-01T06:00:00Z"), Duration.ofDays(1));
        assertThat(ReportFeed.bundleRoute(old)).isFalse();
        assertThat(RT.bulkRoute(old)).isTrue();
        assertThat(RT.request(old).uri().getPath()).isEqualTo("/pr/archive/np6-905-cd");
        assertThat(ReportFeed.bundleRoute(DAY)).isFalse();
        assertThat(RT.bulkRoute(DAY)).isFalse();
    }

    @Test
    void recordedQueryPageCoversTheWindowUpToItsNewestInterval() throws Exception {
        Parsed p = RT.parse(DAY, response("https://api.example/pr/np6-905-cd/spp_node_zone_hub?page=1",
                resource("api/np6-905-cd.json")));
        assertThat(p.rows()).hasSize(56);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(Instant.parse("2026-09-28T05:00:00Z"),
                Instant.parse("2026-09-28T05:15:00Z"), "LGE_LGE_STG", "PCCRN", 45.05, "node"));
        assertThat(p.next()).isEmpty();
        // two intervals of the day were published: the rest stays missing and is asked for again
        assertThat(p.covered()).containsExactly(new Window(DAY.start(), Instant.parse("2026-09-28T05:30:00Z")));
    }

    @Test
    void recordedPageLeavesRowsOutsideTheWindowOut() throws Exception {
        Window second = Window.of(Instant.parse("2026-09-28T05:15:00Z"), Duration.ofMinutes(45));
        Parsed p = RT.parse(second, response("https://x/", resource("api/np6-905-cd.json")));
        assertThat(p.rows()).hasSize(28).allSatisfy(r -> assertThat(r.instant(0)).isEqualTo(second.start()));
        assertThat(p.covered()).containsExactly(Window.of(second.start(), Duration.ofMinutes(15)));
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("28 row(s) outside"));
    }

    /** 2026-09-29 11:00-11:15 CDT, the recorded posting SPPHLZNP6905_20260929_1115. */
    private static final Window RECORDED_INTERVAL = Window.of(Instant.parse("2026-09-29T16:00:00Z"), Duration.ofMinutes(15));

    @Test
    void readsOneIntervalFromItsArchivePosting() throws Exception {
        assertThat(RT.request(RECORDED_INTERVAL).uri()).isEqualTo(URI.create("https://api.example/pr/archive/np6-905-cd?"
                + "postDatetimeFrom=2026-09-29T11:15:00&postDatetimeTo=2026-09-29T12:15:00&size=1000&page=1"));
        String listing = "{\"_meta\":{\"totalRecords\":3,\"totalPages\":1,\"currentPage\":1},\"product\":{},\"archives\":["
                + "{\"docId\":1280437790,\"friendlyName\":\"SPPHLZNP6905_20260929_1130\",\"postDatetime\":\"2026-09-29T11:32:01.000\"},"
                + "{\"docId\":1280437734,\"friendlyName\":\"SPPHLZNP6905_20260929_1115\",\"postDatetime\":\"2026-09-29T11:17:01.000\"}]}";
        Parsed l = RT.parse(RECORDED_INTERVAL, response("https://x/", listing));
        assertThat(l.rows()).isEmpty();
        assertThat(l.covered()).isEmpty();
        assertThat(l.next()).map(FetchRequest::uri)
                .contains(URI.create("https://api.example/pr/archive/np6-905-cd?download=1280437734"));
        Parsed p = RT.parse(RECORDED_INTERVAL, response("https://api.example/pr/archive/np6-905-cd?download=1280437734",
                zip("cdr.00012301.0000000000000000.20260929.111701.SPPHLZNP6905_20260929_1115.csv",
                        resource("archive/np6-905-cd.csv"))));
        assertThat(p.rows()).hasSize(28);
        assertThat(p.rows().get(27)).isEqualTo(Row.of(Instant.parse("2026-09-29T16:00:00Z"),
                Instant.parse("2026-09-29T16:15:00Z"), "LZ_WEST", "LZEW", 20.12, "load_zone"));
        assertThat(p.covered()).containsExactly(RECORDED_INTERVAL);
        assertThat(p.next()).isEmpty();
    }

    @Test
    void anUnlistedOrWrongPostingFails() throws Exception {
        String listing = "{\"_meta\":{\"totalRecords\":1,\"totalPages\":1,\"currentPage\":1},\"product\":{},\"archives\":["
                + "{\"docId\":1280437790,\"friendlyName\":\"SPPHLZNP6905_20260929_1130\",\"postDatetime\":\"2026-09-29T11:32:01.000\"}]}";
        assertFailure(() -> RT.parse(RECORDED_INTERVAL, response("https://x/", listing)), Failure.NOT_PUBLISHED,
                "SPPHLZNP6905_20260929_1115 not listed yet");
        Window other = Window.of(Instant.parse("2026-09-29T16:15:00Z"), Duration.ofMinutes(15));
        assertFailure(() -> RT.parse(other, response("https://x/", zip("a.csv", resource("archive/np6-905-cd.csv")))),
                Failure.BAD_DATA, "holds no rows for");
        assertFailure(() -> RT.parse(other, response("https://x/", "{\"_links\":{}}")), Failure.BAD_DATA, "no _meta");
    }

    /** Both passes of the fall-back hour carry the same name: the first pass takes the older document. */
    @Test
    void fallBackPostingsAreToldApartByDocumentOrder() throws Exception {
        String listing = "{\"_meta\":{\"totalRecords\":2,\"totalPages\":1,\"currentPage\":1},\"product\":{},\"archives\":["
                + "{\"docId\":502,\"friendlyName\":\"SPPHLZNP6905_20251102_0115\",\"postDatetime\":\"2025-11-02T01:17:01.000\"},"
                + "{\"docId\":501,\"friendlyName\":\"SPPHLZNP6905_20251102_0115\",\"postDatetime\":\"2025-11-02T01:17:01.000\"}]}";
        Window daylight = Window.of(Instant.parse("2025-11-02T06:00:00Z"), Duration.ofMinutes(15));
        Window standard = Window.of(Instant.parse("2025-11-02T07:00:00Z"), Duration.ofMinutes(15));
        assertThat(RT.parse(daylight, response("https://x/", listing)).next().orElseThrow().uri().getQuery())
                .isEqualTo("download=501");
        assertThat(RT.parse(standard, response("https://x/", listing)).next().orElseThrow().uri().getQuery())
                .isEqualTo("download=502");
        String csv = "DeliveryDate,DeliveryHour,DeliveryInterval,SettlementPointName,SettlementPointType,"
                + "SettlementPointPrice,DSTFlag\r\n11/02/2025,2,1,HB_NORTH,HU,18.5,Y\r\n";
        Parsed p = RT.parse(standard, response("https://x/", zip("b.csv", ascii(csv))));
        assertThat(p.rows()).containsExactly(Row.of(standard.start(), standard.end(), "HB_NORTH", "HU", 18.5, "hub"));
        assertFailure(() -> RT.parse(daylight, response("https://x/", zip("b.csv", ascii(csv)))), Failure.BAD_DATA,
                "holds no rows");
    }

    @Test
    void followsPagesThroughNext() throws Exception {
        String page = new String(resource("api/np6-905-cd.json"), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"_meta\":{\"totalRecords\":2500,\"pageSize\":1000,\"totalPages\":3,\"currentPage\":2},");
        Parsed p = RT.parse(DAY, response("https://x/", page));
        assertThat(p.rows()).hasSize(56);
        assertThat(p.covered()).isEmpty();
        assertThat(p.next()).map(FetchRequest::uri).contains(URI.create("https://api.example/pr/np6-905-cd/"
                + "spp_node_zone_hub?deliveryDateFrom=2026-09-28&deliveryDateTo=2026-09-28&page=3&size=1000"));
        assertThat(p.next().orElseThrow().authenticated()).isTrue();
    }

    @Test
    void refusesAServerThatIgnoresThePageAskedFor() throws Exception {
        String page = new String(resource("api/np6-905-cd.json"), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"_meta\":{\"totalRecords\":2500,\"pageSize\":1000,\"totalPages\":3,\"currentPage\":1},");
        assertFailure(() -> RT.parse(DAY, response("https://api.example/pr/np6-905-cd/spp_node_zone_hub?page=2&size=1000",
                page)), Failure.BAD_DATA, "asked for page 2, got page 1 of 3");
    }

    @Test
    void aDownloadMustBeAZip() {
        String listing = "{\"_meta\":{\"totalRecords\":0},\"product\":{}}";
        assertFailure(() -> RT.parse(SEPTEMBER, response("https://api.example/pr/bundle/np6-905-cd?download=9002", listing)),
                Failure.BAD_DATA, "not a zip");
        String notReady = "{\"timestamp\":\"2026-09-29T11:16:00\",\"code\":404,\"status\":\"NOT_FOUND\","
                + "\"message\":\"Document not available\",\"data\":{}}";
        assertFailure(() -> RT.parse(RECORDED_INTERVAL, response("https://api.example/pr/archive/np6-905-cd?download=1",
                notReady)), Failure.NOT_PUBLISHED, "Document not available");
    }

    @Test
    void anEmptyPageIsNotPublishedYet() {
        String empty = "{\"_meta\":{\"totalRecords\":0,\"pageSize\":1000,\"totalPages\":0,\"currentPage\":1},"
                + "\"fields\":[{\"name\":\"deliveryDate\"},{\"name\":\"deliveryHour\"},{\"name\":\"deliveryInterval\"},"
                + "{\"name\":\"settlementPoint\"},{\"name\":\"settlementPointType\"},{\"name\":\"settlementPointPrice\"},"
                + "{\"name\":\"DSTFlag\"}],\"data\":[]}";
        assertFailure(() -> RT.parse(DAY, response("https://x/", empty)), Failure.NOT_PUBLISHED, "no rows");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"error_key\":\"throttled\",\"error_message\":\"Too Many Requests\"}|TRANSIENT",
        "{\"error_key\":\"unauthorized\",\"error_message\":\"Access denied\"}|CONFIG",
        "{\"timestamp\":\"2026-09-28T12:00:00\",\"code\":404,\"status\":\"NOT_FOUND\",\"message\":\"not ready\",\"data\":{}}|NOT_PUBLISHED",
        "{\"timestamp\":\"2026-09-28T12:00:00\",\"code\":400,\"status\":\"BAD_REQUEST\",\"message\":\"not downloadable\",\"data\":{}}|NOT_PUBLISHED",
        "{\"timestamp\":\"2026-09-28T12:00:00\",\"code\":403,\"status\":\"FORBIDDEN\",\"message\":\"no access\",\"data\":{}}|CONFIG",
        "{\"timestamp\":\"2026-09-28T12:00:00\",\"code\":503,\"status\":\"UNAVAILABLE\",\"message\":\"later\",\"data\":{}}|TRANSIENT"})
    void classifiesErcotErrorDocumentsBehindA200(String caseText) {
        String[] parts = caseText.split("\\|");
        assertFailure(() -> RT.parse(DAY, response("https://x/", parts[0])), Failure.valueOf(parts[1]), "ERCOT API");
        assertFailure(() -> RT.parse(SEPTEMBER, response("https://x/", parts[0])), Failure.valueOf(parts[1]), "ERCOT API");
    }

    @Test
    void refusesHtmlTruncatedAndDriftedPages() throws Exception {
        assertFailure(() -> RT.parse(DAY, response("https://x/", "<html><body>maintenance</body></html>")),
                Failure.BAD_DATA, "not valid JSON");
        byte[] page = resource("api/np6-905-cd.json");
        assertFailure(() -> RT.parse(DAY, response("https://x/", Arrays.copyOf(page, page.length / 2))),
                Failure.BAD_DATA, "not valid JSON");
        String drifted = new String(page, java.nio.charset.StandardCharsets.UTF_8).replace("settlementPointPrice", "price");
        assertFailure(() -> RT.parse(DAY, response("https://x/", drifted)), Failure.BAD_DATA,
                "missing column(s) settlementpointprice");
        String nan = new String(page, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("45.05", "\"n/a\"");
        assertFailure(() -> RT.parse(DAY, response("https://x/", nan)), Failure.BAD_DATA, "\"n/a\" is not a number");
    }

    @Test
    void picksTheMonthsBundleAndDownloadsIt() throws Exception {
        String listing = "{\"_meta\":{\"totalRecords\":3,\"totalPages\":1,\"currentPage\":1},\"product\":{},\"bundles\":["
                + "{\"docId\":9003,\"friendlyName\":\"SPPHLZNP6905_2026-08\",\"postDatetime\":\"2026-10-02T01:00:00.000\"},"
                + "{\"docId\":9002,\"friendlyName\":\"SPPHLZNP6905_2026-09\",\"postDatetime\":\"2026-11-02T01:00:00.000\"},"
                + "{\"docId\":9001,\"friendlyName\":\"SPPHLZNP6905_2026-07\",\"postDatetime\":\"2026-09-02T01:00:00.000\"}]}";
        Parsed p = RT.parse(SEPTEMBER, response("https://api.example/pr/bundle/np6-905-cd", listing));
        assertThat(p.rows()).isEmpty();
        assertThat(p.covered()).isEmpty();
        assertThat(p.next()).map(FetchRequest::uri)
                .contains(URI.create("https://api.example/pr/bundle/np6-905-cd?download=9002"));
        String firstOfTwo = listing.replace("2026-09", "2026-06").replace("\"totalPages\":1", "\"totalPages\":2");
        assertThat(RT.parse(SEPTEMBER, response("https://x/", firstOfTwo)).next()).map(FetchRequest::uri)
                .contains(URI.create("https://api.example/pr/bundle/np6-905-cd?page=2"));
        // A month not bundled yet is read by bulk download.
        String none = listing.replace("2026-09", "2026-06");
        Parsed bulk = RT.parse(SEPTEMBER, response("https://x/", none));
        assertThat(bulk.notes()).anySatisfy(n -> assertThat(n).contains("no NP6-905-CD bundle for 2026-09"));
        assertThat(bulk.next()).map(FetchRequest::uri).contains(URI.create("https://api.example/pr/archive/np6-905-cd?"
                + "postDatetimeFrom=2026-08-31T23:15:00&postDatetimeTo=2026-10-01T01:15:00&size=1000&page=1"));
        String empty = "{\"_links\":{},\"_meta\":{\"totalRecords\":0},\"product\":{}}";
        assertThat(RT.parse(SEPTEMBER, response("https://x/", empty)).next()).map(r -> r.uri().getPath())
                .contains("/pr/archive/np6-905-cd");
    }

    @Test
    void readsABundleOfRecordedPostings() throws Exception {
        byte[] csv = resource("archive/np6-905-cd.csv");
        Map<String, byte[]> postings = new LinkedHashMap<>();
        postings.put("1280437734.zip", zip("cdr.00012301.0000000000000000.20260929.111701.SPPHLZNP6905_20260929_1115.csv", csv));
        byte[] bundle = zip(postings);
        Parsed p = RT.parse(SEPTEMBER, response("https://api.example/pr/bundle/np6-905-cd?download=9002", bundle));
        assertThat(p.rows()).hasSize(28);
        assertThat(p.rows().get(0)).isEqualTo(Row.of(Instant.parse("2026-09-29T16:00:00Z"),
                Instant.parse("2026-09-29T16:15:00Z"), "7RNCHSLR_ALL", "RN", 22.42, "node"));
        assertThat(p.rows().get(6)).isEqualTo(Row.of(Instant.parse("2026-09-29T16:00:00Z"),
                Instant.parse("2026-09-29T16:15:00Z"), "HB_HOUSTON", "HU", 29.0, "hub"));
        assertThat(p.covered()).containsExactly(Window.of(Instant.parse("2026-09-29T16:00:00Z"), Duration.ofMinutes(15)));
        assertThat(p.next()).isEmpty();
    }

    @Test
    void aRepostReplacesTheEarlierPosting() throws Exception {
        String csv = new String(resource("archive/np6-905-cd.csv"), java.nio.charset.StandardCharsets.US_ASCII);
        Map<String, byte[]> postings = new LinkedHashMap<>();
        postings.put("1.zip", zip("a.csv", ascii(csv)));
        postings.put("2.zip", zip("retry.csv", ascii(csv.replace(",22.42,", ",23.5,"))));
        Parsed p = RT.parse(SEPTEMBER, response("https://x/?download=1", zip(postings)));
        assertThat(p.rows()).hasSize(28);
        assertThat(p.rows().get(0).get(4)).isEqualTo(23.5);
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("retry.csv re-posts the data of 1.zip"));
    }

    /**
     * A month's bundle holds thousands of postings, parsed in parts on several threads: the rows, the re-post
     * note and the first failure must be exactly those of reading the postings one by one in order.
     */
    @Test
    void aLargeBundleReadsAsItsPostingsOneByOneInOrder() throws Exception {
        String csv = new String(resource("archive/np6-905-cd.csv"), java.nio.charset.StandardCharsets.US_ASCII);
        int count = 6 * BulkDownload.POSTINGS_PER_PART;
        Map<String, byte[]> postings = new LinkedHashMap<>();
        List<Row> expected = new ArrayList<>();
        Map<Integer, Integer> startOf = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            // Postings 0..count-2 are the intervals of days 1, 2, ... in order; the last re-posts posting 10.
            int q = i == count - 1 ? 10 : i;
            String day = String.format("09/%02d/2026,%d,%d,", 1 + q / 96, 1 + q % 96 / 4, 1 + q % 4);
            String posting = csv.replace("09/29/2026,12,1,", day);
            if (i == count - 1) {
                posting = posting.replace(",22.42,", ",99.5,");
            }
            postings.put((1000 + i) + ".zip", zip("p" + i + ".csv", ascii(posting)));
            List<Row> alone = RT.parse(SEPTEMBER, response("https://x/", zip("1.zip", zip("p" + i + ".csv",
                    ascii(posting))))).rows();
            if (i == count - 1) {
                expected.subList(startOf.get(10), startOf.get(10) + alone.size()).clear();
            }
            startOf.put(i, expected.size());
            expected.addAll(alone);
        }
        Parsed p = RT.parse(SEPTEMBER, response("https://x/?download=1", zip(postings)));
        assertThat(p.rows()).hasSize((count - 1) * 28).containsExactlyElementsOf(expected);
        assertThat(p.rows().get(p.rows().size() - 28).get(4)).isEqualTo(99.5);
        assertThat(p.notes().stream().filter(n -> n.contains("re-posts"))).singleElement().asString()
                .endsWith(": p" + (count - 1) + ".csv re-posts the data of 1010.zip; the later posting is kept");

        // Two bad postings in different parts: the earlier one is named, as reading in order would.
        Map<String, byte[]> bad = new LinkedHashMap<>(postings);
        bad.put("1100.zip", zip("p100.csv", ascii(csv.replace("22.42", "x"))));
        bad.put("1300.zip", zip("p300.csv", ascii("garbage")));
        assertFailure(() -> RT.parse(SEPTEMBER, response("https://x/?download=1", zip(bad))), Failure.BAD_DATA,
                "p100.csv");
    }

    /**
     * Read in parts, a bundle hands over the same rows a part at a time; a re-post of a posting of an earlier
     * part comes with its own part (its rows replace the earlier ones when written); a bad posting stops the
     * reading after the parts before it.
     */
    @Test
    void aBundleReadInPartsHandsOverItsPostingsAPartAtATime() throws Exception {
        String csv = new String(resource("archive/np6-905-cd.csv"), java.nio.charset.StandardCharsets.US_ASCII);
        int count = 2 * BulkDownload.POSTINGS_PER_WRITE + 10;
        Map<String, byte[]> postings = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int q = i == count - 1 ? 10 : i;
            String day = String.format("09/%02d/2026,%d,%d,", 1 + q / 96, 1 + q % 96 / 4, 1 + q % 4);
            postings.put((1000 + i) + ".zip", zip("p" + i + ".csv", ascii(csv.replace("09/29/2026,12,1,", day))));
        }
        List<Parsed> parts = new ArrayList<>();
        Optional<FetchRequest> next = RT.parseParts(SEPTEMBER, response("https://x/?download=1", zip(postings)),
                parts::add);
        assertThat(next).isEmpty();
        assertThat(parts).hasSize(3);
        assertThat(parts).extracting(p -> p.rows().size())
                .containsExactly(192 * 28, 192 * 28, 9 * 28 + 28);
        List<Row> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.rows()));
        // Every row of parse(), plus the re-posted interval once more in the last part.
        List<Row> whole = RT.parse(SEPTEMBER, response("https://x/?download=1", zip(postings))).rows();
        assertThat(all).hasSize(whole.size() + 28).containsAll(whole);
        assertThat(parts.get(0).covered()).containsExactly(new Window(Instant.parse("2026-09-01T05:00:00Z"),
                Instant.parse("2026-09-03T05:00:00Z")));
        assertThat(parts.get(2).notes()).anySatisfy(n -> assertThat(n)
                .endsWith(": p" + (count - 1) + ".csv re-posts the data of 1010.zip, written with an earlier part; "
                        + "the later posting's rows replace it"));

        Map<String, byte[]> bad = new LinkedHashMap<>(postings);
        bad.put("1300.zip", zip("p300.csv", ascii("garbage")));
        List<Parsed> before = new ArrayList<>();
        assertFailure(() -> RT.parseParts(SEPTEMBER, response("https://x/?download=1", zip(bad)), before::add),
                Failure.BAD_DATA, "p300.csv");
        assertThat(before).hasSize(1);
    }

    @Test
    void refusesTruncatedOrBadBundles() throws Exception {
        byte[] csv = resource("archive/np6-905-cd.csv");
        byte[] bundle = zip("1.zip", zip("a.csv", csv));
        assertFailure(() -> RT.parse(SEPTEMBER, response("https://x/", Arrays.copyOf(bundle, bundle.length - 30))),
                Failure.BAD_DATA, "truncated");
        byte[] twoCsv = zip("1.zip", zip(new LinkedHashMap<>(Map.of("a.csv", csv, "b.csv", csv))));
        assertFailure(() -> RT.parse(SEPTEMBER, response("https://x/", twoCsv)), Failure.BAD_DATA, "expected one CSV");
        byte[] duplicate = zip("1.zip", zip("a.csv", ascii(new String(csv, java.nio.charset.StandardCharsets.US_ASCII)
                + "09/29/2026,12,1,HB_PAN,HU,19.81,N\n")));
        assertFailure(() -> RT.parse(SEPTEMBER, response("https://x/", duplicate)), Failure.BAD_DATA, "a second row");
        byte[] outside = zip("1.zip", zip("a.csv", csv));
        Window august = new Window(Instant.parse("2026-08-01T05:00:00Z"), Instant.parse("2026-09-01T05:00:00Z"));
        assertFailure(() -> RT.parse(august, response("https://x/", outside)), Failure.NOT_PUBLISHED, "no rows inside");
    }

    @Test
    void recordedRealTimeAncillaryPricesBothWays() throws Exception {
        ReportFeed feed = new ReportFeed(ErcotReport.NP6_331_CD, SETTINGS);
        Window day = Window.of(Instant.parse("2026-09-03T05:00:00Z"), Duration.ofDays(1));
        Parsed api = feed.parse(day, response("https://x/", resource("api/np6-331-cd.json")));
        assertThat(api.rows()).hasSize(10);
        assertThat(api.rows().get(0)).isEqualTo(Row.of(Instant.parse("2026-09-03T05:00:00Z"),
                Instant.parse("2026-09-03T05:15:00Z"), "ECRS", 0.25));
        assertThat(api.rows().get(9)).isEqualTo(Row.of(Instant.parse("2026-09-03T05:15:00Z"),
                Instant.parse("2026-09-03T05:30:00Z"), "RRS", 0.12));
        assertThat(api.covered()).containsExactly(new Window(day.start(), Instant.parse("2026-09-03T05:30:00Z")));
        Parsed bundle = feed.parse(SEPTEMBER, response("https://x/",
                zip("1.zip", zip("rtmcpc.csv", resource("archive/np6-331-cd.csv")))));
        assertThat(bundle.rows()).containsExactly(
                Row.of(Instant.parse("2026-09-29T16:00:00Z"), Instant.parse("2026-09-29T16:15:00Z"), "ECRS", 0.02),
                Row.of(Instant.parse("2026-09-29T16:00:00Z"), Instant.parse("2026-09-29T16:15:00Z"), "NSPIN", 0.05),
                Row.of(Instant.parse("2026-09-29T16:00:00Z"), Instant.parse("2026-09-29T16:15:00Z"), "REGDN", 1.51),
                Row.of(Instant.parse("2026-09-29T16:00:00Z"), Instant.parse("2026-09-29T16:15:00Z"), "REGUP", 1.12),
                Row.of(Instant.parse("2026-09-29T16:00:00Z"), Instant.parse("2026-09-29T16:15:00Z"), "RRS", 0.01));
    }

    static void assertFailure(ThrowingCall call, Failure failure, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SourceException.class, e -> {
            assertThat(e.failure()).isEqualTo(failure);
            assertThat(e.getMessage()).contains(message);
        });
    }

    /** A call that may throw. */
    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }
}
