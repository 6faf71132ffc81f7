package dev.pmp.source.caiso.oasis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The byte-level cell readers against the JDK's own parsers. */
class CellParsingTest {

    private static double decimal(String text) {
        byte[] b = ("," + text + ",").getBytes(StandardCharsets.US_ASCII);
        return Decimal.parse(b, 1, b.length - 1);
    }

    private static long gmt(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return new GmtTime().epochSecond(b, 0, b.length);
    }

    @Test
    void decimalsMatchParseDouble() {
        for (String s : new String[] {"0", "41.7015", "-0.3453", "63.81", "-1.04758", "1e-3", "123456789.123456789",
            "0.1", "-2.74991", " 7.5 ", "+3", "1.", "999999999999999"}) {
            assertThat(decimal(s)).as(s).isEqualTo(Double.parseDouble(s.strip()));
        }
        assertThat(decimal("-0")).isEqualTo(0.0);
        assertThat(decimal("-0.000")).isEqualTo(0.0);
        assertThat(decimal("")).isNaN();
        assertThat(decimal("abc")).isNaN();
        assertThat(decimal("NaN")).isNaN();
        assertThat(decimal("Infinity")).isNaN();
        assertThat(decimal("1.2.3")).isNaN();
        assertThat(decimal("-")).isNaN();
    }

    @Test
    void gmtStampsMatchInstantParse() {
        assertThat(gmt("2025-11-02T09:00:00-00:00")).isEqualTo(Instant.parse("2025-11-02T09:00:00Z").getEpochSecond());
        assertThat(gmt("2024-02-29T23:55:00Z")).isEqualTo(Instant.parse("2024-02-29T23:55:00Z").getEpochSecond());
        assertThat(gmt("2024-03-10T02:00:00-08:00")).isEqualTo(Instant.parse("2024-03-10T10:00:00Z").getEpochSecond());
        assertThat(gmt("1999-12-31T23:59:59+01:00")).isEqualTo(Instant.parse("1999-12-31T22:59:59Z").getEpochSecond());
        assertThat(gmt("2025-02-30T00:00:00-00:00")).isEqualTo(GmtTime.INVALID);
        assertThat(gmt("2025-13-01T00:00:00-00:00")).isEqualTo(GmtTime.INVALID);
        assertThat(gmt("2025-11-02 09:00")).isEqualTo(GmtTime.INVALID);
        assertThat(gmt("2025-11-02T09:00:00-0000")).isEqualTo(GmtTime.INVALID);
    }

    @Test
    void aRepeatedStampIsServedFromTheLastOne() {
        GmtTime times = new GmtTime();
        byte[] a = "2025-11-02T09:00:00-00:00,2025-11-02T09:05:00-00:00".getBytes(StandardCharsets.US_ASCII);
        assertThat(times.epochSecond(a, 0, 25)).isEqualTo(Instant.parse("2025-11-02T09:00:00Z").getEpochSecond());
        assertThat(times.epochSecond(a, 0, 25)).isEqualTo(Instant.parse("2025-11-02T09:00:00Z").getEpochSecond());
        assertThat(times.epochSecond(a, 26, 51)).isEqualTo(Instant.parse("2025-11-02T09:05:00Z").getEpochSecond());
    }

    @Test
    void csvTableHandlesQuotesCrlfBomAndBlankLines() throws Exception {
        byte[] b = "\uFEFFA,B,C\r\n\r\n1,\"x,y\",3\r\n\"q\"\"r\",,\n".getBytes(StandardCharsets.UTF_8);
        CsvTable t = CsvTable.open(b, "t.csv");
        assertThat(t.header()).containsExactly("A", "B", "C");
        assertThat(t.next()).isTrue();
        assertThat(t.line()).isEqualTo(3);
        assertThat(t.text(1)).isEqualTo("x,y");
        assertThat(t.number(2)).isEqualTo(3.0);
        assertThat(t.next()).isTrue();
        assertThat(t.text(0)).isEqualTo("q\"\"r");
        assertThat(t.isEmpty(1)).isTrue();
        assertThat(t.fields()).isEqualTo(3);
        assertThat(t.next()).isFalse();
    }

    @Test
    void nameIndexNumbersNamesInOrderOfFirstAppearanceAcrossGrowth() {
        NameIndex index = new NameIndex();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 1000; i++) {
                byte[] name = ("NODE_" + i).getBytes(StandardCharsets.US_ASCII);
                assertThat(index.index(name, 0, name.length)).isEqualTo(i);
            }
        }
        assertThat(index.size()).isEqualTo(1000);
        assertThat(index.name(999)).isEqualTo("NODE_999");
    }
}
