package dev.pmp.source.isone;

import static dev.pmp.source.isone.Answers.API;
import static dev.pmp.source.isone.Answers.day;
import static dev.pmp.source.isone.Answers.json;
import static dev.pmp.source.isone.Answers.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Feed;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Reserve and regulation prices. No real answer was recorded: payloads are synthesised from the documented
 * fields (README §3.2, gridstatus' constants) including {@code BeginDate}s a few seconds past the mark (§3.2).
 */
class AncillaryPricesTest {

    private static List<Instant> fiveMinutes(LocalDate d) {
        Window w = day(d);
        return Synthesised.instants(w.start(), w.end(), Duration.ofMinutes(5));
    }

    private static String reserve(Instant t, int secondsLate) {
        return String.format(Locale.ROOT, "{\"BeginDate\":\"%s\",\"ReserveZoneId\":7000,\"ReserveZoneName\":\"ROS\","
                + "\"TenMinSpinRequirement\":800.0,\"Total10MinRequirement\":1600.0,\"Total30MinRequirement\":2400.0,"
                + "\"TmsrClearingPrice\":1.25,\"TmnsrClearingPrice\":0.5,\"TmorClearingPrice\":0.0,"
                + "\"TmsrDesignatedMw\":900.1,\"TmnsrDesignatedMw\":700.2,\"TmorDesignatedMw\":1000.3}",
                Synthesised.stamp(t.plusSeconds(secondsLate)));
    }

    /** The fall-back day: 300 five-minute intervals; two stamps one and two seconds late are floored. */
    @Test
    void readsReservePricesOnTheFallBackDay() throws SourceException {
        Feed feed = Answers.feed(AncillaryPrices.RESERVES, API);
        Window window = day(LocalDate.of(2024, 11, 3));
        List<String> records = new ArrayList<>();
        List<Instant> marks = fiveMinutes(LocalDate.of(2024, 11, 3));
        for (int i = 0; i < marks.size(); i++) {
            records.add(reserve(marks.get(i), i == 13 ? 1 : i == 14 ? 2 : 0));
        }
        var request = feed.request(window);
        assertThat(request.uri().toString())
                .isEqualTo("https://webservices.iso-ne.com/api/v1.1/fiveminutereserveprice/day/20241103");
        Parsed p = feed.parse(window, json(request,
                Synthesised.envelope("FiveMinReservePrices", "FiveMinReservePrice", records)));
        assertThat(p.rows()).hasSize(300);
        assertThat(p.rows().get(13).instant(0)).isEqualTo(Instant.parse("2024-11-03T05:05:00Z"));
        assertThat(p.rows().get(14).instant(0)).isEqualTo(Instant.parse("2024-11-03T05:10:00Z"));
        assertThat(text(p.rows().get(0))).containsExactly("2024-11-03T04:00:00Z", "2024-11-03T04:05:00Z", "7000", "ROS",
                "1.25", "0.5", "0.0", "800.0", "1600.0", "2400.0", "900.1", "700.2", "1000.3");
        assertThat(p.rows().get(299).instant(0)).isEqualTo(Instant.parse("2024-11-04T04:55:00Z"));
        assertThat(p.covered()).containsExactly(window);
        assertThat(p.notes()).singleElement().asString().contains("2 x BeginDate off the 5-minute grid floored");
    }

    /** The spring-forward day: 276 intervals. */
    @Test
    void readsRegulationPricesOnTheSpringForwardDay() throws SourceException {
        Feed feed = Answers.feed(AncillaryPrices.REGULATION, API);
        Window window = day(LocalDate.of(2024, 3, 10));
        List<String> records = fiveMinutes(LocalDate.of(2024, 3, 10)).stream().map(t -> String.format(Locale.ROOT,
                "{\"BeginDate\":\"%s\",\"RegServiceClearingPrice\":2.5,\"RegCapacityClearingPrice\":%s}",
                Synthesised.stamp(t), Synthesised.price(t))).toList();
        var request = feed.request(window);
        assertThat(request.uri().toString()).isEqualTo("https://webservices.iso-ne.com/api/v1.1/fiveminutercp/day/20240310");
        Parsed p = feed.parse(window, json(request, Synthesised.envelope("FiveMinRcps", "FiveMinRcp", records)));
        assertThat(p.rows()).hasSize(276);
        assertThat(text(p.rows().get(0))).containsExactly("2024-03-10T05:00:00Z", "2024-03-10T05:05:00Z", "2.5", "37.8");
        assertThat(p.rows().get(24).instant(0)).isEqualTo(Instant.parse("2024-03-10T07:00:00Z"));
        assertThat(p.rows().get(275).instant(0)).isEqualTo(Instant.parse("2024-03-11T03:55:00Z"));
        assertThat(p.covered()).containsExactly(window);
    }
}
