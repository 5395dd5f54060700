package io.k8s.cvefeed.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code cvefeed refresh} into a directory, against a GitHub API at {@code api}: in-process, or as
 * a child process of the real CLI that the publisher's test hook stops after its Nth file-system
 * step, so that it can be killed there.
 */
final class KillableRefresh {
  private final URI api;
  private final Path temp;

  /** Refreshes from {@code api}, with cache directories under {@code temp}. */
  KillableRefresh(URI api, Path temp) {
    this.api = api;
    this.temp = temp;
  }

  private List<String> args(Path out) {
    return List.of(
        "refresh",
        "--github-api",
        api.toString(),
        "--out",
        out.toString(),
        "--cache-dir",
        temp.resolve("cache-" + out.getFileName()).toString(),
        "--label-policy",
        "off",
        "--quiet");
  }

  /** Publishes in-process; returns the exit code. */
  int inProcess(Path out) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);
    return Cli.run(
        args(out).toArray(String[]::new),
        new Cli.Context(
            print,
            print,
            Map.of(),
            Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC)));
  }

  /**
   * Steps after which to kill, for a publish of {@code steps} steps: the first ones (staging
   * starts), some spread over staging, and the last ones (seal, links, the switch, clean-up).
   */
  static int[] points(int steps) {
    return java.util.stream.IntStream.of(
            1,
            2,
            steps / 4,
            steps / 2,
            steps * 3 / 4,
            steps - 6,
            steps - 4,
            steps - 3,
            steps - 2,
            steps - 1,
            steps)
        .filter(n -> n >= 1)
        .distinct()
        .toArray();
  }

  /** How many file steps the next publish into {@code out} takes, counted by a run of the CLI. */
  int steps(Path out) throws Exception {
    Process p = start(out, -1);
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("cvefeed-test: file operations taken: ")) {
          p.waitFor(30, TimeUnit.SECONDS);
          return Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1).trim());
        }
      }
    }
    throw new AssertionError("the CLI did not count its file steps");
  }

  /** Starts the CLI as a process that stops after {@code step} file steps (0: never). */
  Process start(Path out, int step) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    command.add("io.k8s.cvefeed.cli.Main");
    command.addAll(args(out));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (step != 0) {
      pb.environment().put("CVEFEED_TEST_PAUSE_AFTER_FILE_OPS", String.valueOf(step));
    }
    return pb.start();
  }

  /** Kills the process once it paused; returns false when it finished before the step. */
  static boolean killWhenPaused(Process p) throws Exception {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("cvefeed-test: paused after file operation")) {
          p.destroyForcibly(); // SIGKILL
          p.waitFor(30, TimeUnit.SECONDS);
          return true;
        }
      }
    }
    p.waitFor(30, TimeUnit.SECONDS);
    return false;
  }
}
