package dev.pmp.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows are (grid instant, point, value); the key is the instant and the point. */
class NaturalKeysTest {

    private static final Instant T = Instant.parse("2024-01-01T06:00:00Z");
    private static final int[] KEY = {0, 1};

    private static Row row(int quarter, String point) {
        return Row.of(T.plusSeconds(900L * quarter), point, 1.0);
    }

    /** The position of the first row whose key an earlier row had, or -1. */
    private static int firstRepeat(List<Row> rows) {
        NaturalKeys keys = new NaturalKeys(rows, KEY, 0);
        for (int i = 0; i < rows.size(); i++) {
            if (!keys.add(i)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void distinctKeysInGridOrderPass() {
        List<Row> rows = new ArrayList<>();
        for (int q = 0; q < 50; q++) {
            for (int p = 0; p < 300; p++) {
                rows.add(row(q, "P" + p));
            }
        }
        assertThat(firstRepeat(rows)).isEqualTo(-1);
    }

    @Test
    void aRepeatInsideOneRunIsFound() {
        assertThat(firstRepeat(List.of(row(0, "A"), row(1, "A"), row(1, "B"), row(1, "A"), row(2, "A")))).isEqualTo(3);
    }

    /** The same point at another instant is another key. */
    @Test
    void theInstantIsPartOfTheKey() {
        assertThat(firstRepeat(List.of(row(0, "A"), row(1, "A"), row(2, "A")))).isEqualTo(-1);
    }

    /** The grid goes back: the earlier run's keys must still be known. */
    @Test
    void aRepeatOfAnEarlierRunIsFoundOnceTheGridGoesBack() {
        assertThat(firstRepeat(List.of(row(0, "A"), row(0, "B"), row(1, "A"), row(0, "C"), row(2, "A"), row(0, "B"))))
                .isEqualTo(5);
        assertThat(firstRepeat(List.of(row(3, "A"), row(2, "A"), row(1, "A"), row(0, "A")))).isEqualTo(-1);
        assertThat(firstRepeat(List.of(row(3, "A"), row(2, "A"), row(3, "A")))).isEqualTo(2);
    }

    /** A run larger than the first table grows it without losing keys. */
    @Test
    void aLargeRunGrowsTheTable() {
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < 10_000; p++) {
            rows.add(row(0, "P" + p));
        }
        rows.add(row(0, "P1234"));
        assertThat(firstRepeat(rows)).isEqualTo(10_000);
    }

    /** Strings with equal hash codes ("Aa", "BB") are different keys. */
    @Test
    void equalHashCodesAreNotRepeats() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        assertThat(firstRepeat(List.of(row(0, "Aa"), row(0, "BB")))).isEqualTo(-1);
        assertThat(firstRepeat(List.of(row(0, "Aa"), row(0, "BB"), row(0, "Aa")))).isEqualTo(2);
    }

    @Test
    void findsTheEarlierRowWithTheKey() {
        List<Row> rows = List.of(row(0, "A"), row(0, "B"), row(1, "A"), row(0, "B"), row(1, "A"), row(0, "A"));
        NaturalKeys keys = new NaturalKeys(rows, KEY, 0);
        int[] found = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            found[i] = keys.addOrFind(i);
        }
        // Row 3 sends the grid back, so the whole batch is kept from there on.
        assertThat(found).containsExactly(-1, -1, -1, 1, 2, 0);
    }

    @Test
    void namesTheKeyValues() {
        List<Row> rows = List.of(row(0, "A"));
        assertThat(new NaturalKeys(rows, KEY, 0).key(rows.get(0))).containsExactly(T, "A");
    }
}
