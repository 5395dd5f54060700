package io.k8s.cvefeed.github;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads GitHub's {@code Link} header and rewrites the {@code page} query parameter. */
final class LinkHeader {
  private static final Pattern LINK = Pattern.compile("<([^>]*)>([^<]*)");
  private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";,]*)\"?");

  private LinkHeader() {}

  /** The target of the link with relation {@code rel}, or {@code null}. */
  static @Nullable URI rel(@Nullable String header, String rel) {
    if (header == null) {
      return null;
    }
    Matcher link = LINK.matcher(header);
    while (link.find()) {
      Matcher params = REL.matcher(link.group(2));
      if (params.find() && List.of(params.group(1).trim().split("\\s+", -1)).contains(rel)) {
        try {
          return URI.create(link.group(1).trim());
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** The {@code page} query parameter of {@code uri}, or {@code -1} when absent or not a number. */
  static int page(URI uri) {
    String query = uri.getRawQuery();
    if (query == null) {
      return -1;
    }
    for (String pair : query.split("&", -1)) {
      if (pair.startsWith("page=")) {
        try {
          return Integer.parseInt(pair.substring(5));
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }

  /** {@code uri} with its {@code page} query parameter set to {@code page} (added if absent). */
  static URI withPage(URI uri, int page) {
    String text = uri.toString();
    int hash = text.indexOf('#');
    if (hash >= 0) {
      text = text.substring(0, hash);
    }
    int question = text.indexOf('?');
    String base = question < 0 ? text : text.substring(0, question);
    List<String> pairs = new ArrayList<>();
    boolean replaced = false;
    if (question >= 0) {
      for (String pair : text.substring(question + 1).split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        if (pair.startsWith("page=") || pair.equals("page")) {
          pair = replaced ? "" : "page=" + page;
          replaced = true;
        }
        if (!pair.isEmpty()) {
          pairs.add(pair);
        }
      }
    }
    if (!replaced) {
      pairs.add("page=" + page);
    }
    return URI.create(base + "?" + String.join("&", pairs));
  }
}
