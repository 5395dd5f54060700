package io.k8s.cvefeed.publish.git;

import io.k8s.cvefeed.net.NetworkFailure;
import io.k8s.cvefeed.publish.PublishException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The four GitHub REST calls a pull request needs: find open, create, update, label. */
final class GitHubPulls {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private final HttpClient http;
  private final URI api;
  private final String repo;
  private final String token;
  private final String target;

  /** An open pull request. */
  record Pull(int number, String url) {}

  /**
   * @param api e.g. {@code https://api.github.com}
   * @param repo {@code OWNER/REPO}
   * @param target the publish target, for messages
   */
  GitHubPulls(HttpClient http, URI api, String repo, String token, String target) {
    this.target = target;
    this.http = http;
    this.api = api;
    this.repo = repo;
    this.token = token;
  }

  /** The open pull request from {@code head} ({@code OWNER:branch}) into {@code base}. */
  @Nullable Pull findOpen(String head, String base) throws PublishException, InterruptedException {
    String query = "?state=open&head=" + encode(head) + "&base=" + encode(base) + "&per_page=1";
    JsonNode list = send("GET", "/repos/" + repo + "/pulls" + query, null);
    if (!list.isArray() || list.isEmpty()) {
      return null;
    }
    return pull(list.get(0));
  }

  Pull create(String title, String body, String head, String base)
      throws PublishException, InterruptedException {
    ObjectNode request = JSON.createObjectNode();
    request.put("title", title).put("body", body).put("head", head).put("base", base);
    return pull(send("POST", "/repos/" + repo + "/pulls", request));
  }

  void update(int number, String title, String body) throws PublishException, InterruptedException {
    ObjectNode request = JSON.createObjectNode();
    request.put("title", title).put("body", body);
    send("PATCH", "/repos/" + repo + "/pulls/" + number, request);
  }

  void label(int number, List<String> labels) throws PublishException, InterruptedException {
    if (labels.isEmpty()) {
      return;
    }
    ObjectNode request = JSON.createObjectNode();
    labels.forEach(request.putArray("labels")::add);
    send("POST", "/repos/" + repo + "/issues/" + number + "/labels", request);
  }

  private static Pull pull(JsonNode node) {
    return new Pull(node.path("number").asInt(), node.path("html_url").asString(""));
  }

  private JsonNode send(String method, String path, @Nullable ObjectNode body)
      throws PublishException, InterruptedException {
    URI uri = URI.create(api.toString().replaceAll("/+$", "") + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    String subject =
        target + ": " + method + " " + uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new PublishException(
            subject + ": " + response.statusCode() + hint(response.statusCode(), response.body()));
      }
      return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new PublishException(
          subject + ": " + NetworkFailure.of(uri, e).text() + "; check the API URL", e);
    } catch (JacksonException e) {
      throw new PublishException(
          subject + ": invalid JSON answer (" + e.getOriginalMessage() + "); check the API URL", e);
    }
  }

  private static String hint(int status, String body) {
    String message = "";
    try {
      message = JSON.readTree(body).path("message").asString("");
    } catch (JacksonException e) {
      // not JSON: keep the status alone
    }
    String detail = message.isEmpty() ? "" : " " + message;
    return detail
        + switch (status) {
          case 401 -> "; the token is missing, expired or revoked";
          case 403 ->
              "; the token lacks pull request write access (fine-grained: Pull requests: write;"
                  + " classic: public_repo) or is rate limited";
          case 404 -> "; the repository does not exist or the token cannot see it";
          case 422 -> "; GitHub refused the request: check the branch names";
          default -> "";
        };
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
