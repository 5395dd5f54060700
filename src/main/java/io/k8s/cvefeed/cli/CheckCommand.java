package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.check.CheckInputException;
import io.k8s.cvefeed.check.CheckReport;
import io.k8s.cvefeed.check.Checker;
import io.k8s.cvefeed.check.ClusterVersions;
import io.k8s.cvefeed.check.ComponentNames;
import io.k8s.cvefeed.check.FeedLoader;
import io.k8s.cvefeed.check.Finding;
import io.k8s.cvefeed.check.RunningVersion;
import io.k8s.cvefeed.check.Target;
import io.k8s.cvefeed.check.Vulnerability;
import io.k8s.cvefeed.config.UsageException;
import io.k8s.cvefeed.model.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cvefeed check}: does any published CVE apply to these versions, or to this cluster? */
@Command(
    name = "check",
    description = {
      "Check Kubernetes versions against the published ranges: one version (--version), or"
          + " every component of a cluster (--kubeconfig).",
      "Distribution versions such as v1.30.2-eks-1234, v1.29.4+k3s1 or 1.28.15-gke.1 are"
          + " checked as the upstream release; each normalisation is reported.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no published CVE applies",
      "1:error: the feed or the cluster could not be read",
      "2:usage error",
      "3:at least one published CVE applies (with --fail-on unknown: or one cannot be told)",
    })
final class CheckCommand implements Callable<Integer> {
  private final Cli.Context ctx;

  // No mixinStandardHelpOptions: its -V/--version would take --version from us.
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = "--feed",
      paramLabel = "URL|FILE|DIR",
      description =
          "The published osv/ directory, a directory holding it, osv/all.zip, or a JSON Feed"
              + " with ranges; a path or an http(s) URL (default: ${DEFAULT-VALUE}).")
  String feed = "public";

  @Option(
      names = "--version",
      paramLabel = "VERSION",
      description = "A Kubernetes version to check, e.g. v1.30.2.")
  @Nullable String version;

  @Option(
      names = "--component",
      paramLabel = "NAME",
      description =
          "With --version: only this component, e.g. kubelet (default: every component released"
              + " with Kubernetes).")
  @Nullable String component;

  @Option(
      names = "--kubeconfig",
      paramLabel = "PATH",
      description = "Read the versions from the cluster this kubeconfig names.")
  @Nullable Path kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "With --kubeconfig: the context to use (default: the current context).")
  @Nullable String context;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  String output = "table";

  @Option(
      names = "--fail-on",
      paramLabel = "affected|unknown",
      description =
          "Exit 3 when a CVE applies (affected), or also when one cannot be told because no fixed"
              + " version is published (unknown) (default: ${DEFAULT-VALUE}).")
  String failOn = "affected";

  CheckCommand(Cli.Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws UsageException, InterruptedException {
    validate();
    Path kc = kubeconfig;
    List<Target> given = kc == null ? List.of(target()) : List.of();
    List<Vulnerability> vulnerabilities;
    try {
      vulnerabilities = FeedLoader.load(feed);
    } catch (CheckInputException e) {
      return fail("--feed " + e.getMessage());
    }
    List<Target> targets;
    try {
      targets = kc == null ? given : ClusterVersions.read(kc, context);
    } catch (ClusterVersions.ClusterException e) {
      return fail(String.valueOf(e.getMessage()));
    }
    List<String> problems = new ArrayList<>();
    List<Finding> findings = Checker.check(vulnerabilities, targets, problems);
    CheckReport report = new CheckReport(targets, findings, problems);
    print(report, vulnerabilities.size());
    boolean fail = report.affected() || (failOn.equals("unknown") && !report.unknown().isEmpty());
    return fail ? ExitCode.AFFECTED : ExitCode.OK;
  }

  private void validate() throws UsageException {
    if (!output.equals("table") && !output.equals("json")) {
      throw new UsageException("--output " + output + ": expected table or json");
    }
    if (!failOn.equals("affected") && !failOn.equals("unknown")) {
      throw new UsageException("--fail-on " + failOn + ": expected affected or unknown");
    }
    if ((version == null) == (kubeconfig == null)) {
      throw new UsageException("give either --version or --kubeconfig (exactly one)");
    }
    if (component != null && version == null) {
      throw new UsageException("--component needs --version");
    }
    if (context != null && kubeconfig == null) {
      throw new UsageException("--context needs --kubeconfig");
    }
    if (kubeconfig != null && !Files.isRegularFile(kubeconfig)) {
      throw new UsageException("--kubeconfig " + kubeconfig + ": no such file");
    }
  }

  private Target target() throws UsageException {
    RunningVersion v;
    try {
      v = RunningVersion.parse(String.valueOf(version));
    } catch (InvalidInputException e) {
      throw new UsageException("--version " + e.getMessage());
    }
    Set<String> components =
        component == null ? ComponentNames.RELEASE : Set.of(ComponentNames.canonical(component));
    return new Target(components, v, List.of("--version"));
  }

  private void print(CheckReport report, int known) {
    report.problems().forEach(p -> ctx.err().println("warning: " + p));
    if (output.equals("json")) {
      ctx.out().println(report.json());
      return;
    }
    report.notes().forEach(n -> ctx.err().println("note: " + n));
    report.table().forEach(ctx.out()::println);
    List<String> unknown = report.unknownTable();
    if (!unknown.isEmpty() && !report.table().isEmpty()) {
      ctx.out().println();
    }
    unknown.forEach(ctx.out()::println);
    long cves = report.applies().stream().map(f -> f.vulnerability().id()).distinct().count();
    long untold = report.unknown().stream().map(f -> f.vulnerability().id()).distinct().count();
    ctx.err()
        .println(
            (report.affected()
                    ? cves + " of " + known + " published CVEs apply"
                    : "none of " + known + " published CVEs applies")
                + (untold == 0
                    ? ""
                    : "; " + untold + " cannot be told (no fixed version published)"));
  }

  private int fail(String message) {
    ctx.err().println("cvefeed check: " + message);
    if (output.equals("json")) {
      ctx.out().println(RefreshSummary.failureJson(message));
    }
    return ExitCode.FAILED;
  }
}
