package dev.pmp.push.iris;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IrisSubjectsTest {

    @ParameterizedTest
    @CsvSource({
            "FUELINST, elexon.fuelinst",
            "BOALF, elexon.boalf",
            "SYS_WARN, elexon.syswarn",
            "LOLPDM, elexon.lolpdrm",
            "E0361, elexon.cdn",
            "mibm_mid, elexon.mibm_mid",
            "' FREQ ', elexon.freq"})
    void aSubjectNamesTheDatasetOfItsApiCode(String subject, String datasetId) {
        assertThat(IrisSubjects.datasetId(subject)).contains(datasetId);
    }

    @Test
    void renamedCodesMapToTheApiCodes() {
        assertThat(IrisSubjects.apiCode("sys_warn")).isEqualTo("SYSWARN");
        assertThat(IrisSubjects.apiCode("LOLPDM")).isEqualTo("LOLPDRM");
        assertThat(IrisSubjects.apiCode("E0361")).isEqualTo("CDN");
        assertThat(IrisSubjects.apiCode("MELS")).isEqualTo("MELS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "FUEL INST", "../FUELINST", "1ABC", "FUELINST.json"})
    void anythingElseNamesNoDataset(String subject) {
        assertThat(IrisSubjects.datasetId(subject)).isEmpty();
    }
}
