package dev.pmp.source.nyiso;

import static dev.pmp.source.nyiso.Payloads.feed;
import static dev.pmp.source.nyiso.Payloads.month;
import static dev.pmp.source.nyiso.Payloads.monthly;
import static dev.pmp.source.nyiso.Payloads.utf8;
import static dev.pmp.source.nyiso.Payloads.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pmp.engine.pipeline.Pipeline;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Monthly archives, <b>synthesised from the documented layout</b> (spec §1: one {@code YYYYMMDD<file>.csv}
 * member per day; no archive was recorded): missing days, bad members, truncation, HTML.
 */
class ArchiveTest {

    private static final YearMonth NOV = YearMonth.of(2024, 11);
    private static final List<String> REGIONS = List.of("EAST", "WEST");

    private static Map<String, byte[]> days(YearMonth month, LocalDate... skip) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            if (!Arrays.asList(skip).contains(d)) {
                m.put(NyisoDatasets.DAM_ASP.dailyName(d), utf8(SyntheticFiles.reserves(d, false, REGIONS)));
            }
        }
        return m;
    }

    private static Parsed parse(byte[] zip, Instant fetchedAt) throws SourceException {
        return feed(NyisoDatasets.AS_PRICES_DAY_AHEAD).parse(month(NOV), monthly(NyisoDatasets.DAM_ASP, NOV, zip,
                fetchedAt));
    }

    @Test
    void aWholeMonthWindowFetchesTheArchive() {
        Feed feed = feed(NyisoDatasets.AS_PRICES_DAY_AHEAD);
        assertThat(feed.request(month(NOV)).uri().toString())
                .isEqualTo("http://mis.nyiso.com/public/csv/damasp/20241101damasp_csv.zip");
    }

    @Test
    void aCompleteMonthCoversTheMonth() throws SourceException {
        Parsed p = parse(zip(days(NOV)), Instant.parse("2024-12-02T12:00:00Z"));
        Pipeline.validate(NyisoDatasets.AS_PRICES_DAY_AHEAD, p.rows());
        // 30 days * 24 hours + 1 repeated hour on Nov 3, 2 regions, 4 products
        assertThat(p.rows()).hasSize((30 * 24 + 1) * 2 * 4);
        assertThat(p.covered()).containsExactly(month(NOV));
        assertThat(p.quarantined()).isEmpty();
    }

    @Test
    void aDayMissingInsideTheMonthIsAnExplicitSourceGap() throws SourceException {
        LocalDate missing = LocalDate.of(2024, 11, 5);
        Parsed p = parse(zip(days(NOV, missing)), Instant.parse("2024-12-02T12:00:00Z"));
        assertThat(p.covered()).containsExactly(month(NOV));
        assertThat(p.rows()).noneMatch(r -> Payloads.day(missing).contains(r.instant(0)));
        assertThat(p.rows()).hasSize((29 * 24 + 1) * 2 * 4);
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("20241101damasp_csv.zip has no member for 2024-11-05",
                "source gap"));
    }

    @Test
    void missingDaysAtTheEndStayUncoveredUntilTheyCannotComeAnyMore() throws SourceException {
        byte[] zip = zip(days(NOV, LocalDate.of(2024, 11, 29), LocalDate.of(2024, 11, 30)));
        Parsed early = parse(zip, Instant.parse("2024-11-30T12:00:00Z"));
        assertThat(early.covered()).containsExactly(new Window(month(NOV).start(), Payloads.day(LocalDate.of(2024, 11, 29)).start()));
        Parsed late = parse(zip, Instant.parse("2024-12-31T00:00:00Z"));
        assertThat(late.covered()).containsExactly(month(NOV));
    }

    @Test
    void aBadMemberQuarantinesItsDayOnly() throws SourceException {
        Map<String, byte[]> members = days(NOV);
        LocalDate bad = LocalDate.of(2024, 11, 12);
        members.put(NyisoDatasets.DAM_ASP.dailyName(bad),
                utf8(SyntheticFiles.reserves(bad, false, REGIONS).replaceFirst(",5\\.00,", ",N/A,")));
        Parsed p = parse(zip(members), Instant.parse("2024-12-02T12:00:00Z"));
        assertThat(p.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.window()).isEqualTo(Payloads.day(bad));
            assertThat(q.rows()).isEqualTo(48);
            assertThat(q.reason()).contains("20241112damasp.csv", "line 2", "10 Min Spinning Reserve", "\"N/A\"");
        });
        assertThat(p.covered()).containsExactly(new Window(month(NOV).start(), Payloads.day(bad).start()),
                new Window(Payloads.day(bad).end(), month(NOV).end()));
    }

    /** The known defect of {@code 20210401pal_csv.zip}: members of other dates under a day's name. */
    @Test
    void aMemberHoldingAnotherDayIsQuarantined() throws SourceException {
        Map<String, byte[]> members = days(NOV);
        members.put(NyisoDatasets.DAM_ASP.dailyName(LocalDate.of(2024, 11, 1)),
                utf8(SyntheticFiles.reserves(LocalDate.of(2024, 11, 8), false, REGIONS)));
        Parsed p = parse(zip(members), Instant.parse("2024-12-02T12:00:00Z"));
        assertThat(p.quarantined()).singleElement().satisfies(q ->
                assertThat(q.reason()).contains("20241101damasp.csv", "11/08/2024 00:00:00", "not on 2024-11-01"));
    }

    @Test
    void anArchiveWithoutDaysCoversNothing() throws SourceException {
        Parsed p = parse(zip(Map.of()), Instant.parse("2024-12-31T00:00:00Z"));
        assertThat(p.rows()).isEmpty();
        assertThat(p.covered()).isEmpty();
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("holds no day at all"));
    }

    @Test
    void membersOfAnotherMonthAreIgnoredWithANote() throws SourceException {
        Map<String, byte[]> members = days(NOV);
        members.put("20241201damasp.csv", utf8(SyntheticFiles.reserves(LocalDate.of(2024, 12, 1), false, REGIONS)));
        Parsed p = parse(zip(members), Instant.parse("2024-12-02T12:00:00Z"));
        assertThat(p.covered()).containsExactly(month(NOV));
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("20241201damasp.csv", "ignored"));
    }

    @Test
    void aTruncatedArchiveIsBadData() {
        byte[] zip = zip(days(NOV));
        byte[] cut = Arrays.copyOf(zip, zip.length / 2);
        assertThatThrownBy(() -> parse(cut, Instant.parse("2024-12-02T12:00:00Z")))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("20241101damasp_csv.zip is truncated");
    }

    @Test
    void aCorruptMemberIsBadData() {
        byte[] zip = zip(days(NOV));
        // damage the compressed data of the first member, keep the directory
        for (int i = 60; i < 90; i++) {
            zip[i] = (byte) 0xFF;
        }
        assertThatThrownBy(() -> parse(zip, Instant.parse("2024-12-02T12:00:00Z")))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("20241101damasp_csv.zip");
    }

    @Test
    void anHtmlPageInsteadOfTheArchiveIsBadData() {
        byte[] html = utf8("<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>");
        assertThatThrownBy(() -> parse(html, Instant.parse("2024-12-02T12:00:00Z")))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("not a zip archive but an HTML page");
    }

    @Test
    void aMemberWithHeaderDriftFailsTheArchive() {
        Map<String, byte[]> members = days(NOV);
        LocalDate d = LocalDate.of(2024, 11, 20);
        members.put(NyisoDatasets.DAM_ASP.dailyName(d), utf8(SyntheticFiles.reserves(d, false, REGIONS)
                .replace("30 Min Operating Reserve ($/MWHr)", "30 Min Reserve")));
        assertThatThrownBy(() -> parse(zip(members), Instant.parse("2024-12-02T12:00:00Z")))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.failure()).isEqualTo(Failure.BAD_DATA))
                .hasMessageContaining("20241120damasp.csv", "\"30 Min Operating Reserve ($/MWHr)\" is missing");
    }

    /** Legacy fuel-mix members end with the next day's 00:00 reading; the next day's own member wins. */
    @Test
    void aReadingOfTheNextDayInAMemberIsMergedWithThatDaysMember() throws SourceException {
        YearMonth jan = YearMonth.of(2016, 1);
        List<String> fuels = List.of("Hydro", "Wind");
        Map<String, byte[]> members = new LinkedHashMap<>();
        for (LocalDate d = jan.atDay(1); !d.isAfter(jan.atEndOfMonth()); d = d.plusDays(1)) {
            String body = SyntheticFiles.fuelMix(d, fuels);
            if (d.getDayOfMonth() == 1) {
                // the 00:00 reading of Jan 2 also in Jan 1's member: Hydro equal, Wind different
                String next = SyntheticFiles.fuelMix(d.plusDays(1), fuels).split("\r\n")[1];
                body = body + next + "\r\n" + "01/02/2016 00:00:00,EST,Wind,1.0\r\n";
            }
            members.put(NyisoDatasets.FUEL_MIX.dailyName(d), utf8(body));
        }
        Parsed p = feed(NyisoDatasets.FUEL_MIX_DATASET).parse(month(jan), monthly(NyisoDatasets.FUEL_MIX, jan,
                zip(members), Instant.parse("2016-02-02T00:00:00Z")));
        Pipeline.validate(NyisoDatasets.FUEL_MIX_DATASET, p.rows());
        assertThat(p.rows()).hasSize(31 * 288 * 2);
        assertThat(p.rows()).noneMatch(r -> r.number(2) == 1.0);
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("disagree", "Wind", "own day kept"));
        assertThat(p.covered()).containsExactly(month(jan));
    }
}
