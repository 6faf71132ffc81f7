package dev.pmp.sim.caiso;

import dev.pmp.sim.SimEndpoint;
import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;

/**
 * CAISO on the simulator, under {@value #PREFIX}: OASIS at {@value #OASIS_PATH} (point
 * {@code PMP_CAISO_OASIS_URL} there) and Today's Outlook under {@value #OUTLOOK_BASE} (point
 * {@code PMP_CAISO_OUTLOOK_URL} there). Payloads are built from the documented formats with
 * deterministic values, published as of {@link SimRequest#now()}. Stateless and thread-safe.
 */
public final class CaisoEndpoint implements SimEndpoint {

    /** The prefix served. */
    public static final String PREFIX = "/caiso/";
    /** The OASIS {@code SingleZip} path. */
    public static final String OASIS_PATH = "/caiso/oasisapi/SingleZip";
    /** The Today's Outlook root; files are {@code /history/YYYYMMDD/fuelsource.csv} and {@code demand.csv} below it. */
    public static final String OUTLOOK_BASE = "/caiso/outlook";

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public SimResponse answer(SimRequest request) {
        if (request.path().equals(OASIS_PATH)) {
            return OasisReports.answer(request);
        }
        if (request.path().startsWith(OUTLOOK_BASE + "/history/")) {
            return OutlookFiles.answer(request, request.path().substring((OUTLOOK_BASE + "/history/").length()));
        }
        return SimResponse.status(404, "no CAISO resource at " + request.path());
    }
}
