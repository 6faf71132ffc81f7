package dev.pmp.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the real {@code pmp} command line in-process with its own environment and clock. */
final class Cli {
    /**
     * The ERCOT dashboards the simulator's tests are about: without a selection every operator's datasets
     * would run, and those the test does not point at the simulator would try the real endpoints.
     */
    static final String ERCOT_DASHBOARDS = "ercot.energy_storage_resources,ercot.system_wide_prices,"
            + "ercot.system_wide_prices_day_ahead,ercot.fuel_mix";

    final Map<String, String> env = new HashMap<>(Map.of("PMP_DATASETS", ERCOT_DASHBOARDS));
    private final Clock clock;

    Cli(Clock clock) {
        this.clock = clock;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.execute(args, env, o, e, clock);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), out.toByteArray());
    }

    record Result(int exit, String out, String err, byte[] outBytes) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }
}
