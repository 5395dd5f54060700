package io.k8s.cvefeed.server;

import io.k8s.cvefeed.refresh.Phases;
import io.k8s.cvefeed.refresh.RefreshReport;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs a {@link FeedServer} over a directory that already holds a feed, for {@code
 * bench/serve-bench.sh}: {@code java -cp … io.k8s.cvefeed.server.BenchServer DIR PORT}. Its refresh
 * publishes nothing, so the benchmark measures serving alone. Stops on SIGTERM.
 */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: BenchServer DIR PORT");
      System.exit(2);
    }
    RefreshRunner noop =
        () ->
            new RefreshReport(
                0,
                0,
                0,
                null,
                0,
                0,
                0,
                List.of(),
                List.of(),
                "sha256:bench",
                Instant.now(),
                Duration.ZERO,
                Phases.NONE);
    FeedServerBuilder builder =
        FeedServer.builder(Path.of(args[0]), noop)
            .bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])));
    Integer threads = Integer.getInteger("bench.threads");
    if (threads != null) {
      builder.httpThreads(threads);
    }
    FeedServer server = builder.build().start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cvefeed-stop"));
    server.awaitClosed();
  }
}
