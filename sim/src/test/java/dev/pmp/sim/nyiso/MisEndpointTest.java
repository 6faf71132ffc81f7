package dev.pmp.sim.nyiso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import dev.pmp.spi.Window;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class MisEndpointTest {

    // 10:00 EST on 2024-12-10; the endpoint publishes 2 minutes after an interval
    private static final Instant NOW = Instant.parse("2024-12-10T15:00:00Z");
    private final MisEndpoint endpoint = new MisEndpoint();

    private SimResponse get(String path, List<Window> withheld, SimRequest.Variant variant) throws IOException {
        return endpoint.answer(new SimRequest(path, Map.of(), Map.of(), NOW, withheld, variant));
    }

    private SimResponse get(String path) throws IOException {
        return get(path, List.of(), SimRequest.Variant.NORMAL);
    }

    private static List<String> lines(SimResponse r) {
        return List.of(new String(r.body(), StandardCharsets.UTF_8).split("\r?\n"));
    }

    @Test
    void todaysLoadFileGrowsWithTheClock() throws IOException {
        SimResponse r = get("/nyiso/public/csv/pal/20241210pal.csv");
        assertThat(r.status()).isEqualTo(200);
        List<String> lines = lines(r);
        assertThat(lines.get(0)).isEqualTo("\"Time Stamp\",\"Time Zone\",\"Name\",\"PTID\",\"Load\"");
        // 00:00 ... 09:55 EST: readings at or before 09:58 EST
        assertThat(lines).hasSize(1 + 120 * 11);
        assertThat(lines.get(1)).startsWith("\"12/10/2024 00:00:00\",\"EST\",\"CAPITL\",61752,");
        assertThat(lines.get(lines.size() - 1)).startsWith("\"12/10/2024 09:55:00\",\"EST\",\"WEST\",61762,");
    }

    @Test
    void todaysRealtimeFileEndsWithRtcAdvisoryRows() throws IOException {
        List<String> lines = lines(get("/nyiso/public/csv/realtime/20241210realtime_zone.csv"));
        List<String> stamps = lines.stream().skip(1).map(l -> l.substring(1, 20)).distinct().toList();
        // RTD intervals ending 00:05 ... 09:55, then RTC 10:00 ... 10:45 on quarter hours
        assertThat(stamps).hasSize(119 + 4);
        assertThat(stamps.subList(118, 123)).containsExactly("12/10/2024 09:55:00", "12/10/2024 10:00:00",
                "12/10/2024 10:15:00", "12/10/2024 10:30:00", "12/10/2024 10:45:00");
    }

    @Test
    void dayAheadFilesCoverTomorrowAndOldDailyFilesAreGone() throws IOException {
        assertThat(lines(get("/nyiso/public/csv/damlbmp/20241211damlbmp_zone.csv"))).hasSize(1 + 24 * 15);
        assertThat(get("/nyiso/public/csv/pal/20241211pal.csv").status()).isEqualTo(404);
        assertThat(get("/nyiso/public/csv/pal/20241202pal.csv").status()).isEqualTo(404);
        assertThat(get("/nyiso/public/csv/pal/20241203pal.csv").status()).isEqualTo(200);
        assertThat(get("/nyiso/public/csv/nothing/20241203pal.csv").status()).isEqualTo(404);
        assertThat(new String(get("/nyiso/public/csv/pal/20241203pal.txt").body(), StandardCharsets.ISO_8859_1))
                .contains("<title>404 Not Found</title>");
    }

    @Test
    void theMonthlyArchiveHoldsEveryFinishedDay() throws IOException {
        SimResponse r = get("/nyiso/public/csv/damasp/20241101damasp_csv.zip");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/zip");
        List<String> names = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                names.add(e.getName());
                rows.add(new String(zip.readAllBytes(), StandardCharsets.UTF_8).split("\r\n").length - 1);
            }
        }
        assertThat(names).hasSize(30).startsWith("20241101damasp.csv").endsWith("20241130damasp.csv");
        // five regions, 24 hours; 25 on the fall-back day
        assertThat(rows.get(0)).isEqualTo(120);
        assertThat(rows.get(2)).isEqualTo(125);
        SimResponse current = get("/nyiso/public/csv/damasp/20241201damasp_csv.zip");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(current.body()))) {
            int n = 0;
            while (zip.getNextEntry() != null) {
                n++;
            }
            assertThat(n).isEqualTo(9);
        }
        assertThat(get("/nyiso/public/csv/damasp/20250101damasp_csv.zip").status()).isEqualTo(404);
    }

    @Test
    void withheldIntervalsAndVariants() throws IOException {
        Window hour = new Window(Instant.parse("2024-12-09T15:00:00Z"), Instant.parse("2024-12-09T16:00:00Z"));
        List<String> lines = lines(get("/nyiso/public/csv/rtfuelmix/20241209rtfuelmix.csv", List.of(hour),
                SimRequest.Variant.NORMAL));
        assertThat(lines).hasSize(1 + (288 - 12) * 7).noneMatch(l -> l.startsWith("12/09/2024 10:"));
        assertThat(lines(get("/nyiso/public/csv/rtfuelmix/20241209rtfuelmix.csv", List.of(),
                SimRequest.Variant.EMPTY_DATA))).containsExactly("Time Stamp,Time Zone,Fuel Category,Gen MW");
        assertThat(lines(get("/nyiso/public/csv/rtfuelmix/20241209rtfuelmix.csv", List.of(),
                SimRequest.Variant.NOT_A_NUMBER)).get(1)).isEqualTo("12/09/2024 00:00:00,EST,Dual Fuel,N/A");
    }
}
