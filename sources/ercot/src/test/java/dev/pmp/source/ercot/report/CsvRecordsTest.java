package dev.pmp.source.ercot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    static List<List<String>> read(String text) {
        CsvRecords r = new CsvRecords(text.getBytes(StandardCharsets.UTF_8));
        List<List<String>> out = new ArrayList<>();
        while (r.next()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                cells.add(r.text(i));
            }
            cells.add("@" + r.line());
            out.add(cells);
        }
        return out;
    }

    @Test
    void plainQuotedCrlfAndBlankLines() {
        assertThat(read("\uFEFFa,b ,c\r\n\"x, y\",\" q \"\"z\"\" \",\r\n\r\n1,\"multi\nline\",3\n4,5,6"))
                .containsExactly(List.of("a", "b", "c", "@1"), List.of("x, y", "q \"z\"", "", "@2"),
                        List.of("1", "multi\nline", "3", "@4"), List.of("4", "5", "6", "@6"));
    }

    @Test
    void emptyFieldsAndTrailingComma() {
        assertThat(read(",,\n")).containsExactly(List.of("", "", "", "@1"));
        assertThat(read("")).isEmpty();
    }

    @Test
    void malformedQuotesNameTheLine() {
        assertThatThrownBy(() -> read("a,b\n\"open,c\n")).hasMessage("line 2: quoted field not closed before the end of the file");
        assertThatThrownBy(() -> read("a,b\n\"x\"y,c\n")).hasMessage("line 2: text after a closing quote");
        assertThatThrownBy(() -> read("a,b\nx\"y,c\n")).hasMessage("line 2: quote inside an unquoted field");
    }

    @Test
    void numbersMatchDoubleParse() {
        for (String s : List.of("22.42", " 28.4", "-0.01", "0", "123456789012345", "1234567890123456789", "9999.99",
                "0.000000000000000000001", "1e3", "-251.6", "30.72", "1.", "23.88898", "60471.86")) {
            byte[] b = s.strip().getBytes(StandardCharsets.US_ASCII);
            assertThat(Ascii.number(b, 0, b.length)).as(s).isEqualTo(Double.parseDouble(s));
        }
        for (String s : List.of("NaN", "Infinity", "1e999", "abc", "", "1f", "-")) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> Ascii.number(b, 0, b.length)).as(s).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void labels() {
        for (String s : List.of("01:00", "1:00", "1")) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThat(Ascii.hourEnding(b, 0, b.length)).isEqualTo(1);
        }
        byte[] b = "24:00".getBytes(StandardCharsets.US_ASCII);
        assertThat(Ascii.hourEnding(b, 0, b.length)).isEqualTo(24);
        byte[] bad = "01:30".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Ascii.hourEnding(bad, 0, bad.length)).isInstanceOf(IllegalArgumentException.class);
    }
}
