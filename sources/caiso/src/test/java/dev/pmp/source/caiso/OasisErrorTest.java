package dev.pmp.source.caiso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OASIS' answers that carry no data: the recorded ERR_CODE 1000 document, error documents synthesised in
 * its layout for 1004 and 1015 (no recording exists), HTML behind 200, cut and corrupt zips, and hostile
 * XML.
 */
class OasisErrorTest {
    private static final Window HOUR = Window.of(Instant.parse("2026-11-20T10:00:00Z"), Duration.ofHours(1));
    private static final Instant SOON_AFTER = Instant.parse("2026-11-20T12:00:00Z");
    private static final Instant MONTHS_AFTER = Instant.parse("2027-03-01T00:00:00Z");

    private final Feed feed = new LocationalMarginalPrices(LmpMarket.REAL_TIME_5MIN, CaisoSettings.defaults());

    private Parsed parse(byte[] body, Instant fetchedAt) throws SourceException {
        return feed.parse(HOUR, OasisPayloads.response(feed.request(HOUR), body, fetchedAt));
    }

    private static byte[] recorded1000() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("20261120_20261120_PRC_INTVL_LMP_RTM_v3.xml", OasisPayloads.fixture("oasis_error_ERR_CODE_1000_no_data.xml"));
        return OasisPayloads.zip(m);
    }

    @Test
    void noDataForARecentWindowIsNotPublishedYet() {
        assertThatThrownBy(() -> parse(recorded1000(), SOON_AFTER))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED))
                .hasMessageContaining("OASIS ERR_CODE 1000 (\"No data returned for the specified selection\")")
                .hasMessageContaining("not published yet");
    }

    @Test
    void noDataForASettledWindowIsAnExplicitSourceGap() throws Exception {
        Parsed parsed = parse(recorded1000(), MONTHS_AFTER);

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.covered()).containsExactly(HOUR);
        assertThat(parsed.notes()).singleElement().asString().contains("ERR_CODE 1000", "recorded as a source gap");
    }

    @Test
    void aWindowTooLongAsksTheEngineToSplitIt() {
        byte[] body = OasisPayloads.zip("error.xml", OasisPayloads.errorXml(1004,
                "Data can be requested for period of 31 days only"));
        assertThatThrownBy(() -> parse(body, MONTHS_AFTER))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.BAD_DATA);
                    assertThat(e.isWindowTooLong()).isTrue();
                })
                .hasMessageContaining("ERR_CODE 1004", "31 days only", "longer than OASIS serves", "PT168H");
    }

    @Test
    void stillBuildingIsNotPublished() {
        byte[] body = OasisPayloads.zip("error.xml", OasisPayloads.errorXml(1015, "GroupZip DownLoad is in Processing"));
        assertThatThrownBy(() -> parse(body, MONTHS_AFTER))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED))
                .hasMessageContaining("ERR_CODE 1015", "ask again later");
    }

    @Test
    void anUnknownErrorCodeIsBadData() {
        byte[] body = OasisPayloads.zip("error.xml", OasisPayloads.errorXml(1002, "Invalid request"));
        assertThatThrownBy(() -> parse(body, MONTHS_AFTER))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("ERR_CODE 1002 (\"Invalid request\")");
    }

    @Test
    void aBareErrorDocumentIsReadToo() {
        byte[] body = OasisPayloads.fixture("oasis_error_ERR_CODE_1000_no_data.xml");
        assertThatThrownBy(() -> parse(body, SOON_AFTER))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED));
    }

    @Test
    void theXmlReportFormatIsRefusedWithAClearMessage() {
        byte[] body = OasisPayloads.zip(Map.of("SLD_FCST.xml", OasisPayloads.fixture(
                "pyiso_oasis_SLD_FCST_RTM_xml_2014-05-08.xml")));
        assertThatThrownBy(() -> parse(body, MONTHS_AFTER))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("SLD_FCST.xml holds no ERR_CODE", "resultformat=6");
    }

    @Test
    void aDoctypeWithAnExternalEntityIsRefused() {
        String hostile = "<?xml version=\"1.0\"?>\n<!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<m:OASISReport xmlns:m=\"http://www.caiso.com/soa/OASISReport_v1.xsd\"><m:ERROR><m:ERR_CODE>1000"
                + "</m:ERR_CODE><m:ERR_DESC>&x;</m:ERR_DESC></m:ERROR></m:OASISReport>";
        assertThatThrownBy(() -> parse(OasisPayloads.zip("error.xml", hostile), MONTHS_AFTER))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("OASIS XML error.xml refused", "DOCTYPE")
                .hasMessageNotContaining("root:");
    }

    @Test
    void anEntityExpansionBombIsRefused() {
        String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>\n"
                + "<m><ERR_CODE>&b;</ERR_CODE></m>";
        assertThatThrownBy(() -> parse(OasisPayloads.zip("error.xml", bomb), MONTHS_AFTER))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void anHtmlPageBehind200IsTransient() {
        byte[] body = "<!DOCTYPE html><html><body>Acceptable Use Policy Violation. Retry after 5 seconds</body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parse(body, SOON_AFTER))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.TRANSIENT))
                .hasMessageContaining("HTML page instead of a zip", "Acceptable Use Policy");
    }

    @Test
    void aBodyThatIsNeitherZipNorMarkupIsBadData() {
        assertThatThrownBy(() -> parse("INTERVALSTARTTIME_GMT,INTERVALENDTIME_GMT\n".getBytes(StandardCharsets.UTF_8),
                SOON_AFTER))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("not a zip");
        assertThatThrownBy(() -> parse(new byte[0], SOON_AFTER)).hasMessageContaining("empty body");
    }

    @Test
    void aTruncatedZipIsBadDataNotFewerRows() {
        byte[] whole = OasisPayloads.zip("report.csv", OasisPayloads.rtLmp("VALUE", "RTM", List.of("TH_NP15_GEN-APND"),
                HOUR.start(), HOUR.end(), Duration.ofMinutes(5), true));
        for (int cut : new int[] {whole.length / 2, whole.length - 10, 40}) {
            assertThatThrownBy(() -> parse(Arrays.copyOf(whole, cut), MONTHS_AFTER))
                    .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                    .hasMessageContaining("OASIS zip cannot be read");
        }
    }

    @Test
    void aCorruptMemberFailsItsCrc() {
        String csv = OasisPayloads.rtLmp("VALUE", "RTM", List.of("TH_NP15_GEN-APND"), HOUR.start(), HOUR.end(),
                Duration.ofMinutes(5), true);
        byte[] body = storedZip("report.csv", csv.getBytes(StandardCharsets.UTF_8));
        int at = indexOf(body, "TH_NP15".getBytes(StandardCharsets.UTF_8));
        body[at] = 'X';
        assertThatThrownBy(() -> parse(body, MONTHS_AFTER))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("member report.csv fails its CRC-32 check");
    }

    @Test
    void aStoredMemberIsReadLikeADeflatedOne() throws Exception {
        String csv = OasisPayloads.rtLmp("VALUE", "RTM", List.of("TH_NP15_GEN-APND"), HOUR.start(), HOUR.end(),
                Duration.ofMinutes(5), true);
        Parsed parsed = parse(storedZip("report.csv", csv.getBytes(StandardCharsets.UTF_8)), MONTHS_AFTER);
        assertThat(parsed.rows()).hasSize(12);
    }

    @Test
    void aZipWithoutMembersIsBadData() {
        assertThatThrownBy(() -> parse(OasisPayloads.zip(Map.of()), MONTHS_AFTER))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA));
    }

    private static byte[] storedZip(String name, byte[] content) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            java.util.zip.ZipEntry e = new java.util.zip.ZipEntry(name);
            e.setMethod(java.util.zip.ZipEntry.STORED);
            e.setSize(content.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(content);
            e.setCrc(crc.getValue());
            zip.putNextEntry(e);
            zip.write(content);
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
