package dev.pmp.analytics.bess;

import java.util.List;

/**
 * One separately reported revenue stream of a battery, in US dollars. Energy streams follow the two-settlement
 * formulas of the ERCOT spec §5.2; each ancillary product is DAM award × DAM MCPC, plus from RTC+B the
 * real-time deviation from the DAM award × RT MCPC.
 */
public enum RevenueStream {
    /** Day-ahead energy: DAM award [MW] × 1 h × DA SPP [$/MWh]. */
    DA_ENERGY,
    /** Real-time energy: (metered MWh − DAM award [MW] × 0.25 h) × RT SPP [$/MWh], per 15-minute interval. */
    RT_ENERGY,
    /** Regulation up. */
    REGUP,
    /** Regulation down. */
    REGDN,
    /** Responsive reserve, every sub-type (PFR, FFR, UFR; or the pre-split RRS award). */
    RRS,
    /** ERCOT contingency reserve: ECRSSD, plus ECRSMD on load resources. */
    ECRS,
    /** Non-spinning reserve. */
    NSPIN;

    /** Whether this is an ancillary-service product rather than energy. */
    public boolean ancillary() {
        return switch (this) {
            case DA_ENERGY, RT_ENERGY -> false;
            case REGUP, REGDN, RRS, ECRS, NSPIN -> true;
        };
    }

    /** Column name of this stream in {@code analytics.bess_revenue_daily} and in CSV/JSON output. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT) + "_usd";
    }

    /**
     * The DAM award columns summed for this product, in the DAM gen, ESR and load resource datasets; empty for energy.
     * A dataset without one of them (the gen and ESR files have no ECRSMD) skips it.
     */
    List<String> damAwardColumns() {
        return switch (this) {
            case DA_ENERGY, RT_ENERGY -> List.of();
            case REGUP -> List.of("regup_awarded_mw");
            case REGDN -> List.of("regdn_awarded_mw");
            case RRS -> List.of("rrs_awarded_mw", "rrspfr_awarded_mw", "rrsffr_awarded_mw", "rrsufr_awarded_mw");
            case ECRS -> List.of("ecrs_awarded_mw", "ecrsmd_awarded_mw");
            case NSPIN -> List.of("nspin_awarded_mw");
        };
    }

    /** The MCPC column embedded in the DAM disclosure, used when the MCPC dataset lacks the hour. */
    String damMcpcColumn() {
        return switch (this) {
            case DA_ENERGY, RT_ENERGY -> "";
            case REGUP -> "regup_mcpc_usd_per_mw";
            case REGDN -> "regdn_mcpc_usd_per_mw";
            case RRS -> "rrs_mcpc_usd_per_mw";
            case ECRS -> "ecrs_mcpc_usd_per_mw";
            case NSPIN -> "nspin_mcpc_usd_per_mw";
        };
    }

    /** The post-RTC+B RT AS award columns of {@code ercot.sced_esr_60d} summed for this product. */
    List<String> scedAwardColumns() {
        return switch (this) {
            case DA_ENERGY, RT_ENERGY -> List.of();
            case REGUP -> List.of("as_award_regup_mw");
            case REGDN -> List.of("as_award_regdn_mw");
            case RRS -> List.of("as_award_rrspfr_mw", "as_award_rrsffr_mw", "as_award_rrsufr_mw");
            case ECRS -> List.of("as_award_ecrs_mw");
            case NSPIN -> List.of("as_award_nspin_mw");
        };
    }

    /** ERCOT's product code in the MCPC datasets ({@code ancillary_type}, {@code as_type}). */
    String productCode() {
        return switch (this) {
            case DA_ENERGY, RT_ENERGY -> "";
            case REGUP -> "REGUP";
            case REGDN -> "REGDN";
            case RRS -> "RRS";
            case ECRS -> "ECRS";
            case NSPIN -> "NSPIN";
        };
    }

    /** The ancillary products, in declaration order. */
    static List<RevenueStream> products() {
        return List.of(REGUP, REGDN, RRS, ECRS, NSPIN);
    }

    /** The product whose code is {@code code}, or null for a code the leaderboard does not settle. */
    static RevenueStream product(String code) {
        for (RevenueStream s : products()) {
            if (s.productCode().equals(code)) {
                return s;
            }
        }
        return null;
    }
}
