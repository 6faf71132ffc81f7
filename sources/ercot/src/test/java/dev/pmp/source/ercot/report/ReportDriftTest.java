package dev.pmp.source.ercot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Schema drift and broken files, built from the recorded samples with one change each. */
class ReportDriftTest {

    static String sample(String file) throws Exception {
        return new String(ReportGoldenTest.resource("archive/" + file), StandardCharsets.US_ASCII);
    }

    static ReportRows parse(ErcotReport report, String csv) throws SourceException {
        return ReportParser.parseCsv(report, "drift.csv", csv.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void addedColumnKeepsRowsAndIsNoted() throws Exception {
        String csv = sample("np6-905-cd.csv").replaceAll("(?m),DSTFlag$", ",DSTFlag,NewColumn").replaceAll("(?m),N$", ",N,x");
        ReportRows r = parse(ErcotReport.NP6_905_CD, csv);
        assertThat(r.rows()).hasSize(28);
        assertThat(r.notes()).containsExactly("drift.csv: column(s) NewColumn not known for NP6-905-CD; ignored, rows kept");
    }

    @Test
    void headersMatchTrimmedAndIgnoringCase() throws Exception {
        String csv = sample("np4-190-cd.csv").replace("DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag",
                "DELIVERYDATE ,HourEnding,settlementpoint , SettlementPointPrice  ,DSTFlag ");
        assertThat(parse(ErcotReport.NP4_190_CD, csv).rows())
                .isEqualTo(ReportGoldenTest.csv(ErcotReport.NP4_190_CD, "np4-190-cd.csv").rows());
    }

    @Test
    void oldSystemLambdaHeaderFillsTheOldColumn() throws Exception {
        ReportRows r = parse(ErcotReport.NP6_322_CD,
                "SCEDTimeStamp,RepeatedHourFlag,SystemLambda\r\n06/04/2025 00:00:25,N,21.5\r\n");
        assertThat(r.rows()).containsExactly(Row.of(Instant.parse("2025-06-04T05:00:00Z"), Instant.parse("2025-06-04T05:00:25Z"), 21.5, null, null));
    }

    /** SCED sometimes runs twice within 5 minutes: both runs share the mark and are kept apart by their instant. */
    @Test
    void extraScedRunSharesTheFiveMinuteMark() throws Exception {
        ReportRows r = parse(ErcotReport.NP6_322_CD, "SCEDTimeStamp,RepeatedHourFlag,SystemLambda\r\n"
                + "06/04/2025 00:00:25,N,21.5\r\n06/04/2025 00:03:41,N,22.5\r\n");
        assertThat(r.rows()).containsExactly(
                Row.of(Instant.parse("2025-06-04T05:00:00Z"), Instant.parse("2025-06-04T05:00:25Z"), 21.5, null, null),
                Row.of(Instant.parse("2025-06-04T05:00:00Z"), Instant.parse("2025-06-04T05:03:41Z"), 22.5, null, null));
    }

    @Test
    void missingOptionalFlagColumnIsNull() throws Exception {
        String csv = sample("np6-788-cd.csv").replace("SCEDTimestamp,RepeatedHourFlag,", "SCEDTimestamp,")
                .replace(",N,", ",");
        assertThat(parse(ErcotReport.NP6_788_CD, csv).rows())
                .isEqualTo(ReportGoldenTest.csv(ErcotReport.NP6_788_CD, "np6-788-cd.csv").rows());
    }

    @Test
    void renamedRequiredColumnFails() throws Exception {
        String csv = sample("np6-905-cd.csv").replace("SettlementPointPrice", "SPP");
        assertThatThrownBy(() -> parse(ErcotReport.NP6_905_CD, csv))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("missing column(s) settlementpointprice");
    }

    @Test
    void malformedLineNamesItsLine() throws Exception {
        String csv = sample("np6-905-cd.csv").replace("09/29/2026,12,1,A4_DGR2_RN,RN,22.29,N",
                "09/29/2026,12,1,A4_DGR2_RN,RN,22.29");
        assertThatThrownBy(() -> parse(ErcotReport.NP6_905_CD, csv))
                .isInstanceOf(SourceException.class)
                .satisfies(e -> assertThat(((SourceException) e).failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessage("drift.csv line 4: 6 fields, the header has 7");
    }

    @Test
    void badValuesListEveryLine() throws Exception {
        String csv = sample("np4-190-cd.csv").replace("7RNCHSLR_ALL, 28.4", "7RNCHSLR_ALL, NaN")
                .replace("A4_DGR1_RN, 28.05", "A4_DGR1_RN, abc");
        assertThatThrownBy(() -> parse(ErcotReport.NP4_190_CD, csv))
                .hasMessageContaining("2 bad row(s) in NP4-190-CD")
                .hasMessageContaining("line 2: \"NaN\" is not a finite decimal number")
                .hasMessageContaining("line 3: \"abc\" is not a number");
    }

    @Test
    void duplicateKeyIsAnError() throws Exception {
        String csv = sample("np4-188-cd.csv") + "09/29/2026,01:00,RRS,0.20,N\n";
        assertThatThrownBy(() -> parse(ErcotReport.NP4_188_CD, csv))
                .hasMessageContaining("line 12: a second row for interval_start_utc=2026-09-29T05:00:00Z, ancillary_type=RRS");
    }

    @Test
    void repeatedFlagOnOrdinaryDayIsAnError() throws Exception {
        String csv = sample("np4-188-cd.csv").replace("09/29/2026,01:00,RRS,0.19,N", "09/29/2026,01:00,RRS,0.19,Y");
        assertThatThrownBy(() -> parse(ErcotReport.NP4_188_CD, csv)).hasMessageContaining("line 2: repeated-hour flag");
    }

    @Test
    void emptyAndBrokenPayloads() {
        assertThatThrownBy(() -> parse(ErcotReport.NP4_188_CD, "")).hasMessageContaining("empty file");
        assertThatThrownBy(() -> ReportParser.parseApiPage(ErcotReport.NP4_188_CD, "x.json",
                "<html>".getBytes(StandardCharsets.US_ASCII))).isInstanceOf(SourceException.class);
        assertThatThrownBy(() -> ReportParser.parseApiPage(ErcotReport.NP4_188_CD, "x.json",
                "{\"data\":[]}".getBytes(StandardCharsets.US_ASCII))).hasMessageContaining("no \"fields\"");
    }

    @Test
    void apiPageWithMetaAndFieldsFirst() throws Exception {
        String json = "{\"_meta\":{\"totalRecords\":3,\"pageSize\":2,\"totalPages\":2,\"currentPage\":1},"
                + "\"report\":{\"reportEMIL\":\"NP4-188-CD\"},"
                + "\"fields\":[{\"name\":\"deliveryDate\",\"dataType\":\"DATE\"},{\"name\":\"hourEnding\"},"
                + "{\"name\":\"ancillaryType\"},{\"name\":\"MCPC\"},{\"name\":\"DSTFlag\"}],"
                + "\"data\":[[\"2026-09-03\",\"01:00\",\"RRS \",0.19,false],[\"2026-09-03\",\"01:00\",\"ECRS\",1e-2,false]],"
                + "\"_links\":{}}";
        ReportRows r = ReportParser.parseApiPage(ErcotReport.NP4_188_CD, "p.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(r.rows()).containsExactly(
                Row.of(Instant.parse("2026-09-03T05:00:00Z"), Instant.parse("2026-09-03T06:00:00Z"), "RRS", 0.19),
                Row.of(Instant.parse("2026-09-03T05:00:00Z"), Instant.parse("2026-09-03T06:00:00Z"), "ECRS", 0.01));
        assertThat(r.notes()).containsExactly("page 1 of 2: more pages follow");
    }
}
