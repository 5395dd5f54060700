package io.k8s.cvefeed.github;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Streams GitHub issue objects into {@link RawIssue}s, skipping the many fields cvefeed does not
 * read and dropping pull requests. Text fields GitHub may leave out become {@code null} or empty; a
 * missing number, state, URL or timestamp means the answer is not an issue listing and fails the
 * page.
 */
final class IssueJson {
  private IssueJson() {}

  /** An {@link ItemReader}: one issue, or {@code null} for a pull request. */
  static @Nullable RawIssue read(URI page, JsonParser parser) throws SourceException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw malformed(page, "an item is not an object");
    }
    Fields fields = new Fields();
    for (String name = parser.nextName(); name != null; name = parser.nextName()) {
      JsonToken token = parser.nextToken();
      switch (name) {
        case "number" ->
            fields.number = token == JsonToken.VALUE_NUMBER_INT ? number(parser) : null;
        case "title" -> fields.title = string(parser, token);
        case "body" -> fields.body = string(parser, token);
        case "state" -> fields.state = string(parser, token);
        case "state_reason" -> fields.stateReason = string(parser, token);
        case "html_url" -> fields.htmlUrl = string(parser, token);
        case "created_at" -> fields.createdAt = string(parser, token);
        case "updated_at" -> fields.updatedAt = string(parser, token);
        case "closed_at" -> fields.closedAt = string(parser, token);
        case "labels" -> fields.labels = labels(parser, token);
        case "user" -> fields.author = login(parser, token);
        case "pull_request" -> {
          fields.pullRequest = true;
          parser.skipChildren();
        }
        default -> parser.skipChildren();
      }
    }
    return fields.pullRequest ? null : fields.issue(page);
  }

  private static @Nullable Long number(JsonParser parser) {
    return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
        ? null
        : parser.getLongValue();
  }

  private static @Nullable String string(JsonParser parser, JsonToken token) {
    if (token == JsonToken.VALUE_STRING) {
      return parser.getString();
    }
    parser.skipChildren();
    return null;
  }

  /** Label names from an array of label objects (or of plain names). */
  private static List<String> labels(JsonParser parser, JsonToken token) {
    List<String> names = new ArrayList<>();
    if (token != JsonToken.START_ARRAY) {
      parser.skipChildren();
      return names;
    }
    for (JsonToken item = parser.nextToken();
        item != JsonToken.END_ARRAY && item != null;
        item = parser.nextToken()) {
      String name = item == JsonToken.START_OBJECT ? field(parser, "name") : string(parser, item);
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  private static @Nullable String login(JsonParser parser, JsonToken token) {
    if (token != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return null;
    }
    return field(parser, "login");
  }

  /** The string field {@code wanted} of the object the parser is in; consumes the object. */
  private static @Nullable String field(JsonParser parser, String wanted) {
    String value = null;
    for (String name = parser.nextName(); name != null; name = parser.nextName()) {
      JsonToken token = parser.nextToken();
      if (name.equals(wanted)) {
        value = string(parser, token);
      } else {
        parser.skipChildren();
      }
    }
    return value;
  }

  private static SourceException malformed(URI page, String what) {
    return new SourceException(
        StatusText.display(page) + ": " + what + "; is --github-api a GitHub REST API?");
  }

  /** The fields read so far from one issue object. */
  private static final class Fields {
    @Nullable Long number;
    @Nullable String title;
    @Nullable String body;
    @Nullable String state;
    @Nullable String stateReason;
    @Nullable String htmlUrl;
    @Nullable String createdAt;
    @Nullable String updatedAt;
    @Nullable String closedAt;
    List<String> labels = List.of();
    @Nullable String author;
    boolean pullRequest;

    RawIssue issue(URI page) throws SourceException {
      if (number == null) {
        throw malformed(page, "an item has no issue number");
      }
      String subject = "issue #" + number;
      return new RawIssue(
          number,
          title == null ? "" : title,
          body,
          required(page, subject, "state", state),
          stateReason,
          required(page, subject, "html_url", htmlUrl),
          instant(page, subject, "created_at", required(page, subject, "created_at", createdAt)),
          instant(page, subject, "updated_at", required(page, subject, "updated_at", updatedAt)),
          closedAt == null ? null : instant(page, subject, "closed_at", closedAt),
          labels,
          author);
    }

    private static String required(URI page, String subject, String field, @Nullable String value)
        throws SourceException {
      if (value == null) {
        throw malformed(page, subject + " has no " + field);
      }
      return value;
    }

    private static Instant instant(URI page, String subject, String field, String value)
        throws SourceException {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw malformed(page, subject + " has an unreadable " + field + " '" + value + "'");
      }
    }
  }
}
