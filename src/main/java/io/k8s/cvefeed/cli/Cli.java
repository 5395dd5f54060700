package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.config.UsageException;
import io.k8s.cvefeed.net.EnvironmentProxies;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line, runnable in-process: arguments, streams and environment in, exit code out.
 * Subcommands are created here by hand (no reflection-driven factory), so start-up stays fast.
 */
@Command(
    name = "cvefeed",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    description = "The auto-refreshing official Kubernetes CVE feed.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Cli {
  /** What every command reads from its surroundings. */
  record Context(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {}

  private Cli() {}

  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return run(args, new Context(out, err, env, Clock.systemUTC()));
  }

  static int run(String[] args, Context ctx) {
    try {
      EnvironmentProxies.install(ctx.env());
    } catch (IllegalArgumentException e) {
      ctx.err().println("cvefeed: " + e.getMessage());
      return ExitCode.USAGE;
    }
    CommandLine cl = commandLine(ctx, args);
    if (args.length == 0) {
      cl.usage(ctx.err());
      return ExitCode.USAGE;
    }
    return cl.execute(args);
  }

  /** Every command, with the handlers that turn exceptions into messages and exit codes. */
  static CommandLine commandLine(Context ctx) {
    return commandLine(ctx, new String[0]);
  }

  /**
   * The command {@code args} names, or every command when it names none, with the handlers that
   * turn exceptions into messages and exit codes.
   */
  private static CommandLine commandLine(Context ctx, String[] args) {
    CommandLine cl = new CommandLine(new Cli());
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("refresh", () -> new RefreshCommand(ctx));
    commands.put("serve", () -> new ServeCommand(ctx));
    commands.put("label", () -> new LabelCommand(ctx, System.in));
    commands.put("verify", () -> new VerifyCommand(ctx));
    commands.put("keygen", () -> new KeygenCommand(ctx));
    commands.put("check", () -> new CheckCommand(ctx));
    // picocli reads every option of every command it is given; a run names one, so build that one
    // alone. Help, a typo or no command at all gets the whole tree, to list or suggest from.
    Supplier<Object> named = args.length > 0 ? commands.get(args[0]) : null;
    if (named != null) {
      cl.addSubcommand(args[0], named.get());
    } else {
      commands.forEach((name, command) -> cl.addSubcommand(name, command.get()));
    }
    cl.setOut(new PrintWriter(ctx.out(), true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(ctx.err(), true, StandardCharsets.UTF_8));
    cl.setExitCodeExceptionMapper(
        e -> e instanceof UsageException ? ExitCode.USAGE : ExitCode.FAILED);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof UsageException) {
            ctx.err().println("cvefeed: " + e.getMessage());
            ctx.err()
                .println("Run 'cvefeed " + commandLine.getCommandName() + " --help' for usage.");
            return ExitCode.USAGE;
          }
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            ctx.err().println("cvefeed: interrupted; nothing more was published");
            return ExitCode.FAILED;
          }
          ctx.err().println("cvefeed: unexpected error: " + e);
          e.printStackTrace(ctx.err());
          return ExitCode.FAILED;
        });
    cl.setParameterExceptionHandler(
        (e, a) -> {
          ctx.err().println("cvefeed: " + e.getMessage());
          if (e instanceof CommandLine.UnmatchedArgumentException u
              && !u.getSuggestions().isEmpty()) {
            ctx.err().println("Did you mean: " + String.join(", ", u.getSuggestions()) + "?");
          }
          ctx.err()
              .println(
                  "Run '"
                      + e.getCommandLine().getCommandSpec().qualifiedName()
                      + " --help' for usage.");
          return ExitCode.USAGE;
        });
    return cl;
  }

  /** Reads the version from the jar manifest, else from the build's {@code version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {text()};
    }

    /** {@code cvefeed 1.2.0}, or {@code cvefeed (development build)}. */
    static String text() {
      String v = Cli.class.getPackage().getImplementationVersion();
      if (v == null) {
        v = fromProperties("version");
      }
      return "cvefeed " + (v == null ? "(development build)" : v);
    }

    /**
     * The version and the time it was built: a rebuilt program may render differently, so its first
     * refresh is a full one.
     */
    static String build() {
      return text() + " built " + fromProperties("built");
    }

    private static @Nullable String fromProperties(String key) {
      try (InputStream in = Cli.class.getResourceAsStream("version.properties")) {
        if (in == null) {
          return null;
        }
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty(key);
        return v == null || v.startsWith("$") ? null : v;
      } catch (IOException e) {
        return null;
      }
    }
  }
}
