package io.k8s.cvefeed.label;

import io.k8s.cvefeed.github.GitHubClient;
import io.k8s.cvefeed.github.SourceException;
import java.net.URI;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adds the feed label to issues through {@code POST /repos/{owner}/{repo}/issues/{n}/labels}, which
 * adds to the labels and removes none. Needs a token that may triage the repository.
 */
public final class LabelApplier {
  /**
   * What happened to one issue.
   *
   * @param number the issue
   * @param ok whether GitHub accepted the label
   * @param message {@code labelled}, or the error
   */
  public record Result(long number, boolean ok, String message) {}

  private final GitHubClient client;
  private final String repo;
  private final String body;

  public LabelApplier(GitHubClient client, String repo, String label) {
    this.client = client;
    this.repo = repo;
    ObjectNode node = JsonMapper.builder().build().createObjectNode();
    node.putArray("labels").add(label);
    this.body = node.toString();
  }

  /** Adds the label to issue {@code number}; a failure is reported, not thrown. */
  public Result apply(long number) throws InterruptedException {
    URI uri = client.resolve("/repos/" + repo + "/issues/" + number + "/labels");
    try {
      client.postJson(uri, body);
      return new Result(number, true, "labelled");
    } catch (SourceException e) {
      return new Result(number, false, String.valueOf(e.getMessage()));
    }
  }
}
