package io.k8s.cvefeed.github;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Every issue of one repository carrying one label, from {@code GET
 * /repos/{owner}/{repo}/issues?labels={label}&state=all&per_page={n}} through a {@link
 * GitHubClient} (paging, retries, rate limits, ETag cache). Pull requests are dropped; issues come
 * back de-duplicated and ordered by number, newest first.
 */
public final class GitHubIssueSource implements IssueSource {
  /** The repository the official feed is built from. */
  public static final String DEFAULT_REPO = "kubernetes/kubernetes";

  /** The label marking official CVE announcements. */
  public static final String DEFAULT_LABEL = "official-cve-feed";

  /** GitHub's largest page size. */
  public static final int MAX_PER_PAGE = 100;

  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

  private final GitHubClient client;
  private final URI listUri;
  private final int perPage;
  private final @Nullable ProgressListener progress;

  private GitHubIssueSource(Builder builder) {
    this.client = builder.client;
    this.perPage = builder.perPage;
    this.progress = builder.progress;
    this.listUri =
        client.resolve(
            "/repos/"
                + builder.repo
                + "/issues?labels="
                + URLEncoder.encode(builder.label, StandardCharsets.UTF_8).replace("+", "%20")
                + "&state=all&per_page="
                + perPage);
  }

  /** Starts a builder reading through {@code client}. */
  public static Builder builder(GitHubClient client) {
    return new Builder(client);
  }

  /** The URL of the first listing page. */
  public URI listUri() {
    return listUri;
  }

  @Override
  public FetchResult fetch() throws SourceException, InterruptedException {
    Listing<RawIssue> listing = client.list(listUri, perPage, IssueJson::read, progress);
    return new FetchResult(
        newestFirst(listing.items()),
        listing.pages(),
        listing.requests(),
        listing.notModified(),
        listing.rateLimitRemaining());
  }

  /**
   * One issue per number, newest number first. An issue can appear on two pages when issues are
   * opened or relabelled while listing; the most recently updated copy wins.
   */
  static List<RawIssue> newestFirst(List<RawIssue> issues) {
    Map<Long, RawIssue> byNumber = new HashMap<>();
    for (RawIssue issue : issues) {
      byNumber.merge(issue.number(), issue, (a, b) -> b.updatedAt().isAfter(a.updatedAt()) ? b : a);
    }
    List<RawIssue> out = new ArrayList<>(byNumber.values());
    out.sort(Comparator.comparingLong(RawIssue::number).reversed());
    return out;
  }

  /** Settings for a {@link GitHubIssueSource}. */
  public static final class Builder {
    private final GitHubClient client;
    private String repo = DEFAULT_REPO;
    private String label = DEFAULT_LABEL;
    private int perPage = MAX_PER_PAGE;
    private @Nullable ProgressListener progress;

    private Builder(GitHubClient client) {
      this.client = Objects.requireNonNull(client);
    }

    /** {@code owner/name} (default {@code kubernetes/kubernetes}). */
    public Builder repo(String repo) {
      if (!REPO.matcher(repo).matches()) {
        throw new IllegalArgumentException("--repo: expected owner/name, got '" + repo + "'");
      }
      this.repo = repo;
      return this;
    }

    /** The label to list (default {@code official-cve-feed}). */
    public Builder label(String label) {
      if (label.isBlank()) {
        throw new IllegalArgumentException("--label: must not be empty");
      }
      this.label = label;
      return this;
    }

    /** Issues per page, 1 to 100 (default 100). */
    public Builder perPage(int perPage) {
      if (perPage < 1 || perPage > MAX_PER_PAGE) {
        throw new IllegalArgumentException("per_page: expected 1 to 100, got " + perPage);
      }
      this.perPage = perPage;
      return this;
    }

    /** Told after each page (default: nobody). */
    public Builder progress(@Nullable ProgressListener progress) {
      this.progress = progress;
      return this;
    }

    public GitHubIssueSource build() {
      return new GitHubIssueSource(this);
    }
  }
}
