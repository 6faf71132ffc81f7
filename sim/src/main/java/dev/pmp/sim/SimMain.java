package dev.pmp.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator as its own process, for tests that script it over HTTP.
 *
 * <pre>
 * java -cp ... dev.pmp.sim.SimMain [--port N] [--shift-days N] [--publication-lag-seconds N] [--no-fall-back-defect]
 * </pre>
 *
 * The first line on stdout is {@code sim listening on http://127.0.0.1:PORT}; the process then serves until
 * it is killed. Bad arguments print the usage on stderr and exit with status 2.
 */
public final class SimMain {

    static final String USAGE = "usage: SimMain [--port N (default 0 = any free port)] [--shift-days N (default 0)]"
            + " [--publication-lag-seconds N (default 60)] [--no-fall-back-defect]";

    /**
     * Parsed command line.
     *
     * @param port TCP port on 127.0.0.1, 0 for any
     * @param shiftDays days added to the system clock, negative to go back
     * @param settings behaviour of the simulator
     */
    record Arguments(int port, long shiftDays, SimulatorSettings settings) {

        static Arguments parse(String... args) {
            int port = 0;
            long shiftDays = 0;
            SimulatorSettings settings = SimulatorSettings.defaults();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = (int) value(args, ++i, "--port");
                    case "--shift-days" -> shiftDays = value(args, ++i, "--shift-days");
                    case "--publication-lag-seconds" -> settings = settings.withPublicationLag(
                            Duration.ofSeconds(value(args, ++i, "--publication-lag-seconds")));
                    case "--no-fall-back-defect" -> settings = settings.withFallBackDefect(false);
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("--port must be 0..65535: " + port);
            }
            return new Arguments(port, shiftDays, settings);
        }

        private static long value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            try {
                return Long.parseLong(args[index]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a whole number, not '" + args[index] + "'", e);
            }
        }

        Clock clock() {
            return Clock.offset(Clock.systemUTC(), Duration.ofDays(shiftDays));
        }
    }

    private SimMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("SimMain: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Simulator simulator = start(arguments, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "pmp-sim-shutdown"));
        stopped.await();
    }

    /** Starts the simulator and announces its address as the first line of {@code out}. */
    static Simulator start(Arguments arguments, PrintStream out) throws IOException {
        Simulator simulator = Simulator.start(arguments.clock(), arguments.port(), arguments.settings());
        out.println("sim listening on " + simulator.baseUri());
        out.flush();
        return simulator;
    }
}
