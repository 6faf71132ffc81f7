package dev.pmp.source.isone;

import static dev.pmp.source.isone.Answers.API;
import static dev.pmp.source.isone.Answers.day;
import static dev.pmp.source.isone.Answers.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The zonal demand datasets on the recorded fall-back-day answers of zones 4001 and 4002. */
class ZonalDemandGoldenTest {
    private static final Window FALL_BACK = day(LocalDate.of(2024, 11, 3));

    private static Parsed parse(Feed feed, FetchRequest request, String file) throws SourceException {
        return feed.parse(FALL_BACK, Answers.answer(request, "application/json", Answers.recorded(file)));
    }

    /** Zone by zone: the first zone's 25 hours do not cover the day; the chain goes on to the next zone. */
    @Test
    void readsRealTimeDemandZoneByZoneOnTheFallBackDay() throws SourceException {
        Feed feed = Answers.feed(ZonalDemand.REAL_TIME, API);
        FetchRequest maine = feed.request(FALL_BACK);
        assertThat(maine.uri().toString())
                .isEqualTo("https://webservices.iso-ne.com/api/v1.1/realtimehourlydemand/day/20241103/location/4001");
        Parsed p = parse(feed, maine, "webservices_realtimehourlydemand_day_20241103_location_4001.json");
        assertThat(p.rows()).hasSize(25);
        assertThat(text(p.rows().get(0))).containsExactly("2024-11-03T04:00:00Z", "2024-11-03T05:00:00Z", "4001",
                ".Z.MAINE", "1020.709");
        assertThat(text(p.rows().get(1))).containsExactly("2024-11-03T05:00:00Z", "2024-11-03T06:00:00Z", "4001",
                ".Z.MAINE", "993.087");
        assertThat(text(p.rows().get(2))).containsExactly("2024-11-03T06:00:00Z", "2024-11-03T07:00:00Z", "4001",
                ".Z.MAINE", "987.751");
        assertThat(text(p.rows().get(24))).containsExactly("2024-11-04T04:00:00Z", "2024-11-04T05:00:00Z", "4001",
                ".Z.MAINE", "1078.651");
        assertThat(p.covered()).isEmpty();
        FetchRequest newHampshire = p.next().orElseThrow();
        assertThat(newHampshire.uri().toString()).endsWith("/realtimehourlydemand/day/20241103/location/4002");

        Parsed q = parse(feed, newHampshire, "webservices_realtimehourlydemand_day_20241103_location_4002.json");
        assertThat(q.rows()).hasSize(25);
        assertThat(text(q.rows().get(0))).containsExactly("2024-11-03T04:00:00Z", "2024-11-03T05:00:00Z", "4002",
                ".Z.NEWHAMPSHIRE", "975.788");
        assertThat(text(q.rows().get(24))).containsExactly("2024-11-04T04:00:00Z", "2024-11-04T05:00:00Z", "4002",
                ".Z.NEWHAMPSHIRE", "1034.079");
        assertThat(q.next().orElseThrow().uri().toString()).endsWith("/location/4003");
    }

    /**
     * The chain walks all eight zones (the 4001 recording answers each; for zones other than 4001 its records are
     * quarantined, which still lets the chain go on); the answer for the last zone is checked against it.
     */
    @Test
    void walksEveryZoneAndOnlyTheLastCoversTheDay() throws SourceException {
        Feed feed = Answers.feed(ZonalDemand.REAL_TIME, API);
        FetchRequest last = feed.request(FALL_BACK);
        for (int i = 1; i < ZonalDemand.ZONES.size(); i++) {
            last = parse(feed, last, "webservices_realtimehourlydemand_day_20241103_location_4001.json").next()
                    .orElseThrow();
        }
        assertThat(last.uri().toString()).endsWith("/location/4008");
        // A recorded answer for another zone than the one asked for is refused record by record.
        Parsed wrongZone = parse(feed, last, "webservices_realtimehourlydemand_day_20241103_location_4002.json");
        assertThat(wrongZone.rows()).isEmpty();
        assertThat(wrongZone.quarantined()).hasSize(25).first().satisfies(q -> assertThat(q.reason())
                .contains("@LocId is 4002, not the zone asked for (4008)"));
        assertThat(wrongZone.covered()).isEmpty();
        // The 4001 recording relabelled as zone 4008 (a synthesised answer): the last zone covers the day.
        String relabelled = new String(Answers.recorded("webservices_realtimehourlydemand_day_20241103_location_4001.json"),
                java.nio.charset.StandardCharsets.UTF_8).replace("\"4001\"", "\"4008\"").replace(".Z.MAINE", ".Z.NEMASSBOST");
        Parsed lastZone = feed.parse(FALL_BACK, Answers.json(last, relabelled));
        assertThat(lastZone.rows()).hasSize(25).allSatisfy(r -> assertThat(r.text(2)).isEqualTo("4008"));
        assertThat(lastZone.covered()).containsExactly(FALL_BACK);
        assertThat(lastZone.next()).isEmpty();
    }

    @Test
    void readsDayAheadDemandOnTheFallBackDay() throws SourceException {
        Feed feed = Answers.feed(ZonalDemand.DAY_AHEAD, API);
        FetchRequest maine = feed.request(FALL_BACK);
        assertThat(maine.uri().toString())
                .isEqualTo("https://webservices.iso-ne.com/api/v1.1/dayaheadhourlydemand/day/20241103/location/4001");
        Parsed p = parse(feed, maine, "webservices_dayaheadhourlydemand_day_20241103_location_4001.json");
        assertThat(p.rows()).hasSize(25);
        assertThat(text(p.rows().get(0))).containsExactly("2024-11-03T04:00:00Z", "2024-11-03T05:00:00Z", "4001",
                ".Z.MAINE", "948.1");
        assertThat(p.rows().get(1).get(4)).isEqualTo(893.9);
        assertThat(p.rows().get(2).instant(0)).isEqualTo(Instant.parse("2024-11-03T06:00:00Z"));
        assertThat(p.rows().get(2).get(4)).isEqualTo(950.9);
        assertThat(text(p.rows().get(24))).containsExactly("2024-11-04T04:00:00Z", "2024-11-04T05:00:00Z", "4001",
                ".Z.MAINE", "1067.5");
        Parsed q = parse(feed, p.next().orElseThrow(), "webservices_dayaheadhourlydemand_day_20241103_location_4002.json");
        assertThat(q.rows()).hasSize(25);
        assertThat(text(q.rows().get(0))).containsExactly("2024-11-03T04:00:00Z", "2024-11-03T05:00:00Z", "4002",
                ".Z.NEWHAMPSHIRE", "895.8");
        assertThat(text(q.rows().get(24))).containsExactly("2024-11-04T04:00:00Z", "2024-11-04T05:00:00Z", "4002",
                ".Z.NEWHAMPSHIRE", "1006.6");
    }

    @Test
    void anEmptyFirstZoneIsNotPublished() {
        Feed feed = Answers.feed(ZonalDemand.DAY_AHEAD, API);
        FetchRequest maine = feed.request(FALL_BACK);
        assertThatThrownBy(() -> feed.parse(FALL_BACK, Answers.json(maine, "{\"HourlyDaDemands\":\"\"}")))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NOT_PUBLISHED));
    }
}
