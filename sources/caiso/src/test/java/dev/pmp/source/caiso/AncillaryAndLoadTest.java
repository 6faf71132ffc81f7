package dev.pmp.source.caiso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code caiso.as_prices}, {@code caiso.load_actual} and {@code caiso.load_forecast} on ordinary and
 * clock-change days. No CSV recording of PRC_AS or SLD_FCST exists; the reports are synthesised from the
 * documented headers (shared/sources/caiso/README.md §2.3, §4.3, §4.4), with OPR_HR 25 on the fall-back
 * day, and the parser must take times from the GMT columns only.
 */
class AncillaryAndLoadTest {
    static final String AS_HEADER = "INTERVALSTARTTIME_GMT,INTERVALENDTIME_GMT,OPR_DT,OPR_HR,OPR_INTERVAL,OPR_TYPE,"
            + "ANC_TYPE,ANC_REGION,MARKET_RUN_ID,XML_DATA_ITEM,MW,GROUP";
    static final String LOAD_HEADER = "INTERVALSTARTTIME_GMT,INTERVALENDTIME_GMT,OPR_DT,OPR_HR,OPR_INTERVAL,LOAD_TYPE,"
            + "XML_DATA_ITEM,TAC_AREA_NAME,MARKET_RUN_ID,MW,EXECUTION_TYPE,GROUP";
    private static final Instant FALL = Instant.parse("2024-11-03T07:00:00Z");
    private static final Instant FALL_END = Instant.parse("2024-11-04T08:00:00Z");
    private static final Instant SPRING = Instant.parse("2024-03-10T08:00:00Z");
    private static final Instant SPRING_END = Instant.parse("2024-03-11T07:00:00Z");
    private static final Instant SETTLED = Instant.parse("2025-02-01T00:00:00Z");
    private static final List<String> AREAS = List.of("CA ISO-TAC", "PGE-TAC", "SCE-TAC");

    /** A PRC_AS DAM report: regions × services, price = hour index + 0.5 × service. */
    static String asReport(Instant from, Instant to) {
        StringBuilder sb = new StringBuilder(AS_HEADER).append('\n');
        int i = 0;
        List<String> types = List.of("NR", "RD", "RU", "SR");
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(3600), i++) {
            for (String region : List.of("AS_CAISO_EXP", "AS_SP26")) {
                for (int k = 0; k < types.size(); k++) {
                    sb.append(OasisPayloads.GMT.format(t)).append(',').append(OasisPayloads.GMT.format(t.plusSeconds(3600)))
                            .append(',').append(OasisPayloads.operatingDay(t)).append(',')
                            .append(OasisPayloads.hourEnding(t)).append(",0,RTM,").append(types.get(k)).append(',')
                            .append(region).append(",DAM,").append(types.get(k)).append("_CLR_PRC,")
                            .append(i + 0.5 * k).append(",1\n");
                }
            }
        }
        return sb.toString();
    }

    /** An SLD_FCST report for {@code marketRunId}: load = 20000 + 100 × hour index + area index. */
    static String loadReport(String marketRunId, Instant from, Instant to) {
        StringBuilder sb = new StringBuilder(LOAD_HEADER).append('\n');
        int i = 0;
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(3600), i++) {
            for (int a = 0; a < AREAS.size(); a++) {
                sb.append(OasisPayloads.GMT.format(t)).append(',').append(OasisPayloads.GMT.format(t.plusSeconds(3600)))
                        .append(',').append(OasisPayloads.operatingDay(t)).append(',').append(OasisPayloads.hourEnding(t))
                        .append(",0,0,SYS_FCST_").append(marketRunId).append("_MW,").append(AREAS.get(a)).append(',')
                        .append(marketRunId).append(',').append(20000 + 100 * i + a).append(",,1\n");
            }
        }
        return sb.toString();
    }

    private static Parsed parse(Feed feed, Window window, String csv) throws SourceException {
        return feed.parse(window, OasisPayloads.response(feed.request(window), OasisPayloads.zip("r.csv", csv), SETTLED));
    }

    @Test
    void ancillaryPricesOnTheFallBackDayHave25Hours() throws Exception {
        Feed feed = new AncillaryServicePrices(CaisoSettings.defaults());
        Window day = new Window(FALL, FALL_END);

        Parsed parsed = parse(feed, day, asReport(FALL, FALL_END));

        assertThat(parsed.rows()).hasSize(25 * 8);
        assertThat(parsed.rows().get(0)).isEqualTo(Row.of(FALL, FALL.plusSeconds(3600), "AS_CAISO_EXP", "NR", 0.0));
        assertThat(parsed.rows().get(2 * 8 + 7)).isEqualTo(Row.of(Instant.parse("2024-11-03T09:00:00Z"),
                Instant.parse("2024-11-03T10:00:00Z"), "AS_SP26", "SR", 3.5));
        assertThat(parsed.rows().get(25 * 8 - 1).instant(1)).isEqualTo(FALL_END);
        assertThat(parsed.covered()).containsExactly(day);
        assertThat(feed.request(day).uri().getQuery()).isEqualTo("resultformat=6&queryname=PRC_AS&version=12"
                + "&market_run_id=DAM&anc_type=ALL&anc_region=ALL&startdatetime=20241103T07:00-0000"
                + "&enddatetime=20241104T08:00-0000");
    }

    @Test
    void ancillaryPricesOnTheSpringDayHave23HoursAndColumnsAreFoundByName() throws Exception {
        Feed feed = new AncillaryServicePrices(CaisoSettings.defaults());
        // the 15-minute AS report's column order (README §2.3), with hourly rows
        String reordered = reorder(asReport(SPRING, SPRING_END), "INTERVALSTARTTIME_GMT,INTERVALENDTIME_GMT,OPR_DT,"
                + "OPR_HR,OPR_TYPE,ANC_TYPE,XML_DATA_ITEM,MARKET_RUN_ID,MW,ANC_REGION,OPR_INTERVAL,GROUP");

        Parsed parsed = parse(feed, new Window(SPRING, SPRING_END), reordered);

        assertThat(parsed.rows()).hasSize(23 * 8);
        assertThat(parsed.rows().get(8).instant(0)).isEqualTo(Instant.parse("2024-03-10T09:00:00Z"));
        assertThat(parsed.rows().get(16).instant(0)).isEqualTo(Instant.parse("2024-03-10T10:00:00Z"));
        assertThat(parsed.rows()).isEqualTo(parse(feed, new Window(SPRING, SPRING_END), asReport(SPRING, SPRING_END)).rows());
    }

    @Test
    void aNonNumericAncillaryPriceHoldsBackItsHour() throws Exception {
        Feed feed = new AncillaryServicePrices(CaisoSettings.defaults());
        Window day = new Window(FALL, FALL_END);
        String csv = asReport(FALL, FALL_END).replaceFirst(",NR_CLR_PRC,0.0,", ",NR_CLR_PRC,n/a,");

        Parsed parsed = parse(feed, day, csv);

        assertThat(parsed.rows()).hasSize(24 * 8);
        assertThat(parsed.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(Window.of(FALL, Duration.ofHours(1)));
            assertThat(q.reason()).isEqualTo("r.csv line 2: MW \"n/a\" for [AS_CAISO_EXP, NR] is not a number; "
                    + "interval held back");
        });
        assertThat(parsed.covered()).containsExactly(new Window(FALL.plusSeconds(3600), FALL_END));
    }

    @Test
    void actualLoadOnBothClockChangeDays() throws Exception {
        Feed feed = new ActualLoad(CaisoSettings.defaults());

        Parsed fall = parse(feed, new Window(FALL, FALL_END), loadReport("ACTUAL", FALL, FALL_END));
        Parsed spring = parse(feed, new Window(SPRING, SPRING_END), loadReport("ACTUAL", SPRING, SPRING_END));

        assertThat(fall.rows()).hasSize(25 * 3);
        assertThat(spring.rows()).hasSize(23 * 3);
        assertThat(fall.rows().get(6)).isEqualTo(Row.of(Instant.parse("2024-11-03T09:00:00Z"),
                Instant.parse("2024-11-03T10:00:00Z"), "CA ISO-TAC", 20200.0));
        assertThat(spring.rows().get(3)).isEqualTo(Row.of(Instant.parse("2024-03-10T09:00:00Z"),
                Instant.parse("2024-03-10T10:00:00Z"), "CA ISO-TAC", 20100.0));
        assertThat(spring.rows().get(6).instant(0)).isEqualTo(Instant.parse("2024-03-10T10:00:00Z"));
    }

    @Test
    void actualLoadWithoutTheAreaColumnIsSchemaDrift() {
        Feed feed = new ActualLoad(CaisoSettings.defaults());
        String csv = loadReport("ACTUAL", FALL, FALL_END).replace("TAC_AREA_NAME", "AREA");
        assertThatThrownBy(() -> parse(feed, new Window(FALL, FALL_END), csv))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("r.csv has no column TAC_AREA_NAME");
    }

    @Test
    void loadForecastReadsThreeVintagesAndCoversTheWindowOnTheLastPage() throws Exception {
        Feed feed = new LoadForecast(CaisoSettings.defaults());
        Window day = new Window(FALL, FALL_END);

        FetchRequest first = feed.request(day);
        assertThat(first.uri().getQuery()).contains("queryname=SLD_FCST&version=1&market_run_id=DAM&");
        Parsed dam = feed.parse(day, answer(first, loadReport("DAM", FALL, FALL_END)));
        assertThat(dam.covered()).isEmpty();
        assertThat(dam.next()).get().extracting(r -> r.uri().getQuery()).asString().contains("market_run_id=2DA&");
        Parsed twoDay = feed.parse(day, answer(dam.next().get(), loadReport("2DA", FALL, FALL_END)));
        assertThat(twoDay.next()).get().extracting(r -> r.uri().getQuery()).asString().contains("market_run_id=7DA&");
        Parsed sevenDay = feed.parse(day, answer(twoDay.next().get(), loadReport("7DA", FALL, FALL_END)));

        assertThat(sevenDay.next()).isEmpty();
        assertThat(sevenDay.covered()).containsExactly(day);
        assertThat(dam.rows()).hasSize(25 * 3);
        // 2024-11-03 forecasts: day-ahead published 2024-11-02 09:10 PDT, 7-day 2024-10-27 09:10 PDT
        assertThat(dam.rows().get(6)).isEqualTo(Row.of(Instant.parse("2024-11-03T09:00:00Z"),
                Instant.parse("2024-11-03T10:00:00Z"), "CA ISO-TAC", "DAM", Instant.parse("2024-11-02T16:10:00Z"), 20200.0));
        assertThat(sevenDay.rows().get(0).get(4)).isEqualTo(Instant.parse("2024-10-27T16:10:00Z"));
        // the 25th hour (23:00 PST) still belongs to operating day 11-03
        assertThat(dam.rows().get(74).get(4)).isEqualTo(Instant.parse("2024-11-02T16:10:00Z"));
        Parsed nextDay = feed.parse(Window.of(FALL_END, Duration.ofHours(1)), answer(feed.request(
                Window.of(FALL_END, Duration.ofHours(1))), loadReport("DAM", FALL_END, FALL_END.plusSeconds(3600))));
        assertThat(nextDay.rows().get(0).get(4)).isEqualTo(Instant.parse("2024-11-03T17:10:00Z"));
        assertThat(twoDay.rows().get(0).get(3)).isEqualTo("2DA");
    }

    @Test
    void loadForecastOnTheSpringDayHas23HoursPerVintage() throws Exception {
        Feed feed = new LoadForecast(CaisoSettings.defaults());
        Window day = new Window(SPRING, SPRING_END);
        Parsed dam = feed.parse(day, answer(feed.request(day), loadReport("DAM", SPRING, SPRING_END)));
        assertThat(dam.rows()).hasSize(23 * 3);
        assertThat(dam.rows().get(3).instant(0)).isEqualTo(Instant.parse("2024-03-10T09:00:00Z"));
        assertThat(dam.rows().get(6).instant(0)).isEqualTo(Instant.parse("2024-03-10T10:00:00Z"));
        assertThat(dam.rows().get(0).get(4)).isEqualTo(Instant.parse("2024-03-09T17:10:00Z"));
    }

    @Test
    void loadForecastRefusesAnAnswerForAVintageItDidNotAskFor() {
        Feed feed = new LoadForecast(CaisoSettings.defaults());
        Window day = new Window(FALL, FALL_END);
        FetchResponse odd = OasisPayloads.response(java.net.URI.create("https://oasis.caiso.com/oasisapi/SingleZip"
                + "?queryname=SLD_FCST&market_run_id=RTM"), OasisPayloads.zip("r.csv", LOAD_HEADER + "\n"), SETTLED);
        assertThatThrownBy(() -> feed.parse(day, odd))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("names no market_run_id of DAM, 2DA or 7DA");
    }

    private static FetchResponse answer(FetchRequest request, String csv) {
        return OasisPayloads.response(request, OasisPayloads.zip("r.csv", csv), SETTLED);
    }

    /** The same report with its columns in {@code order}. */
    private static String reorder(String csv, String order) {
        String[] lines = csv.split("\n");
        List<String> from = List.of(lines[0].split(","));
        String[] to = order.split(",");
        StringBuilder sb = new StringBuilder(order).append('\n');
        for (int l = 1; l < lines.length; l++) {
            String[] cells = lines[l].split(",", -1);
            for (int c = 0; c < to.length; c++) {
                sb.append(c > 0 ? "," : "").append(cells[from.indexOf(to[c])]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
