package io.k8s.cvefeed.github;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/** Words for HTTP statuses, and what to do about the ones that end a fetch at once. */
final class StatusText {
  private StatusText() {}

  /** {@code 404 Not Found}, or just the number when the status is unusual. */
  static String status(int code) {
    String reason =
        switch (code) {
          case 400 -> "Bad Request";
          case 401 -> "Unauthorized";
          case 403 -> "Forbidden";
          case 404 -> "Not Found";
          case 410 -> "Gone";
          case 422 -> "Unprocessable Entity";
          case 429 -> "Too Many Requests";
          case 500 -> "Internal Server Error";
          case 502 -> "Bad Gateway";
          case 503 -> "Service Unavailable";
          case 504 -> "Gateway Timeout";
          default -> "";
        };
    return reason.isEmpty() ? Integer.toString(code) : code + " " + reason;
  }

  /**
   * The message for a status that no retry can fix, e.g. {@code <url>: 404 Not Found; check
   * --repo}.
   *
   * @param detail GitHub's own {@code message}, or {@code null}
   */
  static String failure(String uri, int code, @Nullable String detail, boolean hasToken) {
    String status = status(code);
    StringBuilder out = new StringBuilder(uri).append(": ").append(status);
    if (detail != null && !detail.isBlank() && !status.endsWith(" " + detail.strip())) {
      String text = detail.strip().replaceAll("\\s+", " ");
      out.append(" (")
          .append(text.length() > 200 ? text.substring(0, 200) + "…" : text)
          .append(')');
    }
    String hint = hint(code, hasToken);
    if (!hint.isEmpty()) {
      out.append("; ").append(hint);
    }
    return out.toString();
  }

  private static String hint(int code, boolean hasToken) {
    return switch (code) {
      case 401 -> hasToken ? "check GITHUB_TOKEN" : "set GITHUB_TOKEN";
      case 403 -> hasToken ? "check that GITHUB_TOKEN may read the repository" : "set GITHUB_TOKEN";
      case 404, 410 -> "check --repo";
      default -> "";
    };
  }

  /** {@code uri} as shown in messages: without any user info. */
  static String display(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri.toString();
    }
    String text = uri.toString();
    return text.replace(uri.getRawUserInfo() + "@", "");
  }
}
