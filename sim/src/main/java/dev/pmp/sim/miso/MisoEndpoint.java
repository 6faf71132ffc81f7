package dev.pmp.sim.miso;

import dev.pmp.sim.SimEndpoint;
import dev.pmp.sim.SimRequest;
import dev.pmp.sim.SimResponse;
import java.util.Optional;

/**
 * MISO on the simulator, under {@value #PREFIX}: the public real-time API under {@value #API} (point
 * {@code PMP_MISO_API_URL} at it) and the market-report folder under {@value #REPORTS} (point
 * {@code PMP_MISO_REPORTS_URL} at it). Values are synthetic ({@link MisoCurves}) in the recorded shapes;
 * every other path answers 404 like MISO. Stateless and thread-safe.
 */
public final class MisoEndpoint implements SimEndpoint {

    /** The prefix served. */
    public static final String PREFIX = "/miso/";
    /** The public API base path. */
    public static final String API = "/miso/api";
    /** The market-report folder path. */
    public static final String REPORTS = "/miso/marketreports";

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public SimResponse answer(SimRequest request) {
        String path = request.path();
        if (path.startsWith(REPORTS + "/")) {
            String name = path.substring(REPORTS.length() + 1);
            Optional<byte[]> file = MarketReports.file(name, request);
            String type = name.endsWith(".zip") ? "application/x-zip-compressed" : "text/csv";
            return file.map(body -> SimResponse.ok(type, body)).orElseGet(() -> notFound(path));
        }
        String body = switch (path) {
            case API + "/CsatSupplyDemand" -> PublicApi.csatSupplyDemand(request);
            case API + "/CsatNextDayShortTermReserveRequirement" -> PublicApi.csatReserveRequirement(request);
            case API + "/FuelMix" -> PublicApi.fuelMix(request);
            case API + "/RealTimeTotalLoad" -> PublicApi.realTimeTotalLoad(request);
            case API + "/MarketPricing/GetAncillaryServicesMcp" -> PublicApi.ancillaryServicesMcp(request);
            case API + "/MarketPricing/GetRealTimeFiveMinExPost/Rolling" -> PublicApi.fiveMinuteExPost(request);
            default -> null;
        };
        return body == null ? notFound(path) : SimResponse.ok("application/json; charset=utf-8", body);
    }

    private static SimResponse notFound(String path) {
        // MISO's CDN answers an HTML 404 page; the engine classifies it by status alone.
        return new SimResponse(404, "text/html; charset=utf-8", ("<html><body><h1>404 - File or directory not found."
                + "</h1><p>" + path + "</p></body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.util.Map.of());
    }
}
