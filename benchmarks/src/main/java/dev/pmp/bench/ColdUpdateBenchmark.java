package dev.pmp.bench;

import dev.pmp.app.AppSettings;
import dev.pmp.sim.Simulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Wall time and peak RSS of one cold {@code pmp update ercot.energy_storage_resources} process (the old
 * cron job's work), for catalogs of 0, 105,120
 * and 525,600 rows. Each size gets a fresh store filled by {@link CatalogFixture} and a simulator on
 * loopback; then {@code java -jar pmp.jar update} runs {@code runs} times under {@code /usr/bin/time},
 * with the JVM options of the {@code ./pmp} launcher. Prints the median wall time and the largest peak RSS.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.pmp.bench.ColdUpdateBenchmark [pmp.jar] [runs]}
 */
public final class ColdUpdateBenchmark {
    /** The JVM options of the {@code ./pmp} launcher. */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "-XX:MaxRAM=1g", "-Xshare:auto");

    private ColdUpdateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "app/target/pmp.jar");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        if (!Files.exists(jar)) {
            throw new IllegalArgumentException(jar + " does not exist: build it with ./mvnw -B -DskipTests package");
        }
        System.out.printf("%-12s %12s %12s %12s%n", "catalog rows", "median wall", "min wall", "peak RSS");
        for (int rows : new int[] {0, 105_120, 525_600}) {
            Path dir = Files.createTempDirectory("pmp-bench-cold-");
            try (Simulator sim = Simulator.start(Clock.systemUTC(), 0)) {
                AppSettings settings = CatalogFixture.settings(dir, sim.baseUri().toString());
                CatalogFixture.build(settings, Clock.systemUTC(), rows);
                double[] wall = new double[runs];
                long peakKb = 0;
                for (int i = 0; i < runs; i++) {
                    double[] m = measure(jar, CatalogFixture.env(dir, sim.baseUri().toString()), dir);
                    wall[i] = m[0];
                    peakKb = Math.max(peakKb, (long) m[1]);
                }
                double[] sorted = wall.clone();
                Arrays.sort(sorted);
                System.out.printf("%-12d %10.3f s %10.3f s %9d MB%n", rows, sorted[runs / 2], sorted[0], peakKb / 1024);
            } finally {
                deleteTree(dir);
            }
        }
    }

    /** Runs one {@code pmp update}; returns wall seconds and peak RSS in KiB. */
    private static double[] measure(Path jar, Map<String, String> env, Path dir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "PMPBENCH %e %M",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(JVM_OPTIONS);
        cmd.addAll(List.of("-jar", jar.toString(), "update", CatalogFixture.ESR));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("PMP_"));
        pb.environment().putAll(env);
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(err.toFile());
        int exit = pb.start().waitFor();
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new IllegalStateException("pmp update exited with " + exit + ": " + String.join("\n", lines));
        }
        String[] f = lines.stream().filter(l -> l.startsWith("PMPBENCH ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no /usr/bin/time output: " + lines)).split(" ");
        return new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
