package io.k8s.cvefeed.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

class IssueJsonTest {
  private static final URI PAGE = URI.create("https://api.github.com/repos/o/r/issues?page=2");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Reads a JSON array of items the way a listing page is read. */
  private static List<RawIssue> read(String array) throws SourceException {
    List<RawIssue> out = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(array)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        RawIssue issue = IssueJson.read(PAGE, parser);
        if (issue != null) {
          out.add(issue);
        }
      }
      assertThat(parser.nextToken()).isNull();
    }
    return out;
  }

  @Test
  void shouldReadTheFieldsCvefeedUsesAndSkipTheRest() throws SourceException {
    // A full GitHub issue trimmed to a few ignored fields of every shape (object, array, null).
    String page =
        """
        [{"url":"https://api.github.com/repos/o/r/issues/7","id":1,"number":7,
          "title":"CVE-2024-0001: a flaw","user":{"login":"alice","id":5,"site_admin":false},
          "labels":[{"id":9,"name":"official-cve-feed","color":"ededed"},{"name":"kind/bug"}],
          "state":"closed","assignees":[{"login":"bob"}],"milestone":null,
          "created_at":"2024-01-02T03:04:05Z","updated_at":"2024-02-03T04:05:06Z",
          "closed_at":"2024-02-03T04:05:06Z","body":"line 1\\r\\nline 2",
          "reactions":{"+1":3,"nested":{"deep":[1,[2,3]]}},
          "html_url":"https://github.com/o/r/issues/7","state_reason":"completed"}]
        """;

    assertThat(read(page))
        .containsExactly(
            new RawIssue(
                7,
                "CVE-2024-0001: a flaw",
                "line 1\r\nline 2",
                "closed",
                "completed",
                "https://github.com/o/r/issues/7",
                Instant.parse("2024-01-02T03:04:05Z"),
                Instant.parse("2024-02-03T04:05:06Z"),
                Instant.parse("2024-02-03T04:05:06Z"),
                List.of("official-cve-feed", "kind/bug"),
                "alice"));
  }

  @Test
  void shouldLeaveAbsentOptionalFieldsEmpty() throws SourceException {
    // An open placeholder: null body and title, no user login, labels as plain names.
    String page =
        """
        [{"number":8,"title":null,"body":null,"state":"open","state_reason":null,
          "html_url":"https://github.com/o/r/issues/8","created_at":"2024-01-01T00:00:00Z",
          "updated_at":"2024-01-01T00:00:00Z","closed_at":null,"labels":["a"],
          "user":{"login":null}}]
        """;

    RawIssue issue = read(page).get(0);

    assertThat(issue.title()).isEmpty();
    assertThat(issue.body()).isNull();
    assertThat(issue.closedAt()).isNull();
    assertThat(issue.author()).isNull();
    assertThat(issue.labels()).containsExactly("a");
  }

  @Test
  void shouldDropPullRequestsWhereverTheKeyIs() throws SourceException {
    String page =
        "["
            + ListingJson.pullRequest(3)
            + ","
            + ListingJson.issue(2)
            + ",{\"pull_request\":{},\"number\":1}]";

    assertThat(read(page)).extracting(RawIssue::number).containsExactly(2L);
  }

  @Test
  void shouldFailPageWhenItemLacksNumber() {
    assertThatThrownBy(() -> read("[{\"title\":\"x\",\"state\":\"open\"}]"))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith(PAGE + ": an item has no issue number");
  }

  @Test
  void shouldFailPageWhenTimestampIsUnreadable() {
    String page = "[" + ListingJson.issue(4).replace("2024-01-02T03:04:05Z", "yesterday") + "]";

    assertThatThrownBy(() -> read(page))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("issue #4 has an unreadable created_at 'yesterday'");
  }

  @Test
  void shouldFailPageWhenItemIsNotAnObject() {
    assertThatThrownBy(() -> read("[42]"))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("an item is not an object");
  }
}
