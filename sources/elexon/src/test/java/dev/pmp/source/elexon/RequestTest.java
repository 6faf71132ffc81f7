package dev.pmp.source.elexon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Window;
import org.junit.jupiter.api.Test;

/** The requests of each filter family: inclusive bounds, settlement-date meaning, stream vs envelope endpoints. */
class RequestTest {
    private static final String API = "https://data.elexon.co.uk/bmrs/api/v1/datasets/";

    private static String url(String code, Window w) {
        return Payloads.feed(code).request(w).uri().toString();
    }

    @Test
    void publishTimeFamiliesAskUpToTheSecondBeforeTheWindowEnds() {
        Window w = Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T10:15:00Z");
        assertThat(url("REMIT", w)).isEqualTo(API + "REMIT/stream?publishDateTimeFrom=2024-05-01T10:00:00Z&publishDateTimeTo=2024-05-01T10:14:59Z");
        assertThat(url("AGPT", w)).isEqualTo(API + "AGPT/stream?publishDateTimeFrom=2024-05-01T10:00:00Z&publishDateTimeTo=2024-05-01T10:14:59Z");
        // INDO has no stream form: the enveloped endpoint, asked for JSON.
        assertThat(url("INDO", w)).isEqualTo(API + "INDO?publishDateTimeFrom=2024-05-01T10:00:00Z&publishDateTimeTo=2024-05-01T10:14:59Z&format=json");
        assertThat(url("FREQ", w)).isEqualTo(API + "FREQ/stream?measurementDateTimeFrom=2024-05-01T10:00:00Z&measurementDateTimeTo=2024-05-01T10:14:59Z");
        assertThat(url("RZDF", w)).isEqualTo(API + "RZDF/stream?submissionDateTimeFrom=2024-05-01T10:00:00Z&submissionDateTimeTo=2024-05-01T10:14:59Z");
        assertThat(url("NONBM", w)).isEqualTo(API + "NONBM/stream?from=2024-05-01T10:00:00Z&to=2024-05-01T10:14:59Z");
    }

    @Test
    void adjacentWindowsNeverAskForTheSameInstantOrPeriod() {
        Window a = Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T10:15:00Z");
        Window b = Payloads.window("2024-05-01T10:15:00Z", "2024-05-01T10:30:00Z");
        assertThat(url("REMIT", a)).contains("publishDateTimeTo=2024-05-01T10:14:59Z");
        assertThat(url("REMIT", b)).contains("publishDateTimeFrom=2024-05-01T10:15:00Z");
        Window c = Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T11:00:00Z");
        Window d = Payloads.window("2024-05-01T11:00:00Z", "2024-05-01T12:00:00Z");
        assertThat(url("BOD", c)).endsWith("settlementPeriodFrom=23&settlementPeriodTo=24");
        assertThat(url("BOD", d)).endsWith("settlementPeriodFrom=25&settlementPeriodTo=26");
    }

    @Test
    void settlementPeriodFiltersTurnFromAndToIntoSettlementDates() {
        // 23:00Z on 1 May is 00:00 BST on 2 May: settlement day 2 May, period 1.
        Window w = Payloads.window("2024-05-01T22:00:00Z", "2024-05-01T23:30:00Z");
        assertThat(url("BOALF", w)).isEqualTo(API + "BOALF/stream?from=2024-05-01T00:00Z&to=2024-05-02T00:00Z"
                + "&settlementPeriodFrom=47&settlementPeriodTo=1");
        assertThat(url("PN", w)).isEqualTo(API + "PN/stream?from=2024-05-01T00:00Z&to=2024-05-02T00:00Z"
                + "&settlementPeriodFrom=47&settlementPeriodTo=1");
        assertThat(url("TUDM", w)).isEqualTo(API + "TUDM/stream?settlementDateFrom=2024-05-01&settlementPeriodFrom=47"
                + "&settlementDateTo=2024-05-02&settlementPeriodTo=1");
    }

    @Test
    void fuelDatasetsUseSettlementDatesNeverPublishTimes() {
        Window oneDay = Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T11:00:00Z");
        assertThat(url("FUELHH", oneDay)).isEqualTo(API + "FUELHH/stream?settlementDateFrom=2024-05-01&settlementDateTo=2024-05-01"
                + "&settlementPeriod=23&settlementPeriod=24");
        assertThat(url("FUELINST", oneDay)).doesNotContain("publish").contains("settlementPeriod=23&settlementPeriod=24");
        Window twoDays = Payloads.window("2024-05-01T22:00:00Z", "2024-05-02T01:00:00Z");
        assertThat(url("FUELINST", twoDays)).isEqualTo(API + "FUELINST/stream?settlementDateFrom=2024-05-01&settlementDateTo=2024-05-02");
    }

    @Test
    void clockChangeDaysMapToTheirOwnPeriodNumbers() {
        // Fall back: the last period of 27 Oct 2024 is 50.
        Window autumn = Payloads.window("2024-10-27T23:00:00Z", "2024-10-28T00:00:00Z");
        assertThat(url("MID", autumn)).endsWith("from=2024-10-27T00:00Z&to=2024-10-27T00:00Z&settlementPeriodFrom=49&settlementPeriodTo=50");
        // Spring forward: 01:00Z on 31 Mar 2024 is 02:00 BST, period 3.
        Window spring = Payloads.window("2024-03-31T00:00:00Z", "2024-03-31T01:30:00Z");
        assertThat(url("NETBSAD", spring)).endsWith("from=2024-03-31T00:00Z&to=2024-03-31T00:00Z&settlementPeriodFrom=1&settlementPeriodTo=3");
    }
}
