package dev.pmp.source.ercot.api;

import static dev.pmp.source.ercot.api.ApiPayloads.SETTINGS;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bulk route of {@link ReportFeed} ({@link BulkDownload}): listing by post time, the POST, the zip of zips. */
class BulkDownloadTest {

    private static final ReportFeed RT = new ReportFeed(ErcotReport.NP6_905_CD, SETTINGS);
    private static final ReportFeed DAM = new ReportFeed(ErcotReport.NP4_190_CD, SETTINGS);
    /** The fall-back day 2023-11-05, 25 hours, before the query endpoints hold data. */
    private static final Window FALL_BACK_2023 = new Window(Instant.parse("2023-11-05T05:00:00Z"),
            Instant.parse("2023-11-06T06:00:00Z"));
    /** The operating day 2026-09-29 (CDT), holding the recorded posting SPPHLZNP6905_20260929_1115. */
    private static final Window RECORDED_DAY = Window.of(Instant.parse("2026-09-29T05:00:00Z"), Duration.ofDays(1));
    private static final String POSTING = "cdr.00012301.0000000000000000.20260929.111701.SPPHLZNP6905_20260929_1115.csv";
    private static final String DOWNLOAD = "https://api.example/pr/archive/np6-905-cd/download";

    @Test
    void listsAnOldDaysPostingsByPostTimeAnHourWiderInPagesOfTheDownloadLimit() {
        assertThat(DAM.bulkRoute(FALL_BACK_2023)).isTrue();
        // NP4-190-CD posts a delivery day the day before: the 2023-11-05 file is posted on 2023-11-04.
        assertThat(DAM.request(FALL_BACK_2023).uri()).isEqualTo(URI.create("https://api.example/pr/archive/np4-190-cd?"
                + "postDatetimeFrom=2023-11-03T23:00:00&postDatetimeTo=2023-11-05T01:00:00&size=500&page=1"));
        assertThat(DAM.request(FALL_BACK_2023).method()).isEqualTo("GET");
    }

    @Test
    void downloadsThePostingsOfTheWindowInOnePost() throws Exception {
        String listing = listing(1, 1, doc(3003, "2023-11-05T12:30:04.000"), doc(3002, "2023-11-04T12:30:04.000"),
                doc(3001, "2023-11-03T12:30:04.000"));
        Parsed p = DAM.parse(FALL_BACK_2023, response("https://api.example/pr/archive/np4-190-cd?page=1", listing));
        assertThat(p.rows()).isEmpty();
        assertThat(p.covered()).isEmpty();
        FetchRequest post = p.next().orElseThrow();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(new String(post.body().orElseThrow().bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"docIds\":[3002]}");
        assertThat(post.body().orElseThrow().contentType()).isEqualTo("application/json");
        assertThat(post.uri()).isEqualTo(URI.create("https://api.example/pr/archive/np4-190-cd/download"
                + "#page=1&pages=1&docs=1&sum=3002"));
        assertThat(post.immutable()).isTrue();
        assertThat(post.authenticated()).isTrue();
        assertThat(post.budget()).contains(ErcotApi.BUDGET);
    }

    @Test
    void aListingWithNothingForTheWindowIsNotPublishedOrTheNextPage() throws Exception {
        String nothing = listing(1, 1, doc(3001, "2023-11-03T12:30:04.000"));
        assertFailure(() -> DAM.parse(FALL_BACK_2023, response("https://api.example/pr/archive/np4-190-cd?page=1", nothing)),
                Failure.NOT_PUBLISHED, "no NP4-190-CD postings listed");
        Parsed p = DAM.parse(FALL_BACK_2023, response("https://api.example/pr/archive/np4-190-cd?page=1",
                listing(1, 2, doc(3001, "2023-11-03T12:30:04.000"))));
        assertThat(p.next()).map(r -> r.uri().getQuery()).hasValueSatisfying(q -> assertThat(q).endsWith("&page=2"));
        assertFailure(() -> DAM.parse(FALL_BACK_2023, response("https://api.example/pr/archive/np4-190-cd?page=2",
                listing(1, 2, doc(3001, "2023-11-03T12:30:04.000")))), Failure.BAD_DATA, "asked for listing page 2");
    }

    @Test
    void readsAZipOfPostingZipsThenTheNextListingPage() throws Exception {
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("1280437734.zip", zip(POSTING, resource("archive/np6-905-cd.csv")));
        Parsed p = RT.parse(RECORDED_DAY, response(DOWNLOAD + "#page=1&pages=2&docs=1&sum=1280437734", zip(members)));
        assertThat(p.rows()).hasSize(28);
        assertThat(p.rows().get(27)).isEqualTo(Row.of(Instant.parse("2026-09-29T16:00:00Z"),
                Instant.parse("2026-09-29T16:15:00Z"), "LZ_WEST", "LZEW", 20.12, "load_zone"));
        assertThat(p.covered()).containsExactly(Window.of(Instant.parse("2026-09-29T16:00:00Z"), Duration.ofMinutes(15)));
        assertThat(p.next()).map(FetchRequest::uri).hasValueSatisfying(u -> {
            assertThat(u.getPath()).isEqualTo("/pr/archive/np6-905-cd");
            assertThat(u.getQuery()).endsWith("&size=1000&page=2");
        });
        Parsed last = RT.parse(RECORDED_DAY, response(DOWNLOAD + "#page=2&pages=2&docs=1&sum=1280437734", zip(members)));
        assertThat(last.next()).isEmpty();
    }

    @Test
    void aColumnTheReportDoesNotKnowIsReportedAndItsRowsKept() throws Exception {
        String csv = new String(resource("archive/np6-905-cd.csv"), java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = csv.split("\n", -1);
        StringBuilder drifted = new StringBuilder(lines[0].stripTrailing() + ",\"BatteryFlag\"\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                drifted.append(lines[i].stripTrailing()).append(",\"N\"\n");
            }
        }
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("1280437734.zip", zip(POSTING, drifted.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Parsed p = RT.parse(RECORDED_DAY, response(DOWNLOAD + "#page=1&pages=1&docs=1&sum=1280437734", zip(members)));
        assertThat(p.rows()).hasSize(28);
        assertThat(p.unknownColumns()).containsExactly("BatteryFlag");
    }

    @Test
    void refusesAnswersThatAreNotWhatWasAskedFor() throws Exception {
        byte[] posting = zip(POSTING, resource("archive/np6-905-cd.csv"));
        Map<String, byte[]> one = new LinkedHashMap<>();
        one.put("1280437734.zip", posting);
        assertFailure(() -> RT.parse(RECORDED_DAY, response(DOWNLOAD + "#page=1&pages=1&docs=2&sum=2560875468", zip(one))),
                Failure.BAD_DATA, "asked for 2 documents, the zip holds 1");
        assertFailure(() -> RT.parse(RECORDED_DAY, response(DOWNLOAD + "#page=1&pages=1&docs=1&sum=1280437735", zip(one))),
                Failure.BAD_DATA, "other documents than were asked for");
        Map<String, byte[]> bare = new LinkedHashMap<>();
        bare.put("1280437734.zip", resource("archive/np6-905-cd.csv"));
        assertFailure(() -> RT.parse(RECORDED_DAY, response(DOWNLOAD + "#page=1&pages=1&docs=1&sum=1280437734", zip(bare))),
                Failure.BAD_DATA, "not a zip");
        Map<String, byte[]> misnamed = new LinkedHashMap<>();
        misnamed.put("posting.zip", posting);
        assertFailure(() -> RT.parse(RECORDED_DAY, response(DOWNLOAD + "#page=1&pages=1&docs=1&sum=1280437734",
                zip(misnamed))), Failure.BAD_DATA, "is not named <docId>.zip");
        assertFailure(() -> RT.parse(RECORDED_DAY, response(DOWNLOAD + "#page=1&pages=1&docs=1&sum=1280437734",
                "<html><body>Service temporarily unavailable</body></html>")), Failure.BAD_DATA,
                "answered something that is not a zip");
        assertFailure(() -> RT.parse(RECORDED_DAY, response(DOWNLOAD + "#page=1&pages=1&docs=1&sum=1280437734",
                "{\"timestamp\":\"x\",\"code\":404,\"status\":\"NOT_FOUND\",\"message\":\"not yet\",\"data\":{}}")),
                Failure.NOT_PUBLISHED, "404");
        assertFailure(() -> RT.parse(RECORDED_DAY, response(DOWNLOAD, zip(one))), Failure.BAD_DATA,
                "does not say what was asked for");
    }

    /**
     * The fall-back night 2025-11-02: postings of both 01:xx passes carry the same wall-clock text; a window
     * starting at 01:00 CST wants only the second pass's. Listed newest first, placed by docId order.
     */
    @Test
    void splitsTheRepeatedHoursPostingsByDocIdOrder() throws Exception {
        BulkDownload bulk = new BulkDownload(ErcotReport.NP6_905_CD, SETTINGS,
                ArchiveProduct.of(ErcotReport.NP6_905_CD).orElseThrow());
        Window secondPass = new Window(Instant.parse("2025-11-02T07:00:00Z"), Instant.parse("2025-11-02T08:00:00Z"));
        // From an hour before 01:15 CST (its text reads 01:15: the first pass), to an hour after 02:15 CST.
        assertThat(bulk.listing(secondPass, 1).uri().getQuery()).isEqualTo(
                "postDatetimeFrom=2025-11-02T01:15:00&postDatetimeTo=2025-11-02T03:15:00&size=1000&page=1");
        String listing = listing(1, 1, doc(9, "2025-11-02T02:02:00.000"), doc(8, "2025-11-02T01:47:00.000"),
                doc(7, "2025-11-02T01:32:00.000"), doc(6, "2025-11-02T01:17:00.000"), doc(5, "2025-11-02T01:02:00.000"),
                doc(4, "2025-11-02T01:47:00.000"), doc(3, "2025-11-02T01:32:00.000"), doc(2, "2025-11-02T01:17:00.000"));
        Parsed p = bulk.listed(secondPass, "test", response("https://api.example/pr/archive/np6-905-cd?page=1", listing));
        assertThat(new String(p.next().orElseThrow().body().orElseThrow().bytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"docIds\":[6,7,8,9]}");
    }

    private static String doc(long id, String posted) {
        return "{\"docId\":" + id + ",\"friendlyName\":\"DOC_" + id + "\",\"postDatetime\":\"" + posted + "\"}";
    }

    private static String listing(int page, int pages, String... docs) {
        return "{\"_meta\":{\"totalRecords\":" + docs.length + ",\"totalPages\":" + pages + ",\"currentPage\":" + page
                + "},\"product\":{},\"archives\":[" + String.join(",", docs) + "]}";
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertFailure(Call call, Failure failure, String text) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SourceException.class, e -> {
            assertThat(e.failure()).isEqualTo(failure);
            assertThat(e.getMessage()).contains(text);
        });
    }
}
