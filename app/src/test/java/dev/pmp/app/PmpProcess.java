package dev.pmp.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code pmp} as a separate operating-system process on the test class path, output captured to files. */
final class PmpProcess {
    final Process process;
    final Path out;
    final Path err;

    private PmpProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static PmpProcess start(Path dir, String name, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.pmp.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("PMP_"));
        if (!List.of(args).contains("demo")) {
            // Only the operators a test serves from its simulator: the others' real endpoints are not for tests.
            pb.environment().put("PMP_DATASETS", Cli.ERCOT_DASHBOARDS);
        }
        pb.environment().putAll(env);
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        return new PmpProcess(pb.start(), out, err);
    }

    int waitFor(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("pmp did not finish within " + limit + "\n" + this);
        }
        return process.exitValue();
    }

    /** Waits until standard error holds a line matching {@code condition}. */
    void awaitErr(Predicate<String> condition, Duration limit) throws InterruptedException, IOException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(err) && Files.readAllLines(err, StandardCharsets.UTF_8).stream().anyMatch(condition)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("pmp exited with " + process.exitValue() + " before the expected line\n" + this);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such line within " + limit + "\n" + this);
    }

    String err() throws IOException {
        return Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
    }

    String out() throws IOException {
        return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
    }

    @Override
    public String toString() {
        try {
            return "--- stdout\n" + out() + "--- stderr\n" + err();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
