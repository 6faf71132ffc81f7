package dev.pmp.sim.miso;

import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimRequest.Variant;
import dev.pmp.spi.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * MISO's market reports ({@code docs.misoenergy.org/marketreports/...}) with {@link MisoCurves} values: the
 * hourly LMP CSVs ({@code _da_expost_lmp.csv}, {@code _rt_lmp_final.csv}) in the layout of the recorded
 * 2026-10-01 file (title, date line, blank line, EST notice, {@code Node,Type,Value,HE 1..HE 24}, every
 * node's LMP rows, MCC rows and MLC rows, for the recorded file's 22 nodes); the AS MCP CSVs and the weekly
 * 5-minute zip in their documented layouts (no recording exists). Stateless.
 */
final class MarketReports {

    /** The suffix of the day-ahead ex-post file. */
    static final String DAY_AHEAD = "_da_expost_lmp.csv";
    /** The suffix of the real-time final file. */
    static final String REAL_TIME_FINAL = "_rt_lmp_final.csv";
    /** How many days after its market day the real-time final file appears. */
    static final Duration REAL_TIME_FINAL_DELAY = Duration.ofDays(5);

    private static final DateTimeFormatter FILE_DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter DATE_LINE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final DateTimeFormatter MKTHOUR = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm");
    private static final String[] COMPONENTS = {"LMP", "MCC", "MLC"};

    private MarketReports() {
    }

    /** The suffix of the day-ahead ex-post ancillary service MCP file. */
    static final String AS_DAY_AHEAD = "_asm_expost_damcp.csv";
    /** The suffix of the real-time final ancillary service MCP file. */
    static final String AS_REAL_TIME_FINAL = "_asm_rtmcp_final.csv";
    /** The suffix of the weekly final 5-minute LMP archive. */
    static final String WEEKLY_FIVE_MINUTE = "_5MIN_LMP.zip";

    private static final List<String> SUFFIXES = List.of(DAY_AHEAD, REAL_TIME_FINAL, AS_DAY_AHEAD, AS_REAL_TIME_FINAL,
            WEEKLY_FIVE_MINUTE);
    private static final List<String> MCP_TYPES = List.of("Regulation", "Spin", "Supplemental", "STR", "Ramp Up",
            "Ramp Down");

    /**
     * The file {@code name} as served at {@code request.now()}, or empty (404) when it names no report, is
     * not published yet or a withheld window touches its span (MISO never posted it). Day-ahead files of
     * day D appear at 00:00 EST of D−1, real-time final files {@link #REAL_TIME_FINAL_DELAY} after D ends,
     * the weekly archive dated Monday M (holding M−14 … M−8) at 00:00 EST of M.
     */
    static Optional<byte[]> file(String name, SimRequest request) {
        String suffix = SUFFIXES.stream().filter(name::endsWith).findFirst().orElse(null);
        if (suffix == null || name.length() != 8 + suffix.length()) {
            return Optional.empty();
        }
        LocalDate day;
        try {
            day = LocalDate.parse(name.substring(0, 8), FILE_DAY);
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
        boolean weekly = suffix.equals(WEEKLY_FIVE_MINUTE);
        if (weekly && day.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            return Optional.empty();
        }
        LocalDate first = weekly ? day.minusDays(14) : day;
        Window span = new Window(MisoCurves.start(first), MisoCurves.start(first.plusDays(weekly ? 7 : 1)));
        boolean dayAhead = suffix.equals(DAY_AHEAD) || suffix.equals(AS_DAY_AHEAD);
        Instant publishedAt = weekly ? MisoCurves.start(day)
                : dayAhead ? MisoCurves.start(day.minusDays(1)) : span.end().plus(REAL_TIME_FINAL_DELAY);
        if (request.now().isBefore(publishedAt) || request.withheld().stream().anyMatch(span::overlaps)) {
            return Optional.empty();
        }
        if (weekly) {
            return Optional.of(zip(first, request.variant()));
        }
        String text = suffix.equals(DAY_AHEAD) || suffix.equals(REAL_TIME_FINAL) ? render(day, dayAhead,
                request.variant()) : renderMcp(day, dayAhead, request.variant());
        return Optional.of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The AS MCP file: preamble, the zonal table (zones 1-8 × six MCP types), blank lines, one Pnode row. */
    private static String renderMcp(LocalDate day, boolean dayAhead, Variant variant) {
        StringBuilder csv = new StringBuilder(8_000)
                .append(dayAhead ? "Dayahead Market MCPs." : "Real Time Market MCPs.").append('\n')
                .append(DATE_LINE.format(day)).append("\n\n,,,All Hours-Ending are Eastern Standard Time (EST)\n")
                .append(",,MCP Type");
        appendHours(csv);
        Instant start = MisoCurves.start(day);
        for (int zone = 1; zone <= 8 && variant != Variant.EMPTY_DATA; zone++) {
            for (int t = 0; t < MCP_TYPES.size(); t++) {
                csv.append("Zone ").append(zone).append(",,").append(MCP_TYPES.get(t));
                for (int h = 0; h < 24; h++) {
                    boolean spoil = variant == Variant.NOT_A_NUMBER && zone == 1 && t == 0 && h == 0;
                    csv.append(',').append(spoil ? "abc" : MisoCurves.reportNumber(
                            MisoCurves.mcpCents(t, zone, start.plus(Duration.ofHours(h)))));
                }
                csv.append('\n');
            }
        }
        csv.append("\n\nPnode,Zone,MCP Type");
        appendHours(csv);
        csv.append("ALTE.1ROCKGEN,Zone 1,Regulation");
        for (int h = 0; h < 24; h++) {
            csv.append(",1");
        }
        return csv.append('\n').toString();
    }

    private static void appendHours(StringBuilder csv) {
        for (int h = 1; h <= 24; h++) {
            csv.append(",HE ").append(h);
        }
        csv.append('\n');
    }

    /** The weekly archive: one CSV of every 5-minute interval of the week for the 5-minute nodes. */
    private static byte[] zip(LocalDate monday, Variant variant) {
        StringBuilder csv = new StringBuilder(1_200_000).append("Real-Time 5 Minute LMP Report (Final)\n")
                .append(DATE_LINE.format(monday)).append(" - ").append(DATE_LINE.format(monday.plusDays(6)))
                .append("\n\nAll times are Eastern Standard Time (EST)\nMKTHOUR_EST,PNODENAME,LMP,CON_LMP,LOSS_LMP\n");
        Instant t = MisoCurves.start(monday);
        for (int i = 0; i < 7 * 288 && variant != Variant.EMPTY_DATA; i++, t = t.plus(Duration.ofMinutes(5))) {
            String time = MKTHOUR.format(java.time.LocalDateTime.ofInstant(t, MisoCurves.EST));
            for (int n = 0; n < MisoCurves.FIVE_MINUTE_NODES.size(); n++) {
                boolean spoil = variant == Variant.NOT_A_NUMBER && i == 0 && n == 0;
                csv.append(time).append(',').append(MisoCurves.FIVE_MINUTE_NODES.get(n)).append(',')
                        .append(spoil ? "abc" : MisoCurves.apiNumber(MisoCurves.cents(n, t, 0) + 7)).append(',')
                        .append(MisoCurves.apiNumber(MisoCurves.cents(n, t, 1))).append(',')
                        .append(MisoCurves.apiNumber(MisoCurves.cents(n, t, 2))).append('\n');
            }
        }
        csv.append("Disclaimer: this report is provided for informational purposes only.\n");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(200_000);
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(FILE_DAY.format(monday.plusDays(14)) + "_5MIN_LMP.csv"));
            zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("zip into memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static String render(LocalDate day, boolean dayAhead, Variant variant) {
        StringBuilder csv = new StringBuilder(12_000)
                .append(dayAhead ? "Day Ahead Market ExPost LMPs" : "Realtime Market LMPs").append('\n')
                .append(DATE_LINE.format(day)).append("\n\n,,,All Hours-Ending are Eastern Standard Time (EST)\n")
                .append("Node,Type,Value");
        for (int h = 1; h <= 24; h++) {
            csv.append(",HE ").append(h);
        }
        csv.append('\n');
        if (variant == Variant.EMPTY_DATA) {
            return csv.toString();
        }
        Instant start = MisoCurves.start(day);
        for (int c = 0; c < COMPONENTS.length; c++) {
            for (int n = 0; n < MisoCurves.REPORT_NODES.size(); n++) {
                String[] node = MisoCurves.REPORT_NODES.get(n);
                csv.append(node[0]).append(',').append(node[1]).append(',').append(COMPONENTS[c]);
                for (int h = 0; h < 24; h++) {
                    long cents = MisoCurves.cents(n, start.plus(Duration.ofHours(h)), c) + (dayAhead ? 0 : 13);
                    boolean spoil = variant == Variant.NOT_A_NUMBER && c == 0 && n == 0 && h == 0;
                    csv.append(',').append(spoil ? "abc" : MisoCurves.reportNumber(cents));
                }
                csv.append('\n');
            }
        }
        return csv.toString();
    }
}
