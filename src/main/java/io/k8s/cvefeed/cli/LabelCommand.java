package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.config.RefreshConfig;
import io.k8s.cvefeed.config.UsageException;
import io.k8s.cvefeed.github.GitHubClient;
import io.k8s.cvefeed.github.IssueSearch;
import io.k8s.cvefeed.github.SourceException;
import io.k8s.cvefeed.label.Candidate;
import io.k8s.cvefeed.label.CandidateFinder;
import io.k8s.cvefeed.label.LabelApplier;
import io.k8s.cvefeed.label.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cvefeed label}: lists CVE announcements lacking the feed label; adds it with --apply. */
@Command(
    name = "label",
    mixinStandardHelpOptions = true,
    description = {
      "List issues that look like CVE announcements but lack the feed label: the title starts with"
          + " a CVE id, the issue is labelled committee/security-response, or the body states a"
          + " CVSS vector. Most certain first. A dry run unless --apply; never removes labels.",
      "The GitHub token is read from the GITHUB_TOKEN environment variable.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:listed (and, with --apply, every label added)",
      "1:GitHub could not be read, a label could not be added, or --apply was not confirmed",
      "2:usage error, e.g. --apply without GITHUB_TOKEN",
    })
final class LabelCommand implements Callable<Integer> {
  private final Cli.Context ctx;
  private final InputStream in;

  @Option(names = "--github-api", paramLabel = "URL", description = "GitHub REST API base URL.")
  String githubApi = RefreshConfig.DEFAULT_API;

  @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "Repository to search.")
  String repo = RefreshConfig.DEFAULT_REPO;

  @Option(names = "--label", paramLabel = "LABEL", description = "The feed label.")
  String label = RefreshConfig.DEFAULT_LABEL;

  @Option(names = "--output", paramLabel = "text|json", description = "Output format.")
  String output = "text";

  @Option(names = "--apply", description = "Add the feed label to every candidate listed.")
  boolean apply;

  @Option(names = "--yes", description = "With --apply: do not ask for confirmation.")
  boolean yes;

  LabelCommand(Cli.Context ctx, InputStream in) {
    this.ctx = ctx;
    this.in = in;
  }

  @Override
  public Integer call() throws UsageException, InterruptedException {
    boolean json = parseOutput();
    String token = ctx.env().get("GITHUB_TOKEN");
    if (apply && (token == null || token.isBlank())) {
      throw new UsageException(
          "--apply: adding labels needs GITHUB_TOKEN; set it to a token"
              + " that may triage "
              + repo);
    }
    if (!repo.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
      throw new UsageException("--repo " + repo + ": expected OWNER/NAME");
    }
    GitHubClient client;
    try {
      client = GitHubClient.builder().apiBase(URI.create(githubApi)).token(token).build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()));
    }
    List<Candidate> candidates;
    try {
      candidates = new CandidateFinder(new IssueSearch(client), repo, label).find();
    } catch (SourceException e) {
      ctx.err().println("cvefeed: " + e.getMessage());
      return ExitCode.FAILED;
    }
    if (!apply) {
      ctx.out()
          .print(json ? LabelReport.json(repo, candidates, null) : LabelReport.table(candidates));
      return ExitCode.OK;
    }
    return applyAll(client, candidates, json);
  }

  private int applyAll(GitHubClient client, List<Candidate> candidates, boolean json)
      throws InterruptedException {
    if (!json) {
      ctx.out().print(LabelReport.table(candidates));
    }
    if (!candidates.isEmpty() && !yes && !confirmed(candidates.size())) {
      ctx.err().println("cvefeed: not confirmed; no label was added");
      return ExitCode.FAILED;
    }
    LabelApplier applier = new LabelApplier(client, repo, label);
    List<LabelApplier.Result> results = new ArrayList<>();
    for (Candidate c : candidates) {
      LabelApplier.Result r = applier.apply(c.number());
      results.add(r);
      if (!json) {
        ctx.out()
            .println(
                "#"
                    + r.number()
                    + ": "
                    + (r.ok() ? "labelled " + label : "failed: " + r.message()));
      }
    }
    if (json) {
      ctx.out().print(LabelReport.json(repo, candidates, results));
    }
    return results.stream().allMatch(LabelApplier.Result::ok) ? ExitCode.OK : ExitCode.FAILED;
  }

  private boolean confirmed(int count) {
    ctx.err().print("Add " + label + " to " + count + " issue(s) in " + repo + "? [y/N] ");
    ctx.err().flush();
    try {
      String line =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
      return line != null && List.of("y", "yes").contains(line.strip().toLowerCase(Locale.ROOT));
    } catch (IOException e) {
      return false;
    }
  }

  private boolean parseOutput() throws UsageException {
    return switch (output) {
      case "text" -> false;
      case "json" -> true;
      default -> throw new UsageException("--output " + output + ": expected text or json");
    };
  }

  static String reasons(Candidate c) {
    return String.join("; ", c.reasons().stream().map(Reason::text).toList());
  }
}
