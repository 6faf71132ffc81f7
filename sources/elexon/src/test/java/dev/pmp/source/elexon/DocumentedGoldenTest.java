package dev.pmp.source.elexon;

import static dev.pmp.source.elexon.Json.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The datasets typed end to end that no recording covers, on payloads synthesised from the documented
 * format: the field lists of spec §3.2 (Elexon's OpenAPI document of Aug 2026), its example values
 * (BIOMASS, N2EXMIDP, ABRBO-1, the REMIT mrid) and the shapes of §2.2 ({@code /stream} arrays, the
 * {@code {"data"}} envelope of INDO/ITSDO). Each test checks the row count, the grid instants of the first
 * and last rows, the covered window, and that every documented field landed, typed, in its column.
 */
class DocumentedGoldenTest {

    private static final Window SP23_24 = Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T11:00:00Z");
    private static final Window QUARTER = Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T10:15:00Z");

    /** Parses, checks count, first and last grid instants, covered, and every field of every row. */
    private static Parsed golden(String code, Window window, String body, List<Map<String, Object>> rows, int count,
            String first, String last) throws SourceException {
        Parsed p = Payloads.parse(code, window, body);
        assertThat(p.quarantined()).as(code).isEmpty();
        assertThat(p.rows()).as(code).hasSize(count);
        assertThat(p.rows().get(0).instant(0)).as(code).isEqualTo(Instant.parse(first));
        assertThat(p.rows().get(count - 1).instant(0)).as(code).isEqualTo(Instant.parse(last));
        assertThat(p.covered()).as(code).containsExactly(window);
        Dataset d = ElexonCatalogue.byCode(code).orElseThrow();
        for (int i = 0; i < count; i++) {
            assertFields(code, d, p.rows().get(i), rows.get(i));
        }
        return p;
    }

    /** Every documented field of {@code json} is in the row, typed: instants, dates, whole numbers, decimals, text, flags. */
    private static void assertFields(String code, Dataset d, Row row, Map<String, Object> json) {
        DatasetFacts f = ElexonCatalogue.facts(d.id()).orElseThrow();
        for (Field field : f.fields()) {
            Object expected = json.get(field.json());
            int column = d.schema().indexOf(field.column());
            if (column < 0) {
                // The grid instant itself (startTime of a 5-minute or settlement-period row, measurementTime).
                assertThat(row.get(0)).as(code + " " + field.json()).isEqualTo(Instant.parse((String) expected));
                continue;
            }
            Object want = switch (field.type()) {
                case TIMESTAMP -> expected == null ? null : Instant.parse((String) expected);
                case DATE -> expected == null ? null : LocalDate.parse((String) expected);
                case BIGINT -> expected == null ? null : ((Number) expected).longValue();
                case DOUBLE -> expected == null ? null : ((Number) expected).doubleValue();
                case TEXT, BOOLEAN -> expected;
                case JSON -> expected == null ? null : Json.text(expected);
            };
            assertThat(row.get(column)).as(code + " " + field.json()).isEqualTo(want);
        }
    }

    @Test
    void fuelinstFiveMinuteRowsByFuel() throws SourceException {
        List<Map<String, Object>> rows = List.of(
                row("dataset", "FUELINST", "publishTime", "2024-05-01T10:05:00Z", "startTime", "2024-05-01T10:00:00Z",
                        "settlementDate", "2024-05-01", "settlementPeriod", 23, "fuelType", "BIOMASS", "generation", 1712),
                row("dataset", "FUELINST", "publishTime", "2024-05-01T10:05:00Z", "startTime", "2024-05-01T10:00:00Z",
                        "settlementDate", "2024-05-01", "settlementPeriod", 23, "fuelType", "WIND", "generation", 9120),
                row("dataset", "FUELINST", "publishTime", "2024-05-01T10:10:00Z", "startTime", "2024-05-01T10:05:00Z",
                        "settlementDate", "2024-05-01", "settlementPeriod", 23, "fuelType", "BIOMASS", "generation", 1708),
                row("dataset", "FUELINST", "publishTime", "2024-05-01T10:10:00Z", "startTime", "2024-05-01T10:05:00Z",
                        "settlementDate", "2024-05-01", "settlementPeriod", 23, "fuelType", "WIND", "generation", 9174));
        Window w = Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T10:10:00Z");
        Parsed p = golden("FUELINST", w, Json.array(rows), rows, 4, "2024-05-01T10:00:00Z", "2024-05-01T10:05:00Z");
        assertThat(Payloads.named("FUELINST", p.rows().get(3))).containsExactly(
                Map.entry("interval_start_utc", Instant.parse("2024-05-01T10:05:00Z")),
                Map.entry("interval_end_utc", Instant.parse("2024-05-01T10:10:00Z")), Map.entry("fuel_type", "WIND"),
                Map.entry("publish_time_utc", Instant.parse("2024-05-01T10:10:00Z")),
                Map.entry("settlement_date", LocalDate.of(2024, 5, 1)), Map.entry("settlement_period", 23L),
                Map.entry("generation", 9174L));
    }

    @Test
    void fuelhhKeyedFromStartTime() throws SourceException {
        List<Map<String, Object>> rows = List.of(
                row("dataset", "FUELHH", "publishTime", "2024-05-01T10:30:00Z", "startTime", "2024-05-01T10:00:00Z",
                        "settlementDate", "2024-05-01", "settlementPeriod", 23, "fuelType", "CCGT", "generation", 5211),
                row("dataset", "FUELHH", "publishTime", "2024-05-01T11:00:00Z", "startTime", "2024-05-01T10:30:00Z",
                        "settlementDate", "2024-05-01", "settlementPeriod", 24, "fuelType", "CCGT", "generation", 5304));
        golden("FUELHH", SP23_24, Json.array(rows), rows, 2, "2024-05-01T10:00:00Z", "2024-05-01T10:30:00Z");
    }

    @Test
    void freqFifteenSecondSamples() throws SourceException {
        List<Map<String, Object>> rows = List.of(row("dataset", "FREQ", "measurementTime", "2024-05-01T10:00:00Z", "frequency", 49.952),
                row("dataset", "FREQ", "measurementTime", "2024-05-01T10:00:15Z", "frequency", 49.961),
                row("dataset", "FREQ", "measurementTime", "2024-05-01T10:00:30Z", "frequency", 50.003),
                row("dataset", "FREQ", "measurementTime", "2024-05-01T10:00:45Z", "frequency", 50.012));
        Window w = Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T10:00:46Z");
        golden("FREQ", w, Json.array(rows), rows, 4, "2024-05-01T10:00:00Z", "2024-05-01T10:00:45Z");
    }

    @Test
    void midPerProviderAndPeriod() throws SourceException {
        List<Map<String, Object>> rows = List.of(
                row("dataset", "MID", "startTime", "2024-05-01T10:00:00Z", "dataProvider", "APXMIDP", "settlementDate", "2024-05-01",
                        "settlementPeriod", 23, "price", 72.51, "volume", 1120.35),
                row("dataset", "MID", "startTime", "2024-05-01T10:00:00Z", "dataProvider", "N2EXMIDP", "settlementDate", "2024-05-01",
                        "settlementPeriod", 23, "price", 0, "volume", 0),
                row("dataset", "MID", "startTime", "2024-05-01T10:30:00Z", "dataProvider", "APXMIDP", "settlementDate", "2024-05-01",
                        "settlementPeriod", 24, "price", 70.02, "volume", 998.5));
        golden("MID", SP23_24, Json.array(rows), rows, 3, "2024-05-01T10:00:00Z", "2024-05-01T10:30:00Z");
    }

    @Test
    void syswarnInItsPublicationSlot() throws SourceException {
        List<Map<String, Object>> rows = List.of(row("dataset", "SYSWARN", "publishTime", "2024-05-01T10:07:00Z",
                "warningType", "SO-SO TRADES", "warningText", "NATIONAL GRID NOTIFICATION of excess energy prices used for settlement"));
        golden("SYSWARN", QUARTER, Json.array(rows), rows, 1, "2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z");
    }

    @Test
    void bodPairsOfOneUnit() throws SourceException {
        List<Map<String, Object>> rows = List.of(
                row("dataset", "BOD", "settlementDate", "2024-05-01", "settlementPeriod", 23, "timeFrom", "2024-05-01T10:00:00Z",
                        "levelFrom", 5, "timeTo", "2024-05-01T10:30:00Z", "levelTo", 46, "pairId", 1, "offer", -71.5, "bid", 668.67,
                        "nationalGridBmUnit", "ABRBO-1", "bmUnit", "T_ABRBO-1"),
                row("dataset", "BOD", "settlementDate", "2024-05-01", "settlementPeriod", 23, "timeFrom", "2024-05-01T10:00:00Z",
                        "levelFrom", -5, "timeTo", "2024-05-01T10:30:00Z", "levelTo", -46, "pairId", -1, "offer", 99999, "bid", -99999,
                        "nationalGridBmUnit", "ABRBO-1", "bmUnit", "T_ABRBO-1"),
                row("dataset", "BOD", "settlementDate", "2024-05-01", "settlementPeriod", 24, "timeFrom", "2024-05-01T10:30:00Z",
                        "levelFrom", 5, "timeTo", "2024-05-01T11:00:00Z", "levelTo", 46, "pairId", 1, "offer", -70, "bid", 660,
                        "nationalGridBmUnit", "ABRBO-1", "bmUnit", "T_ABRBO-1"));
        golden("BOD", SP23_24, Json.array(rows), rows, 3, "2024-05-01T10:00:00Z", "2024-05-01T10:30:00Z");
    }

    @Test
    void pnAndQpnSegments() throws SourceException {
        for (String code : List.of("PN", "QPN")) {
            List<Map<String, Object>> rows = List.of(
                    row("dataset", code, "settlementDate", "2024-05-01", "settlementPeriod", 23, "timeFrom", "2024-05-01T10:00:00Z",
                            "timeTo", "2024-05-01T10:01:00Z", "levelFrom", 0, "levelTo", 46, "nationalGridBmUnit", "ABRBO-1", "bmUnit", "T_ABRBO-1"),
                    row("dataset", code, "settlementDate", "2024-05-01", "settlementPeriod", 23, "timeFrom", "2024-05-01T10:01:00Z",
                            "timeTo", "2024-05-01T10:30:00Z", "levelFrom", 46, "levelTo", 46, "nationalGridBmUnit", "ABRBO-1", "bmUnit", "T_ABRBO-1"));
            golden(code, Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T10:30:00Z"), Json.array(rows), rows, 2,
                    "2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z");
            // PN is dense: asked for two periods, an answer holding only the first vouches for the first only.
            assertThat(Payloads.parse(code, SP23_24, Json.array(rows)).covered()).as(code)
                    .containsExactly(Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T10:30:00Z"));
        }
    }

    @Test
    void melsResolvedLimits() throws SourceException {
        List<Map<String, Object>> rows = List.of(row("dataset", "MELS", "settlementDate", "2024-05-01", "settlementPeriod", 24,
                "timeFrom", "2024-05-01T10:30:00Z", "timeTo", "2024-05-01T11:00:00Z", "levelFrom", 400, "levelTo", 400,
                "notificationTime", "2024-05-01T09:30:02Z", "notificationSequence", 93210322, "nationalGridBmUnit", "ABRBO-1", "bmUnit", "T_ABRBO-1"));
        golden("MELS", SP23_24, Json.array(rows), rows, 1, "2024-05-01T10:30:00Z", "2024-05-01T10:30:00Z");
    }

    @Test
    void netbsadOnePerPeriod() throws SourceException {
        List<Map<String, Object>> rows = List.of(netbsad(23, 12.5), netbsad(24, -3.25));
        golden("NETBSAD", SP23_24, Json.array(rows), rows, 2, "2024-05-01T10:00:00Z", "2024-05-01T10:30:00Z");
    }

    private static Map<String, Object> netbsad(int sp, double cost) {
        return row("dataset", "NETBSAD", "settlementDate", "2024-05-01", "settlementPeriod", sp, "netBuyPriceCostAdjustmentEnergy", cost,
                "netBuyPriceVolumeAdjustmentEnergy", 1.5, "netBuyPriceVolumeAdjustmentSystem", 0, "buyPricePriceAdjustment", 0,
                "netSellPriceCostAdjustmentEnergy", 0, "netSellPriceVolumeAdjustmentEnergy", -2, "netSellPriceVolumeAdjustmentSystem", 0,
                "sellPricePriceAdjustment", 0.75);
    }

    @Test
    void indoAndItsdoInTheirEnvelope() throws SourceException {
        for (String code : List.of("INDO", "ITSDO")) {
            List<Map<String, Object>> rows = List.of(
                    row("dataset", code, "publishTime", "2024-05-01T10:03:00Z", "startTime", "2024-05-01T09:30:00Z",
                            "settlementDate", "2024-05-01", "settlementPeriod", 22, "demand", 27133),
                    row("dataset", code, "publishTime", "2024-05-01T10:33:00Z", "startTime", "2024-05-01T10:00:00Z",
                            "settlementDate", "2024-05-01", "settlementPeriod", 23, "demand", 27301));
            golden(code, SP23_24, Json.envelope(rows), rows, 2, "2024-05-01T10:00:00Z", "2024-05-01T10:30:00Z");
        }
    }

    @Test
    void dayAheadForecastsWithBoundaries() throws SourceException {
        for (String code : List.of("INDGEN", "TSDF", "NDF")) {
            String value = code.equals("INDGEN") ? "generation" : "demand";
            List<Map<String, Object>> rows = List.of(
                    row("dataset", code, value, 25100, "publishTime", "2024-05-01T10:00:00Z", "startTime", "2024-05-02T10:00:00Z",
                            "settlementDate", "2024-05-02", "settlementPeriod", 23, "boundary", "N"),
                    row("dataset", code, value, 3120, "publishTime", "2024-05-01T10:00:00Z", "startTime", "2024-05-02T10:00:00Z",
                            "settlementDate", "2024-05-02", "settlementPeriod", 23, "boundary", "B1"));
            golden(code, QUARTER, Json.array(rows), rows, 2, "2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z");
        }
    }

    @Test
    void windforEveryTargetHour() throws SourceException {
        List<Map<String, Object>> rows = List.of(
                row("dataset", "WINDFOR", "publishTime", "2024-05-01T10:10:00Z", "startTime", "2024-05-01T11:00:00Z", "generation", 8120),
                row("dataset", "WINDFOR", "publishTime", "2024-05-01T10:10:00Z", "startTime", "2024-05-01T12:00:00Z", "generation", 8433));
        golden("WINDFOR", QUARTER, Json.array(rows), rows, 2, "2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z");
    }

    @Test
    void agptAndAgwsTransparencyRowsWithTheSpecsSpaceSeparatedTimes() throws SourceException {
        for (String code : List.of("AGPT", "AGWS")) {
            List<Map<String, Object>> rows = List.of(
                    row("dataset", code, "documentId", "NGET-EMFIP-" + code + "-06426954", "documentRevisionNumber", 1,
                            "publishTime", "2024-05-01T10:02:11Z", "businessType", "Solar generation", "psrType", "Solar", "quantity", 1829,
                            "startTime", "2024-05-01T09:00:00Z", "settlementDate", "2024-05-01", "settlementPeriod", 21),
                    row("dataset", code, "documentId", "NGET-EMFIP-" + code + "-06426955", "documentRevisionNumber", 2,
                            "publishTime", "2024-05-01T10:14:59Z", "businessType", "Wind generation", "psrType", "Wind Offshore",
                            "quantity", 6120.5, "startTime", "2024-05-01T09:00:00Z", "settlementDate", "2024-05-01", "settlementPeriod", 21));
            golden(code, QUARTER, Json.array(rows), rows, 2, "2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z");
        }
        // The spec's own example writes "2023-07-12 05:00:00Z"; it is read as the same instant.
        Parsed spec = Payloads.parse("AGPT", Payloads.window("2023-07-12T05:00:00Z", "2023-07-12T05:15:00Z"), Json.array(List.of(
                row("dataset", "AGPT", "documentId", "NGET-EMFIP-AGPT-06426954", "documentRevisionNumber", 1, "publishTime", "2023-07-12 05:00:00Z",
                        "businessType", "Solar generation", "psrType", "Solar", "quantity", 1829, "startTime", "2023-07-12 06:30:00Z",
                        "settlementDate", "2023-07-12", "settlementPeriod", 16))));
        assertThat(Payloads.value("AGPT", spec.rows().get(0), "start_time_utc")).isEqualTo(Instant.parse("2023-07-12T06:30:00Z"));
    }
}
