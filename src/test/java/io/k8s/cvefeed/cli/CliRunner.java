package io.k8s.cvefeed.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process, as a shell would, and keeps what it printed. */
final class CliRunner {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Map<String, String> env = Map.of();
  private Clock clock = Clock.systemUTC();

  /** The environment of the runs that follow. */
  CliRunner env(Map<String, String> env) {
    this.env = Map.copyOf(env);
    return this;
  }

  /** An environment of {@code HOME=dir} alone, so that no default reaches the user's home. */
  CliRunner home(Path dir) {
    return env(Map.of("HOME", dir.toString()));
  }

  CliRunner clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** Runs {@code args}; what it prints adds to {@link #out()} and {@link #err()}. */
  int run(String... args) {
    return Cli.run(args, context());
  }

  int run(List<String> args) {
    return run(args.toArray(String[]::new));
  }

  /** The streams, environment and clock of a run. */
  Cli.Context context() {
    return new Cli.Context(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        env,
        clock);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Forgets what earlier runs printed. */
  void reset() {
    out.reset();
    err.reset();
  }
}
