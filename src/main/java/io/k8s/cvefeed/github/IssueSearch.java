package io.k8s.cvefeed.github;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues found by the GitHub search API, {@code GET /search/issues?q=…}, following {@code
 * rel="next"} links one page after another. GitHub returns at most 1,000 results per query and
 * allows 30 searches a minute with a token (10 without); pull requests are dropped.
 */
public final class IssueSearch {
  static final int PER_PAGE = 100;

  /** GitHub stops at 1,000 results: 10 full pages. */
  static final int MAX_PAGES = 10;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final GitHubClient client;

  public IssueSearch(GitHubClient client) {
    this.client = client;
  }

  /** Every issue matching {@code query}, e.g. {@code repo:o/r is:issue CVE in:title}. */
  public List<RawIssue> search(String query) throws SourceException, InterruptedException {
    URI next =
        client.resolve(
            "/search/issues?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&per_page="
                + PER_PAGE);
    List<RawIssue> issues = new ArrayList<>();
    for (int page = 0; next != null && page < MAX_PAGES; page++) {
      JsonPage answer = client.getJson(next);
      JsonNode items = answer.body().path("items");
      if (!items.isArray()) {
        throw new SourceException(
            StatusText.display(next)
                + ": search answer has no items; is --github-api a GitHub REST API?");
      }
      for (JsonNode item : items.values()) {
        RawIssue issue = issue(next, item);
        if (issue != null) {
          issues.add(issue);
        }
      }
      next = LinkHeader.rel(answer.link(), "next");
    }
    return issues;
  }

  /** One search result read as a listed issue is; {@code null} for a pull request. */
  private static @Nullable RawIssue issue(URI page, JsonNode item) throws SourceException {
    try (JsonParser parser = JSON.createParser(JSON.writeValueAsString(item))) {
      parser.nextToken();
      return IssueJson.read(page, parser);
    }
  }
}
