package io.k8s.cvefeed.github;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * The members of a GitHub team, from {@code GET /orgs/{org}/teams/{slug}/members} (every page).
 * GitHub answers this only to a token that may read the organisation's teams.
 */
public final class TeamMembersSource {
  private static final int PER_PAGE = 100;

  private final GitHubClient client;

  public TeamMembersSource(GitHubClient client) {
    this.client = client;
  }

  /** The logins of every member of {@code org}'s team {@code slug}. */
  public List<String> members(String org, String slug)
      throws SourceException, InterruptedException {
    if (!client.hasToken()) {
      throw new SourceException(
          "team "
              + org
              + "/"
              + slug
              + ": listing team members needs GITHUB_TOKEN;"
              + " set it, or list the members in --trusted-labelers");
    }
    URI first =
        client.resolve(
            "/orgs/"
                + URLEncoder.encode(org, StandardCharsets.UTF_8)
                + "/teams/"
                + URLEncoder.encode(slug, StandardCharsets.UTF_8)
                + "/members?per_page="
                + PER_PAGE);
    return client.list(first, PER_PAGE, TeamMembersSource::login, null).items();
  }

  /** An {@link ItemReader}: a member's login, or {@code null} when the element has none. */
  static @Nullable String login(URI page, JsonParser parser) {
    JsonNode member = parser.readValueAsTree();
    JsonNode login = member.path("login");
    return login.isString() ? login.stringValue() : null;
  }
}
