package io.k8s.cvefeed.publish.git;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link GitPublisher} commits and opens pull requests.
 *
 * @param authorName commit author and committer name
 * @param authorEmail commit author and committer email
 * @param title pull request title and commit subject
 * @param labels labels put on the pull request
 * @param token GitHub token, used for HTTPS pushes and the REST API; {@code null} for none. Never
 *     printed: {@link #toString()} hides it
 * @param api GitHub REST API base, e.g. {@code https://api.github.com}
 * @param cacheDir a directory to keep the local bare clone in between runs, or {@code null} for a
 *     temporary one per publisher, deleted when the JVM exits
 * @param clock the commit time
 */
public record GitOptions(
    String authorName,
    String authorEmail,
    String title,
    List<String> labels,
    @Nullable String token,
    URI api,
    @Nullable Path cacheDir,
    Clock clock) {
  public static final String DEFAULT_TITLE = "Update the official Kubernetes CVE feed";
  public static final URI GITHUB_API = URI.create("https://api.github.com");

  public GitOptions {
    labels = List.copyOf(labels);
  }

  /** Defaults: the cvefeed bot identity, the default title, no labels, api.github.com. */
  public static GitOptions defaults(@Nullable String token) {
    return new GitOptions(
        "cvefeed",
        "cvefeed@users.noreply.github.com",
        DEFAULT_TITLE,
        List.of(),
        token,
        GITHUB_API,
        null,
        Clock.systemUTC());
  }

  @Override
  public String toString() {
    return "GitOptions[author="
        + authorName
        + " <"
        + authorEmail
        + ">, title="
        + title
        + ", labels="
        + labels
        + ", token="
        + (token == null ? "none" : "***")
        + ", api="
        + api
        + "]";
  }
}
