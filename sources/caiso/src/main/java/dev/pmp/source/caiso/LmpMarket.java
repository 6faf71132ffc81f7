package dev.pmp.source.caiso;

import java.time.Duration;
import java.time.LocalDate;

/**
 * The three OASIS LMP reports: query name, report version, {@code market_run_id}, interval length,
 * the market's name in {@link dev.pmp.spi.StandardTable#LMP}, and the largest window one request may
 * cover for a node list and for all nodes.
 */
enum LmpMarket {
    /** Day-ahead hourly: {@code PRC_LMP} v12, price in {@code MW}. */
    DAY_AHEAD_HOURLY("lmp_day_ahead_hourly", "CAISO day-ahead hourly LMP by node", "PRC_LMP", 12, "DAM",
            Duration.ofHours(1), "DAM", Duration.ofDays(30), Duration.ofDays(1), Duration.ZERO,
            LocalDate.of(2009, 4, 1)),
    /** Real-time dispatch, 5-minute: {@code PRC_INTVL_LMP} v3, price in {@code VALUE} (v1: {@code MW}). */
    REAL_TIME_5MIN("lmp_real_time_5min", "CAISO real-time (RTD) 5-minute LMP by node", "PRC_INTVL_LMP", 3, "RTM",
            Duration.ofMinutes(5), "RT5M", Duration.ofDays(7), Duration.ofHours(1), Duration.ofMinutes(10),
            LocalDate.of(2009, 4, 1)),
    /** Fifteen-minute market (RTPD/FMM): {@code PRC_RTPD_LMP} v3, price in {@code PRC}. */
    REAL_TIME_15MIN("lmp_real_time_15min", "CAISO fifteen-minute market (RTPD) LMP by node", "PRC_RTPD_LMP", 3,
            "RTPD", Duration.ofMinutes(15), "RT15M", Duration.ofDays(30), Duration.ofHours(1), Duration.ofMinutes(20),
            LocalDate.of(2014, 5, 1));

    final String datasetName;
    final String title;
    final String queryName;
    final int version;
    final String marketRunId;
    final Duration cadence;
    final String standardMarket;
    final Duration nodeListWindow;
    final Duration allNodesWindow;
    final Duration publicationDelay;
    final LocalDate earliest;

    LmpMarket(String name, String title, String queryName, int version, String marketRunId, Duration cadence,
            String standardMarket, Duration nodeListWindow, Duration allNodesWindow, Duration publicationDelay,
            LocalDate earliest) {
        this.datasetName = name;
        this.title = title;
        this.queryName = queryName;
        this.version = version;
        this.marketRunId = marketRunId;
        this.cadence = cadence;
        this.standardMarket = standardMarket;
        this.nodeListWindow = nodeListWindow;
        this.allNodesWindow = allNodesWindow;
        this.publicationDelay = publicationDelay;
        this.earliest = earliest;
    }
}
