package dev.pmp.sim.ercotapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** Every query report on the Public API fake: query, listing, single and bulk download, bundles, DST days. */
class ArchiveReportsTest {

    private static final Instant NOW = Instant.parse("2026-04-20T12:00:00Z");
    private static final Map<String, String> AUTH = Map.of("authorization", "Bearer " + ErcotApiEndpoint.DEFAULT_TOKEN,
            "ocp-apim-subscription-key", ErcotApiEndpoint.DEFAULT_KEY);

    private final ErcotApiEndpoint endpoint = new ErcotApiEndpoint();

    private SimResponse get(String path, Map<String, String> query) {
        return endpoint.answer(new SimRequest(ErcotApiEndpoint.BASE + path, query, AUTH, NOW, List.of(),
                SimRequest.Variant.NORMAL));
    }

    private SimResponse post(String path, String body) {
        return endpoint.answer(new SimRequest(ErcotApiEndpoint.BASE + path, Map.of(), AUTH, NOW, List.of(),
                SimRequest.Variant.NORMAL, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void servesEveryReportsQueryListingAndSingleDownload() throws IOException {
        assertThat(ArchiveReports.REPORTS).extracting(ArchiveReport::emil).containsExactly("np6-905-cd", "np4-190-cd",
                "np4-188-cd", "np6-331-cd", "np6-345-cd", "np6-346-cd", "np6-322-cd", "np6-788-cd");
        for (ArchiveReport r : ArchiveReports.REPORTS) {
            Map<String, String> q = r.timestampFilter()
                    ? Map.of(r.filter() + "From", "2026-03-09T10:00:00", r.filter() + "To", "2026-03-09T10:59:59")
                    : Map.of(r.filter() + "From", "2026-03-09", r.filter() + "To", "2026-03-09");
            SimResponse page = get("/" + r.emil() + "/" + r.artifact(), q);
            assertThat(page.status()).as(r.emil()).isEqualTo(200);
            String json = text(page.body());
            assertThat(json).as(r.emil()).contains("{\"name\":\"" + r.fields().get(0) + "\"}").doesNotContain("\"totalRecords\":0,");
            String listing = text(get("/archive/" + r.emil(), Map.of("postDatetimeFrom", "2026-03-09T00:00:00",
                    "postDatetimeTo", "2026-03-09T23:59:59")).body());
            long docId = Long.parseLong(listing.replaceAll("(?s).*?\"docId\":(\\d+).*", "$1"));
            Map<String, byte[]> files = unzip(get("/archive/" + r.emil(), Map.of("download", Long.toString(docId))).body());
            assertThat(files).as(r.emil()).hasSize(1);
            assertThat(text(files.values().iterator().next())).as(r.emil()).startsWith(r.header(r.posting(docId)) + "\r\n");
            assertThat(endpoint.acceptsPost(ErcotApiEndpoint.BASE + "/archive/" + r.emil() + "/download")).isTrue();
        }
        assertThat(endpoint.acceptsPost(ErcotApiEndpoint.BASE + "/archive/np6-905-cd")).isFalse();
    }

    @Test
    void bulkDownloadsAZipOfPostingZipsWithinTheDownloadLimit() throws IOException {
        ArchiveReport spp = ArchiveReports.REPORTS.get(0);
        long k = spp.unit(Instant.parse("2026-03-09T15:00:00Z"));
        SimResponse bulk = post("/archive/np6-905-cd/download", "{\"docIds\": [" + spp.docId(k) + "," + spp.docId(k + 1)
                + "," + spp.docId(k + 2) + "]}");
        assertThat(bulk.status()).isEqualTo(200);
        Map<String, byte[]> members = unzip(bulk.body());
        assertThat(members).containsOnlyKeys(spp.docId(k) + ".zip", spp.docId(k + 1) + ".zip", spp.docId(k + 2) + ".zip");
        assertThat(unzip(members.get(spp.docId(k) + ".zip"))).containsOnlyKeys(spp.fileName(k));

        ArchiveReport dam = ArchiveReports.REPORTS.get(1);
        StringBuilder many = new StringBuilder("{\"docIds\":[");
        for (int i = 0; i < 501; i++) {
            many.append(i == 0 ? "" : ",").append(dam.docId(dam.unit(Instant.parse("2024-01-01T12:00:00Z")) + i));
        }
        assertThat(post("/archive/np4-190-cd/download", many.append("]}").toString()).status()).isEqualTo(400);
        long tomorrowButOne = dam.unit(NOW) + 2;
        assertThat(post("/archive/np4-190-cd/download", "{\"docIds\":[" + dam.docId(tomorrowButOne) + "]}").status())
                .isEqualTo(404);
        assertThat(get("/archive/np4-190-cd/download", Map.of()).status()).isEqualTo(405);
        assertThat(post("/archive/np4-190-cd/download", "[1,2]").status()).isEqualTo(400);
    }

    @Test
    void hourlyReportsRepeatHourEndingTwoOnTheFallBackDayAndSkipThreeOnTheSpringDay() throws IOException {
        for (String emil : List.of("np4-190-cd", "np4-188-cd", "np6-345-cd", "np6-346-cd")) {
            ArchiveReport r = report(emil);
            List<String> fall = hourColumn(r, LocalDate.of(2024, 11, 3));
            assertThat(fall).as(emil).hasSize(25).containsSequence("01:00,N", "02:00,N", "02:00,Y", "03:00,N");
            List<String> spring = hourColumn(r, LocalDate.of(2024, 3, 10));
            assertThat(spring).as(emil).hasSize(23).containsSequence("02:00,N", "04:00,N").doesNotContain("03:00,N");
        }
    }

    @Test
    void fifteenMinuteAndScedReportsFlagTheRepeatedHour() {
        ArchiveReport ascp = report("np6-331-cd");
        List<Integer> hours = new ArrayList<>();
        for (long k = ascp.unit(Instant.parse("2026-03-08T06:00:00Z")); k < ascp.unit(Instant.parse("2026-03-09T05:00:00Z"));
                k++) {
            hours.add((Integer) ascp.records(k).get(0).get(1));
        }
        assertThat(hours).hasSize(92).doesNotContain(3);
        ArchiveReport lmp = report("np6-788-cd");
        // 01:00 CST on 2025-11-02 is 07:00Z: the second pass, flagged; 06:00Z is the first pass.
        assertThat(lmp.records(lmp.unit(Instant.parse("2025-11-02T07:00:30Z"))).get(0).get(1)).isEqualTo(true);
        assertThat(lmp.records(lmp.unit(Instant.parse("2025-11-02T06:00:30Z"))).get(0).get(1)).isEqualTo(false);
        ArchiveReport lambda = report("np6-322-cd");
        assertThat(lambda.header(lambda.unit(Instant.parse("2025-12-31T12:00:30Z")))).endsWith(",SystemLambda");
        assertThat(lambda.header(lambda.unit(Instant.parse("2026-01-01T12:00:30Z")))).endsWith(",UncappedSystemLambda");
        assertThat(ascp.exists(ascp.unit(Instant.parse("2025-12-05T05:45:00Z")))).isFalse();
        assertThat(ascp.exists(ascp.unit(Instant.parse("2025-12-05T06:00:00Z")))).isTrue();
    }

    @Test
    void bundlesAMonthOfEveryReport() throws IOException {
        ArchiveReport load = report("np6-345-cd");
        String listing = text(get("/bundle/np6-345-cd", Map.of()).body());
        assertThat(listing).contains("\"friendlyName\":\"ACTSYSLDWZNNP6345_2026-02\"").doesNotContain("2026-03\"");
        String id = listing.replaceAll("(?s).*?\"docId\":(\\d+),\"friendlyName\":\"ACTSYSLDWZNNP6345_2025-11\".*", "$1");
        Map<String, byte[]> postings = unzip(get("/bundle/np6-345-cd", Map.of("download", id)).body());
        assertThat(postings).hasSize(30).containsKey(load.docId(LocalDate.of(2025, 11, 2).toEpochDay()) + ".zip");
        assertThat(text(get("/bundle/np6-331-cd", Map.of()).body())).doesNotContain("_2025-11\"").contains("_2025-12\"");
    }

    private static ArchiveReport report(String emil) {
        return ArchiveReports.REPORTS.stream().filter(r -> r.emil().equals(emil)).findFirst().orElseThrow();
    }

    /** The hour-ending and flag of each row of a daily posting's CSV, one entry per hour. */
    private static List<String> hourColumn(ArchiveReport r, LocalDate day) {
        String[] lines = text(r.csv(day.toEpochDay(), false)).split("\r\n");
        List<String> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            String entry = cells[1] + "," + cells[cells.length - 1];
            // Rows of one hour are consecutive; the two passes of the repeated hour differ by their flag.
            if (out.isEmpty() || !out.get(out.size() - 1).equals(entry)) {
                out.add(entry);
            }
        }
        return out;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
