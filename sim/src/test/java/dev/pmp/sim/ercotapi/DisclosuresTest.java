package dev.pmp.sim.ercotapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import dev.pmp.sim.ercotapi.Disclosures.Product;
import dev.pmp.spi.Window;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The 60-day disclosure archives of the Public API fake: listings by post time, daily zips, regimes, DST labels. */
class DisclosuresTest {

    private static final Instant NOW = Instant.parse("2026-02-15T18:00:00Z");
    private static final Map<String, String> AUTH = Map.of("authorization", "Bearer " + ErcotApiEndpoint.DEFAULT_TOKEN,
            "ocp-apim-subscription-key", ErcotApiEndpoint.DEFAULT_KEY);

    private final ErcotApiEndpoint endpoint = new ErcotApiEndpoint();

    private SimResponse get(Product p, Map<String, String> query, List<Window> withheld) {
        return endpoint.answer(new SimRequest(p.path(), query, AUTH, NOW, withheld, SimRequest.Variant.NORMAL));
    }

    private static String text(SimResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static List<String> names(byte[] zip) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.add(e.getName());
            }
        }
        return out;
    }

    @Test
    void listsPostingsSixtyDaysAfterTheOperatingDayNewestFirst() {
        Map<String, String> q = Map.of("postDatetimeFrom", "2026-02-08T00:00:00", "postDatetimeTo", "2026-02-20T00:00:00");
        String listing = text(get(Product.DAM, q, List.of()));
        // 2026-02-08..2026-02-15 are posted by now (04:10 CT on the 15th is before 18:00Z); later days are not
        assertThat(listing).contains("\"totalRecords\":8", "\"friendlyName\":\"60_Day_DAM_Disclosure\"",
                "\"postDatetime\":\"2026-02-15T04:10:00.000\"");
        assertThat(listing.indexOf("2026-02-15T04:10")).isLessThan(listing.indexOf("2026-02-08T04:10"));
        assertThat(listing).contains("\"docId\":" + Disclosures.docId(Product.DAM, LocalDate.of(2025, 12, 10)));
        assertThat(text(get(Product.COP, q, List.of()))).contains("\"friendlyName\":\"60d_COP_Adjustment_Period_Snapshot\"");
        Window withheld = Window.of(LocalDate.of(2025, 12, 10).atStartOfDay(Disclosures.ZONE).toInstant(), Duration.ofDays(1));
        assertThat(text(get(Product.DAM, q, List.of(withheld)))).contains("\"totalRecords\":7");
        assertThat(endpoint.answer(new SimRequest(Product.SCED.path(), q, Map.of(), NOW, List.of(),
                SimRequest.Variant.NORMAL)).status()).as("authentication applies").isEqualTo(401);
    }

    @Test
    void servesTheDailyZipOnceItIsPosted() throws Exception {
        LocalDate before = LocalDate.of(2025, 12, 4);
        SimResponse sced = get(Product.SCED, Map.of("download", Long.toString(Disclosures.docId(Product.SCED, before))),
                List.of());
        assertThat(sced.status()).isEqualTo(200);
        assertThat(names(sced.body())).containsExactly("60d_SCED_Gen_Resource_Data-02-FEB-26.csv",
                "60d_Load_Resource_Data_in_SCED-02-FEB-26.csv", "60d_SCED_SMNE_GEN_RES-02-FEB-26.csv",
                "60d_SCED_QSE_Self_Arranged_AS-02-FEB-26.csv");
        LocalDate after = LocalDate.of(2025, 12, 5);
        assertThat(names(get(Product.SCED, Map.of("download", Long.toString(Disclosures.docId(Product.SCED, after))),
                List.of()).body())).contains("60d_ESR_Data_in_SCED-03-FEB-26.csv");
        assertThat(names(get(Product.DAM, Map.of("download", Long.toString(Disclosures.docId(Product.DAM, after))),
                List.of()).body())).as("the DAM ESR file starts a day later").noneMatch(n -> n.contains("ESR"));
        LocalDate late = LocalDate.of(2025, 12, 20);
        assertThat(get(Product.SCED, Map.of("download", Long.toString(Disclosures.docId(Product.SCED, late))), List.of())
                .status()).isEqualTo(404);
        assertThat(get(Product.SCED, Map.of("download", "5"), List.of()).status()).isEqualTo(404);
        // Deterministic from the date.
        assertThat(Disclosures.zip(Disclosures.members(Product.DAM, after)))
                .isEqualTo(Disclosures.zip(Disclosures.members(Product.DAM, after)));
    }

    @Test
    void batteriesChangeShapeWithRtcb() {
        String before = new String(Disclosures.members(Product.DAM, LocalDate.of(2025, 12, 5))
                .get("60d_DAM_Gen_Resource_Data-03-FEB-26.csv"), StandardCharsets.US_ASCII);
        assertThat(before).contains("\"" + Disclosures.STORAGE_GEN + "\",\"PWRSTR\"");
        String load = new String(Disclosures.members(Product.DAM, LocalDate.of(2025, 12, 5))
                .get("60d_DAM_Load_Resource_Data-03-FEB-26.csv"), StandardCharsets.US_ASCII);
        assertThat(load).contains(Disclosures.STORAGE_LOAD, Disclosures.MILL);
        String esr = new String(Disclosures.members(Product.DAM, LocalDate.of(2025, 12, 6))
                .get("60d_DAM_ESR_Data-04-FEB-26.csv"), StandardCharsets.US_ASCII);
        assertThat(esr).contains("\"" + Disclosures.ESR + "\",\"ESR\"").doesNotContain(Disclosures.STORAGE_GEN);
    }

    @Test
    void labelsDstDaysAsTheRealFilesDo() {
        LocalDate fall = LocalDate.of(2024, 11, 3);
        String sced = new String(Disclosures.members(Product.SCED, fall).get("60d_SCED_Gen_Resource_Data-02-JAN-25.csv"),
                StandardCharsets.US_ASCII);
        assertThat(sced).contains("\"11/03/2024 01:00:25\",\"N\"", "\"11/03/2024 01:00:25\",\"Y\"");
        String smne = new String(Disclosures.members(Product.SCED, fall).get("60d_SCED_SMNE_GEN_RES-02-JAN-25.csv"),
                StandardCharsets.US_ASCII);
        assertThat(smne.split("\"11/03/2024 01:59:59\"", -1)).hasSize(1 + 2 * Disclosures.metered(false).size());
        String cop = new String(Disclosures.members(Product.COP, fall).get("60d_COP_Adjustment_Period_Snapshot-02-JAN-25.csv"),
                StandardCharsets.US_ASCII);
        assertThat(cop).contains("\"25\",\"ON\"").doesNotContain("\"01:00\"");
        String dam = new String(Disclosures.members(Product.DAM, LocalDate.of(2024, 3, 10))
                .get("60d_DAM_Gen_Resource_Data-09-MAY-24.csv"), StandardCharsets.US_ASCII);
        assertThat(dam).contains("\"03/10/2024\",\"2\"", "\"03/10/2024\",\"4\"").doesNotContain("\"03/10/2024\",\"3\"");
        assertThat(Disclosures.hours(fall)).hasSize(25);
        assertThat(Disclosures.scedRuns(LocalDate.of(2024, 3, 10))).hasSize(23 * 12);
    }
}
