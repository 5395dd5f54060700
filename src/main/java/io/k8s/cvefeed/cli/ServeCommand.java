package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.config.Durations;
import io.k8s.cvefeed.config.Problems;
import io.k8s.cvefeed.config.RefreshConfig;
import io.k8s.cvefeed.config.UsageException;
import io.k8s.cvefeed.github.GitHubClient;
import io.k8s.cvefeed.github.MemoryEtagCache;
import io.k8s.cvefeed.github.RequestListener;
import io.k8s.cvefeed.publish.StatusFile;
import io.k8s.cvefeed.refresh.LastRelease;
import io.k8s.cvefeed.refresh.RefreshReport;
import io.k8s.cvefeed.refresh.Refresher;
import io.k8s.cvefeed.server.FeedServer;
import io.k8s.cvefeed.server.LogFormat;
import io.k8s.cvefeed.server.ServerMetrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cvefeed serve}: refresh on a schedule and on webhooks, and serve the artifacts. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Keep the feed fresh and serve it: refresh at start, every --interval, on a signed GitHub"
          + " webhook (POST /hooks/github) and on POST /refresh; serve the artifacts, /healthz,"
          + " /readyz and /metrics.",
      "Publishes to --out (which it serves) and to every --publish target.",
    })
final class ServeCommand implements Callable<Integer> {
  private final Cli.Context ctx;

  @Mixin RefreshOptions options = new RefreshOptions();

  @Option(
      names = "--listen",
      paramLabel = "[HOST]:PORT",
      description = "Address to serve on (default: ${DEFAULT-VALUE}, every interface).")
  String listen = ":8080";

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      description =
          "Time between scheduled refreshes, plus a little jitter (default: ${DEFAULT-VALUE}).")
  String interval = "2h";

  @Option(
      names = "--stale-after",
      paramLabel = "DURATION",
      description =
          "/readyz answers 503 when the last successful refresh is older (default: ${DEFAULT-VALUE}).")
  String staleAfter = "6h";

  @Option(
      names = "--webhook-secret-env",
      paramLabel = "NAME",
      description =
          "Environment variable holding the GitHub webhook secret; without it /hooks/github is off.")
  @Nullable String webhookSecretEnv;

  @Option(
      names = "--admin-token-env",
      paramLabel = "NAME",
      description =
          "Environment variable holding the bearer token for POST /refresh; without it the endpoint"
              + " is off.")
  @Nullable String adminTokenEnv;

  @Option(
      names = "--log-format",
      paramLabel = "text|json",
      description = "Log line format (default: ${DEFAULT-VALUE}).")
  String logFormat = "text";

  ServeCommand(Cli.Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws UsageException, IOException, InterruptedException {
    // Every option, the refresh's and serve's own, is checked before anything starts; all the
    // problems are reported at once.
    Problems problems = new Problems();
    RefreshConfig config = options.toConfig(ctx.env(), problems);
    Path servedDir = problems.check(() -> servedDirectory(config));
    InetSocketAddress address = problems.check(this::address);
    Duration every = problems.check(() -> positive("--interval", interval));
    Duration staleOrNull = problems.check(() -> positive("--stale-after", staleAfter));
    Optional<byte[]> webhookSecret =
        problems.check(
            () -> Optional.ofNullable(secret(webhookSecretEnv, "--webhook-secret-env")),
            Optional.empty());
    Optional<String> admin =
        problems.check(() -> Optional.ofNullable(adminToken()), Optional.empty());
    LogFormat logs = problems.check(this::format);
    problems.throwIfAny();
    Path dir = Objects.requireNonNull(servedDir);
    Duration stale = Objects.requireNonNull(staleOrNull);
    AtomicReference<@Nullable ServerMetrics> metrics = new AtomicReference<>();
    RequestListener counter =
        (status, remaining) -> {
          ServerMetrics m = metrics.get();
          if (m != null) {
            m.githubResponse(status);
          }
        };
    GitHubClient client =
        Wiring.gitHub(config, new MemoryEtagCache(), ctx.clock()).requestListener(counter).build();
    Refresher refresher =
        Wiring.refresher(
            config,
            options,
            options.integrity.inMemory(),
            client,
            ctx.clock(),
            line -> {},
            line -> ctx.err().println("cvefeed: " + line),
            LastRelease.inMemory());
    FeedServer server =
        FeedServer.builder(
                dir,
                () -> {
                  RefreshReport report = refresher.refresh();
                  if (!report.anyFailed()) {
                    StatusFile.write(dir, report.finishedAt(), stale);
                  }
                  return report;
                })
            .bind(Objects.requireNonNull(address))
            .interval(Objects.requireNonNull(every))
            .staleAfter(stale)
            .webhookSecret(webhookSecret.orElse(null))
            .adminToken(admin.orElse(null))
            .feedLabel(config.label())
            .clock(ctx.clock())
            .logFormat(Objects.requireNonNull(logs))
            .logSink(ctx.err()::println)
            .build();
    metrics.set(server.metrics());
    CveRecordMetrics.register(server.metrics(), options.cveRecords.source());
    server.start();
    Thread hook = new Thread(server::close, "cvefeed-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    ctx.err().println("cvefeed: serving " + dir + " on http://" + listenDisplay(server));
    server.awaitClosed();
    return ExitCode.OK;
  }

  private static String listenDisplay(FeedServer server) {
    InetSocketAddress a = server.address();
    return a.getHostString() + ":" + a.getPort();
  }

  /** The directory served: the first {@code file://} target ({@code --out}, default ./public). */
  private static Path servedDirectory(RefreshConfig config) throws UsageException {
    for (URI t : config.targets()) {
      if ("file".equals(t.getScheme())) {
        return Path.of(t);
      }
    }
    throw new UsageException(
        "serve needs a local directory to serve; add --out DIR (it is published to as well)");
  }

  InetSocketAddress address() throws UsageException {
    int colon = listen.lastIndexOf(':');
    String host = colon <= 0 ? "" : listen.substring(0, colon);
    String port = colon < 0 ? listen : listen.substring(colon + 1);
    try {
      int p = Integer.parseInt(port);
      if (p < 0 || p > 65535) {
        throw new NumberFormatException();
      }
      return host.isEmpty() ? new InetSocketAddress(p) : new InetSocketAddress(host, p);
    } catch (NumberFormatException e) {
      throw new UsageException(
          "--listen " + listen + ": expected [HOST]:PORT such as :8080 or 127.0.0.1:8080");
    }
  }

  private static Duration positive(String option, String text) throws UsageException {
    Duration d = Durations.parse(option, text);
    if (d.isZero() || d.isNegative()) {
      throw new UsageException(option + " " + text + ": must be longer than zero");
    }
    return d;
  }

  private byte @Nullable [] secret(@Nullable String env, String option) throws UsageException {
    String value = envValue(env, option);
    return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
  }

  private @Nullable String adminToken() throws UsageException {
    return envValue(adminTokenEnv, "--admin-token-env");
  }

  private @Nullable String envValue(@Nullable String name, String option) throws UsageException {
    if (name == null) {
      return null;
    }
    String value = ctx.env().get(name);
    if (value == null || value.isBlank()) {
      throw new UsageException(
          option
              + " "
              + name
              + ": the environment variable is not set or empty; set it, or drop"
              + " the option to turn the endpoint off");
    }
    return value.strip();
  }

  private LogFormat format() throws UsageException {
    try {
      return LogFormat.valueOf(logFormat.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--log-format " + logFormat + ": expected text or json");
    }
  }
}
