package dev.pmp.source.elexon;

import static dev.pmp.source.elexon.Json.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Dataset;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * REMIT messages: every revision is its own row keyed by {@code mrid} and {@code revisionNumber}. The
 * publish-time query of {@code /datasets/REMIT/stream} returns each revision published in the window
 * (there is no {@code latestRevisionOnly} filter on it; that default of {@code /remit/list/*} does not
 * apply), so no revision is missed. Payload synthesised from the documented fields (spec §5) and the
 * spec's example message.
 */
class RemitRevisionsTest {
    private static final String MRID = "11XINNOGY------2-NGET-RMT-00084421";

    private static Map<String, Object> remit(String mrid, int revision, String published, double available, List<Map<String, Object>> profile) {
        return row("dataset", "REMIT", "mrid", mrid, "revisionNumber", revision, "publishTime", published, "createdTime", published,
                "messageType", "UnavailabilitiesOfElectricityFacilities", "messageHeading", "Planned Unavailability of Generation Unit",
                "eventType", "Production unavailability", "unavailabilityType", "Planned", "participantId", "11XINNOGY------2",
                "registrationCode", "11XINNOGY------2", "assetId", "T_DIDCB5", "assetType", "Production", "affectedUnit", "DIDCB5",
                "affectedUnitEIC", "48W000000DIDCB5C", "affectedArea", "N", "biddingZone", "10YGB----------A", "fuelType", "Fossil Gas",
                "normalCapacity", 780, "availableCapacity", available, "unavailableCapacity", 780 - available, "eventStatus", "Active",
                "eventStartTime", "2024-05-03T06:00:00Z", "eventEndTime", "2024-05-05T18:00:00Z", "durationUncertainty", null,
                "cause", "Planned Outage", "relatedInformation", null, "outageProfile", profile);
    }

    @Test
    void everyRevisionIsKeptAsItsOwnRow() throws SourceException {
        Window hour = Payloads.window("2024-05-01T10:00:00Z", "2024-05-01T11:00:00Z");
        List<Map<String, Object>> profile = List.of(row("startTime", "2024-05-03T06:00:00Z", "endTime", "2024-05-05T18:00:00Z", "capacity", 320));
        Parsed p = Payloads.parse("REMIT", hour, Json.array(List.of(
                remit(MRID, 25, "2024-05-01T10:39:15Z", 320, profile),
                remit(MRID, 24, "2024-05-01T10:02:00Z", 400, List.of()),
                remit("48X000000000277E-NGET-RMT-00004516", 2, "2024-05-01T10:40:00Z", 0, null))));

        assertThat(p.rows()).hasSize(3);
        Dataset remit = ElexonCatalogue.byCode("REMIT").orElseThrow();
        assertThat(remit.schema().naturalKey()).containsExactly("interval_start_utc", "mrid", "revision_number");
        assertThat(p.rows()).extracting(r -> Payloads.value("REMIT", r, "revision_number")).containsExactly(24L, 25L, 2L);
        Map<String, Object> latest = Payloads.named("REMIT", p.rows().get(1));
        assertThat(latest).containsEntry("interval_start_utc", Instant.parse("2024-05-01T10:30:00Z")).containsEntry("mrid", MRID)
                .containsEntry("publish_time_utc", Instant.parse("2024-05-01T10:39:15Z")).containsEntry("available_capacity", 320.0)
                .containsEntry("affected_unit_eic", "48W000000DIDCB5C").containsEntry("duration_uncertainty", null)
                .containsEntry("outage_profile", "[{\"startTime\":\"2024-05-03T06:00:00Z\",\"endTime\":\"2024-05-05T18:00:00Z\",\"capacity\":320}]");
        assertThat(Payloads.value("REMIT", p.rows().get(0), "outage_profile")).isEqualTo("[]");
        assertThat(Payloads.value("REMIT", p.rows().get(2), "outage_profile")).isNull();
        assertThat(p.covered()).containsExactly(hour);
    }
}
