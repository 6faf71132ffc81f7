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
 * Reads a 60-day disclosure (NP3-965-ER SCED, NP3-966-ER DAM) one operating day at a time from the archive:
 * {@code GET /archive/{emil}?postDatetimeFrom=D+60&postDatetimeTo=D+62} lists the postings, the regular
 * disclosure posted first on D+60 (friendly name containing {@code 60_Day_SCED_Disclosure} or
 * {@code 60_Day_DAM_Disclosure}) is downloaded with {@code ?download={docId}} through {@link Parsed#next()},
 * and its resource files are parsed. A window longer than a day is read for its first operating day only
 * and covers only that day. Immutable and thread-safe.
 */
public final class DisclosureFeed implements Feed {

    /** Which 60-day disclosure, and which of its files fill the dataset. */
    public enum Kind {
        /** NP3-965-ER: Gen Resource Data (all dates) and ESR Data (from RTC+B). */
        SCED(ErcotReport.NP3_965_ER, "60_Day_SCED_Disclosure", "60d_SCED_Gen_Resource_Data", "60d_ESR_Data_in_SCED"),
        /** NP3-966-ER: Gen Resource Data (all dates) and ESR Data (from RTC+B). */
        DAM(ErcotReport.NP3_966_ER, "60_Day_DAM_Disclosure", "60d_DAM_Gen_Resource_Data", "60d_DAM_ESR_Data");

        private final ErcotReport report;
        private final String friendlyName;
        private final String required;
        private final String optional;

        Kind(ErcotReport report, String friendlyName, String required, String optional) {
            this.report = report;
            this.friendlyName = friendlyName;
            this.required = required;
            this.optional = optional;
        }

        public ErcotReport report() {
            return report;
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
        Optional<Document> doc = listing.documents().stream()
                .filter(d -> normalise(d.friendlyName()).contains(kind.friendlyName.toLowerCase(Locale.ROOT)))
                .min(Comparator.comparing(Document::posted).thenComparingLong(Document::docId));
        if (doc.isEmpty()) {
            throw new SourceException(Failure.NOT_PUBLISHED, what + ": no " + kind.friendlyName + " posting for operating day "
                    + day + " listed yet (posted on " + day.plusDays(LAG_DAYS) + ")");
        }
        URI download = settings.api("archive/" + kind.report.emil() + "?download=" + doc.get().docId());
        return new Parsed(List.of(), List.of(), List.of(), List.of(), Optional.of(ErcotApi.request(download)));
    }

    private Parsed disclosure(Window window, String what, byte[] zip) throws SourceException {
        List<Zips.Member> members = Zips.members(what, zip);
        LocalDate day = operatingDay(window);
        Window dayWindow = new Window(day.atStartOfDay(ErcotTime.ZONE).toInstant(),
                day.plusDays(1).atStartOfDay(ErcotTime.ZONE).toInstant());
        Window wanted = dayWindow.intersection(window);
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean sawRequired = false;
        for (Zips.Member m : members) {
            String name = normalise(m.name().substring(m.name().lastIndexOf('/') + 1));
            boolean required = name.startsWith(kind.required.toLowerCase(Locale.ROOT) + "-");
            boolean optional = name.startsWith(kind.optional.toLowerCase(Locale.ROOT) + "-");
            if (!required && !optional) {
                continue;
            }
            sawRequired |= required;
            ReportRows parsed = ReportParser.parseCsv(kind.report, m.name(), m.bytes());
            notes.addAll(parsed.notes());
            int outside = 0;
            for (Row r : parsed.rows()) {
                if (wanted.contains(r.instant(0))) {
                    rows.add(r);
                } else {
                    outside++;
                }
            }
            if (outside > 0) {
                notes.add(m.name() + ": " + outside + " row(s) outside operating day " + day + " left out");
            }
        }
        if (!sawRequired) {
            throw new SourceException(Failure.BAD_DATA, what + ": no " + kind.required + " file in the disclosure; members "
                    + members.stream().map(Zips.Member::name).toList());
        }
        if (rows.isEmpty()) {
            throw new SourceException(Failure.BAD_DATA, what + ": the disclosure holds no rows for operating day " + day);
        }
        return Parsed.of(rows, List.of(wanted), List.of(), notes);
    }

    /** A name as matched: lower case, spaces as underscores (gridstatus does the same). */
    private static String normalise(String name) {
        return name.strip().replace(' ', '_').toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "DisclosureFeed[" + kind.report.reportId() + ", " + settings.apiBase() + "]";
    }
}
