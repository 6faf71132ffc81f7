package dev.pmp.bench.ercotapi;

import dev.pmp.sim.SimEndpoint;
import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import dev.pmp.sim.ercotapi.ErcotApiEndpoint;
import java.io.IOException;
import java.util.Objects;

/**
 * The simulator's ERCOT Public API ({@link ErcotApiEndpoint}: sign-in, listings, subscription key, bearer
 * token, the 30-per-minute limit) with one monthly bundle download answered by a prebuilt
 * {@link SppMonthBundle} of ERCOT's width. ERCOT serves bundles it already holds, so the benchmark builds
 * the bytes before the clock starts. The download is first put to the simulator's endpoint as an empty-data
 * request, so authentication, the request limit and "not yet published" still decide the answer; only a
 * 200 is replaced by the wide bundle. Thread-safe.
 */
final class WideBundleEndpoint implements SimEndpoint {

    private static final String BUNDLE = ErcotApiEndpoint.BASE + "/bundle/np6-905-cd";
    /** The simulator's bundle document ids: this base plus months since year 0 (see {@link ErcotApiEndpoint}). */
    private static final long BUNDLE_IDS = 900_000_000L;

    private final ErcotApiEndpoint api = new ErcotApiEndpoint();
    private final SppMonthBundle bundle;
    private final String docId;

    WideBundleEndpoint(SppMonthBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.docId = Long.toString(BUNDLE_IDS + bundle.month().getYear() * 12L + bundle.month().getMonthValue() - 1);
    }

    @Override
    public String prefix() {
        return api.prefix();
    }

    @Override
    public boolean acceptsPost(String path) {
        return api.acceptsPost(path);
    }

    @Override
    public SimResponse answer(SimRequest request) throws IOException {
        if (!request.path().equals(BUNDLE) || !docId.equals(request.query().get("download"))) {
            return api.answer(request);
        }
        SimResponse checked = api.answer(new SimRequest(request.path(), request.query(), request.headers(),
                request.now(), request.withheld(), SimRequest.Variant.EMPTY_DATA, request.body()));
        if (checked.status() != 200) {
            return checked;
        }
        return SimResponse.ok("application/zip", bundle.bytes());
    }
}
