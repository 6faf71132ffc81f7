package dev.pmp.source.ercot.api;

import dev.pmp.source.ercot.report.ErcotReport;
import dev.pmp.source.ercot.report.ReportParser;
import dev.pmp.source.ercot.report.ReportRows;
import dev.pmp.source.ercot.time.ErcotTime;
import dev.pmp.spi.Dataset;
import dev.pmp.spi.Failure;
import dev.pmp.spi.Feed;
import dev.pmp.spi.FetchRequest;
import dev.pmp.spi.FetchResponse;
import dev.pmp.spi.Parsed;
import dev.pmp.spi.Row;
import dev.pmp.spi.SourceException;
import dev.pmp.spi.Window;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads one file of a 60-day disclosure (NP3-966-ER DAM, NP3-965-ER SCED, NP1-301 COP snapshot) one operating
 * day at a time from the archive: {@code GET /archive/{emil}?postDatetimeFrom=D+60&postDatetimeTo=D+62} lists the
 * postings, the regular disclosure posted first (friendly name containing {@code 60_Day_DAM_Disclosure} or
 * {@code 60_Day_SCED_Disclosure}; any NP1-301 posting) is downloaded with {@code ?download={docId}} through
 * {@link Parsed#next()}, and the zip member of this feed's {@link Kind} is parsed. Several datasets read the same
 * daily zip, so the download is marked {@link FetchRequest#asImmutable() immutable}: the engine serves a repeat
 * from its raw archive (ERCOT allows three downloads of a document a year). A window longer than a day is read
 * for its first operating day only and covers only that day. Immutable and thread-safe.
 */
public final class DisclosureFeed implements Feed {

    /** Which disclosure file fills the dataset. */
    public enum Kind {
        /** NP3-966-ER {@code 60d_DAM_Gen_Resource_Data}. */
        DAM_GEN(ErcotReport.NP3_966_ER_GEN, "60_Day_DAM_Disclosure", "60d_DAM_Gen_Resource_Data-"),
        /** NP3-966-ER {@code 60d_DAM_Load_Resource_Data}. */
        DAM_LOAD(ErcotReport.NP3_966_ER_LOAD, "60_Day_DAM_Disclosure", "60d_DAM_Load_Resource_Data-"),
        /** NP3-966-ER {@code 60d_DAM_ESR_Data}, from operating day 2025-12-06. */
        DAM_ESR(ErcotReport.NP3_966_ER_ESR, "60_Day_DAM_Disclosure", "60d_DAM_ESR_Data-"),
        /** NP3-965-ER {@code 60d_SCED_Gen_Resource_Data}. */
        SCED_GEN(ErcotReport.NP3_965_ER_GEN, "60_Day_SCED_Disclosure", "60d_SCED_Gen_Resource_Data-"),
        /** NP3-965-ER {@code 60d_Load_Resource_Data_in_SCED}. */
        SCED_LOAD(ErcotReport.NP3_965_ER_LOAD, "60_Day_SCED_Disclosure", "60d_Load_Resource_Data_in_SCED-"),
        /** NP3-965-ER {@code 60d_ESR_Data_in_SCED}, from operating day 2025-12-05. */
        SCED_ESR(ErcotReport.NP3_965_ER_ESR, "60_Day_SCED_Disclosure", "60d_ESR_Data_in_SCED-"),
        /** NP3-965-ER {@code 60d_SCED_SMNE_GEN_RES}. */
        SCED_SMNE(ErcotReport.NP3_965_ER_SMNE, "60_Day_SCED_Disclosure", "60d_SCED_SMNE_GEN_RES-"),
        /**
         * NP1-301 {@code 60d_COP_Adjustment_Period_Snapshot} ({@code CompleteCOP_MMDDYYYY.csv} in older zips).
         * The product posts one document a day, so any listed posting is taken (no friendly-name filter).
         */
        COP(ErcotReport.NP1_301, "", "60d_COP_Adjustment_Period_Snapshot-", "CompleteCOP_");

        private final ErcotReport report;
        private final String friendlyName;
        private final List<String> prefixes;

        Kind(ErcotReport report, String friendlyName, String... prefixes) {
            this.report = report;
            this.friendlyName = friendlyName;
            this.prefixes = List.of(prefixes);
        }

        public ErcotReport report() {
            return report;
        }

        /** The member name prefixes this kind reads, as ERCOT spells them ({@code 60d_DAM_ESR_Data-}). */
        public List<String> memberPrefixes() {
            return prefixes;
        }

        /** Whether a zip member (its name without folders) is this kind's file. */
        boolean matches(String member) {
            String name = normalise(member);
            return prefixes.stream().anyMatch(p -> name.startsWith(p.toLowerCase(Locale.ROOT)));
        }
    }

    /** Disclosures are posted 60 days after the operating day (README section 3.8). */
    static final int LAG_DAYS = 60;

    private final Kind kind;
    private final ApiSettings settings;

    public DisclosureFeed(Kind kind, ApiSettings settings) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Dataset dataset() {
        return kind.report.dataset();
    }

    /** The operating day a window is read for: the local date of its start. */
    static LocalDate operatingDay(Window window) {
        return window.start().atZone(ErcotTime.ZONE).toLocalDate();
    }

    /** The archive listing of the postings of D+60 and D+61. A listing changes as postings arrive: not immutable. */
    @Override
    public FetchRequest request(Window window) {
        LocalDate posted = operatingDay(window).plusDays(LAG_DAYS);
        return ErcotApi.request(settings.api("archive/" + kind.report.emil() + "?postDatetimeFrom=" + posted
                + "T00:00:00&postDatetimeTo=" + posted.plusDays(2) + "T00:00:00&size=1000&page=1"));
    }

    @Override
    public Parsed parse(Window window, FetchResponse response) throws SourceException {
        String what = kind.report.reportId() + " " + response.uri();
        ErcotApi.checkDownload(what, response);
        if (Zips.isZip(response.body())) {
            return disclosure(window, what, response.body());
        }
        Listing listing = Listing.parse(what, response.body());
        LocalDate day = operatingDay(window);
        String wanted = kind.friendlyName.toLowerCase(Locale.ROOT);
        Optional<Document> doc = listing.documents().stream()
                .filter(d -> normalise(d.friendlyName()).contains(wanted))
                .min(Comparator.comparing(Document::posted).thenComparingLong(Document::docId));
        if (doc.isEmpty()) {
            throw new SourceException(Failure.NOT_PUBLISHED, what + ": no " + describe() + " posting for operating day "
                    + day + " listed yet (posted on " + day.plusDays(LAG_DAYS) + ")");
        }
        URI download = settings.api("archive/" + kind.report.emil() + "?download=" + doc.get().docId());
        return new Parsed(List.of(), List.of(), List.of(), List.of(),
                Optional.of(ErcotApi.request(download).asImmutable()));
    }

    private String describe() {
        return kind.friendlyName.isEmpty() ? kind.report.reportId() : kind.friendlyName;
    }

    private Parsed disclosure(Window window, String what, byte[] zip) throws SourceException {
        List<Zips.Member> members = Zips.members(what, zip);
        LocalDate day = operatingDay(window);
        Window dayWindow = new Window(day.atStartOfDay(ErcotTime.ZONE).toInstant(),
                day.plusDays(1).atStartOfDay(ErcotTime.ZONE).toInstant());
        Window wanted = dayWindow.intersection(window);
        List<Zips.Member> mine = members.stream()
                .filter(m -> kind.matches(m.name().substring(m.name().lastIndexOf('/') + 1))).toList();
        if (mine.isEmpty()) {
            if (day.isBefore(kind.report.dataset().earliest())) {
                // The file starts with a later regime (ESR files with RTC+B): the day has nothing to hold.
                return Parsed.of(List.of(), List.of(wanted), List.of(), List.of(what + ": no " + kind.prefixes.get(0)
                        + " file before operating day " + kind.report.dataset().earliest() + "; nothing to read"));
            }
            throw new SourceException(Failure.BAD_DATA, what + ": no " + kind.prefixes.get(0) + " file in the disclosure; "
                    + "members " + members.stream().map(Zips.Member::name).toList());
        }
        if (mine.size() > 1) {
            throw new SourceException(Failure.BAD_DATA, what + ": " + mine.size() + " " + kind.prefixes.get(0)
                    + " files in one disclosure, expected one: " + mine.stream().map(Zips.Member::name).toList());
        }
        Zips.Member m = mine.get(0);
        ReportRows parsed = ReportParser.parseCsv(kind.report, m.name(), m.bytes());
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>(parsed.notes());
        int outside = 0;
        for (Row r : parsed.rows()) {
            if (wanted.contains(r.instant(0))) {
                rows.add(r);
            } else {
                outside++;
            }
        }
        if (rows.isEmpty() && outside > 0) {
            throw new SourceException(Failure.BAD_DATA, what + ": " + m.name() + " holds no rows for operating day " + day
                    + " (" + outside + " rows of other days): not this day's disclosure");
        }
        if (outside > 0) {
            notes.add(m.name() + ": " + outside + " row(s) outside " + wanted + " left out");
        }
        if (parsed.rows().isEmpty()) {
            notes.add(m.name() + ": the file has a header and no rows");
        }
        return Parsed.of(rows, List.of(wanted), List.of(), notes).withUnknownColumns(parsed.unknownColumns());
    }

    /** A name as matched: lower case, spaces as underscores (gridstatus does the same). */
    private static String normalise(String name) {
        return name.strip().replace(' ', '_').toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "DisclosureFeed[" + kind + ", " + settings.apiBase() + "]";
    }
}
