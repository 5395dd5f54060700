package io.k8s.cvefeed.github;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * The label events of one issue, from {@code GET /repos/{owner}/{repo}/issues/{n}/events} (every
 * page, oldest first, as GitHub lists them). Other event kinds are dropped. Thread-safe.
 */
public final class IssueEventsSource {
  static final int PER_PAGE = 100;

  private final GitHubClient client;
  private final String repo;
  private final AtomicInteger requests = new AtomicInteger();

  /**
   * @param repo {@code owner/name}
   */
  public IssueEventsSource(GitHubClient client, String repo) {
    this.client = client;
    this.repo = repo;
  }

  /** Every {@code labeled}/{@code unlabeled} event of issue {@code number}, in GitHub's order. */
  public List<LabelEvent> labelEvents(long number) throws SourceException, InterruptedException {
    URI first =
        client.resolve("/repos/" + repo + "/issues/" + number + "/events?per_page=" + PER_PAGE);
    Listing<LabelEvent> listing = client.list(first, PER_PAGE, IssueEventsSource::event, null);
    requests.addAndGet(listing.requests());
    return listing.items();
  }

  /** HTTP requests sent so far for events, retries included. */
  public int requests() {
    return requests.get();
  }

  /** An {@link ItemReader}: one label event, or {@code null} for any other kind of event. */
  static @Nullable LabelEvent event(URI page, JsonParser parser) throws SourceException {
    JsonNode node = parser.readValueAsTree();
    String kind = node.path("event").asString("");
    if (!kind.equals("labeled") && !kind.equals("unlabeled")) {
      return null;
    }
    JsonNode name = node.path("label").path("name");
    JsonNode login = node.path("actor").path("login");
    String created = node.path("created_at").asString("");
    if (!name.isString()) {
      throw malformed(page, "a " + kind + " event has no label name");
    }
    try {
      return new LabelEvent(
          name.stringValue(),
          kind.equals("labeled"),
          login.isString() ? login.stringValue() : "ghost",
          Instant.parse(created));
    } catch (DateTimeParseException e) {
      throw malformed(page, "a " + kind + " event has an unreadable created_at '" + created + "'");
    }
  }

  private static SourceException malformed(URI page, String what) {
    return new SourceException(
        StatusText.display(page) + ": " + what + "; is --github-api a GitHub REST API?");
  }
}
