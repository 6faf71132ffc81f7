package dev.pmp.source.elexon;

import static dev.pmp.source.elexon.Json.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Quarantine;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Bad answers: each is refused with the right {@link Failure} and a message naming the problem, or quarantined or noted. */
class FailureTest {
    private static final Window SP23_24 = Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T11:00:00Z");

    private static Map<String, Object> mid(int sp, Object price) {
        return row("dataset", "MID", "startTime", SettlementPeriods.start(java.time.LocalDate.of(2024, 5, 1), sp).toString(),
                "dataProvider", "APXMIDP", "settlementDate", "2024-05-01", "settlementPeriod", sp, "price", price, "volume", 10.0);
    }

    private static AbstractThrowableAssert<?, ?> refused(String code, Window w, String body, Failure failure) {
        return assertThatThrownBy(() -> Payloads.parse(code, w, body)).isInstanceOf(SourceException.class)
                .satisfies(e -> assertThat(((SourceException) e).failure()).isEqualTo(failure));
    }

    @Test
    void truncatedJsonIsBadData() {
        String whole = Json.array(List.of(mid(23, 60.5), mid(24, 61.0)));
        refused("MID", SP23_24, whole.substring(0, whole.length() - 20), Failure.BAD_DATA)
                .hasMessageStartingWith("Elexon MID: truncated or malformed JSON (");
        String recorded = new String(Payloads.recorded("datasets-ATL.json"), java.nio.charset.StandardCharsets.UTF_8);
        refused("ATL", SP23_24, recorded.substring(0, 5000), Failure.BAD_DATA).hasMessageContaining("truncated or malformed JSON");
    }

    @Test
    void htmlBehind200IsBadData() {
        refused("MID", SP23_24, "<!DOCTYPE html><html><body>Service Unavailable</body></html>", Failure.BAD_DATA)
                .hasMessage("Elexon MID: the body is an HTML or XML page, not JSON: \"<!DOCTYPE html><html><body>Service Unavailable</body></html>\"");
        refused("MID", SP23_24, "", Failure.BAD_DATA).hasMessage("Elexon MID: the body is empty");
    }

    @Test
    void emptyDataOfADenseDatasetIsNotPublishedYetOfASparseOneCoversTheWindow() throws SourceException {
        refused("MID", SP23_24, "[]", Failure.NOT_PUBLISHED).hasMessageContaining("no rows yet for " + SP23_24);
        refused("FUELINST", SP23_24, "{\"data\":[]}", Failure.NOT_PUBLISHED);
        Parsed boalf = Payloads.parse("BOALF", SP23_24, "{\"data\":[]}");
        assertThat(boalf.rows()).isEmpty();
        assertThat(boalf.covered()).containsExactly(SP23_24);
        assertThat(Payloads.parse("REMIT", SP23_24, "[]").covered()).containsExactly(SP23_24);
    }

    @Test
    void aNonNumericValueQuarantinesItsPeriodOnly() throws SourceException {
        Parsed p = Payloads.parse("MID", SP23_24, Json.array(List.of(mid(23, "N/A"), mid(24, 61.0))));
        assertThat(p.rows()).hasSize(1);
        assertThat(Payloads.value("MID", p.rows().get(0), "settlement_period")).isEqualTo(24L);
        assertThat(p.quarantined()).containsExactly(new Quarantine(Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T10:30:00Z"), 1,
                "row 0: field price = \"N/A\" is not a valid double"));
        assertThat(p.covered()).containsExactly(Payloads.window("2024-05-01T10:30:00Z", "2024-05-01T11:00:00Z"));
    }

    @Test
    void aRequiredFieldMissingFromEveryRowIsSchemaDrift() {
        String body = Json.array(List.of(row("dataset", "MID", "startTime", "2024-05-01T10:00:00Z", "provider", "APXMIDP", "price", 60.5)));
        refused("MID", SP23_24, body, Failure.BAD_DATA)
                .hasMessage("Elexon MID: no row has the field dataProvider (column data_provider); the dataset's schema has changed");
        String noTime = Json.array(List.of(row("dataset", "FREQ", "time", "2024-05-01T10:00:00Z", "frequency", 50.0)));
        refused("FREQ", SP23_24, noTime, Failure.BAD_DATA).hasMessageContaining("no row has the field measurementTime");
    }

    @Test
    void unknownExtraFieldsAreANote() throws SourceException {
        Map<String, Object> r = mid(23, 60.5);
        r.put("newField", "x");
        Parsed p = Payloads.parse("MID", Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T10:30:00Z"), Json.array(List.of(r)));
        assertThat(p.rows()).hasSize(1);
        assertThat(p.notes()).containsExactly("Elexon MID: fields not in the catalogue, left out: newField");
    }

    @Test
    void identicalDuplicatesAreMergedConflictingOnesQuarantined() throws SourceException {
        Parsed same = Payloads.parse("MID", SP23_24, Json.array(List.of(mid(23, 60.5), mid(23, 60.5), mid(24, 61.0))));
        assertThat(same.rows()).hasSize(2);
        assertThat(same.notes()).containsExactly("1 identical repeated rows merged");
        assertThat(same.covered()).containsExactly(SP23_24);

        Parsed conflicting = Payloads.parse("MID", SP23_24, Json.array(List.of(mid(23, 60.5), mid(23, 99.0), mid(24, 61.0))));
        assertThat(conflicting.rows()).extracting(r -> Payloads.value("MID", r, "settlement_period")).containsExactly(24L);
        assertThat(conflicting.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T10:30:00Z"));
            assertThat(q.reason()).startsWith("row 1 repeats key [2024-05-01T10:00:00Z, APXMIDP] with other values");
        });
    }

    @Test
    void outOfOrderRowsAreSortedWithANote() throws SourceException {
        Parsed p = Payloads.parse("MID", SP23_24, Json.array(List.of(mid(24, 61.0), mid(23, 60.5))));
        assertThat(p.rows()).extracting(r -> r.instant(0)).isSorted();
        assertThat(p.notes()).containsExactly("Elexon MID: rows arrived out of time order; sorted");
    }

    @Test
    void rowsOutsideTheWindowAreLeftOutSoCoveredIsWhatWasAsked() throws SourceException {
        Window sp23 = Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T10:30:00Z");
        Parsed p = Payloads.parse("MID", sp23, Json.array(List.of(mid(23, 60.5), mid(24, 61.0))));
        assertThat(p.rows()).hasSize(1);
        assertThat(p.covered()).containsExactly(sp23);
        assertThat(p.notes()).containsExactly("1 rows outside the requested window " + sp23 + " left out");
    }

    @Test
    void errorDocumentsAndOtherShapesAreBadData() {
        refused("MID", SP23_24, "{\"type\":\"https://tools.ietf.org/html/rfc7231#section-6.5.1\",\"title\":\"One or more validation errors occurred.\","
                + "\"status\":400,\"errors\":{\"from\":[\"The value 'x' is not valid.\"]}}", Failure.BAD_DATA)
                .hasMessage("Elexon MID: the answer is an error document, not data: status 400, One or more validation errors occurred.");
        refused("MID", SP23_24, "{\"metadata\":{\"datasets\":[\"MID\"]}}", Failure.BAD_DATA)
                .hasMessage("Elexon MID: the JSON object has no \"data\" array (fields [metadata])");
        refused("MID", SP23_24, "42", Failure.BAD_DATA).hasMessageContaining("neither a JSON array nor an object");
        refused("MID", SP23_24, "[1,2]", Failure.BAD_DATA).hasMessageContaining("row 0 is not a JSON object");
        refused("MID", SP23_24, "[] []", Failure.BAD_DATA).hasMessageContaining("content follows the JSON document");
    }

    @Test
    void rowsOfAnotherDatasetAreRefused() {
        refused("MELS", SP23_24, new String(Payloads.recorded("datasets-MILS.json"), java.nio.charset.StandardCharsets.UTF_8), Failure.BAD_DATA)
                .hasMessage("Elexon MELS: the answer holds rows of dataset MILS");
    }

    @Test
    void aNullNumericKeyQuarantinesItsSlot() throws SourceException {
        Window q = Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T10:15:00Z");
        Parsed p = Payloads.parse("REMIT", q, Json.array(List.of(row("dataset", "REMIT", "mrid", "A", "revisionNumber", null,
                "publishTime", "2024-05-01T10:01:00Z"))));
        assertThat(p.rows()).isEmpty();
        assertThat(p.quarantined()).extracting(Quarantine::reason).containsExactly("row 0: key field revisionNumber is null");
        assertThat(p.covered()).isEmpty();
    }
}
