package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.config.RefreshConfig;
import io.k8s.cvefeed.config.UsageException;
import io.k8s.cvefeed.extract.Diagnostic;
import io.k8s.cvefeed.github.DirectoryEtagCache;
import io.k8s.cvefeed.github.SourceException;
import io.k8s.cvefeed.refresh.LastRelease;
import io.k8s.cvefeed.refresh.RefreshReport;
import io.k8s.cvefeed.refresh.Refresher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cvefeed refresh}: one cycle, then exit. */
@Command(
    name = "refresh",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch every issue carrying the feed label, render the feed in every format, and publish it"
          + " to each target whose content changed.",
      "The GitHub token is read from the GITHUB_TOKEN environment variable.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:published, or unchanged",
      "1:failed; nothing was published (or not to every target)",
      "2:usage or configuration error",
      "7:published or unchanged, but some issues were skipped",
    })
final class RefreshCommand implements Callable<Integer> {
  private final Cli.Context ctx;

  @Mixin RefreshOptions options = new RefreshOptions();

  @Option(
      names = {"-q", "--quiet"},
      description = "Print errors only: no progress, diagnostics or summary on stderr.")
  boolean quiet;

  @Option(names = "--json", description = "Print the summary as JSON on stdout.")
  boolean json;

  /** The file in the cache directory that remembers the last refresh's inputs. */
  static final String LAST_RELEASE = "last-release.json";

  RefreshCommand(Cli.Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws UsageException, InterruptedException {
    RefreshConfig config = options.toConfig(ctx.env());
    Refresher refresher =
        Wiring.refresher(
            config,
            options,
            options.integrity,
            Wiring.gitHub(config, new DirectoryEtagCache(config.cacheDir()), ctx.clock()).build(),
            ctx.clock(),
            quiet ? line -> {} : ctx.err()::println,
            line -> ctx.err().println("cvefeed: " + line),
            LastRelease.inFile(config.cacheDir().resolve(LAST_RELEASE)));
    RefreshReport report;
    try {
      report = refresher.refresh();
    } catch (SourceException e) {
      String message = String.valueOf(e.getMessage());
      ctx.err().println("cvefeed: " + message);
      ctx.err().println("cvefeed: refresh failed; nothing was published");
      if (json) {
        ctx.out().println(RefreshSummary.failureJson(message));
      }
      return ExitCode.FAILED;
    }
    if (!quiet) {
      for (Diagnostic d : report.diagnostics()) {
        ctx.err().println("warning: " + d);
      }
    }
    RefreshSummary.errors(report).forEach(line -> ctx.err().println("cvefeed: " + line));
    if (!quiet) {
      ctx.err().println(RefreshSummary.line(report));
    }
    if (json) {
      ctx.out().println(RefreshSummary.json(report));
    }
    return exitCode(report);
  }

  static int exitCode(RefreshReport report) {
    if (report.anyFailed()) {
      return ExitCode.FAILED;
    }
    return report.skipped() > 0 ? ExitCode.SKIPPED : ExitCode.OK;
  }
}
