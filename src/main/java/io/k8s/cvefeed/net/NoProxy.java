package io.k8s.cvefeed.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hosts {@code NO_PROXY} sends direct, with curl's rules: a comma- or space-separated list of
 * {@code *} (every host), host names that match themselves and their subdomains ({@code
 * example.com} and {@code .example.com} both match {@code api.example.com}), IP literals (IPv6 with
 * or without brackets), each optionally with {@code :port} to match that port only.
 */
final class NoProxy {
  private record Rule(String host, int port) {}

  private final List<Rule> rules;
  private final boolean all;

  private NoProxy(List<Rule> rules, boolean all) {
    this.rules = rules;
    this.all = all;
  }

  static NoProxy parse(String value) {
    List<Rule> rules = new ArrayList<>();
    boolean all = false;
    for (String entry : value.split("[,\\s]+")) {
      String e = entry.strip().toLowerCase(Locale.ROOT);
      if (e.isEmpty()) {
        continue;
      }
      if (e.equals("*")) {
        all = true;
        continue;
      }
      rules.add(rule(e));
    }
    return new NoProxy(List.copyOf(rules), all);
  }

  private static Rule rule(String e) {
    String host = e;
    int port = -1;
    if (e.startsWith("[")) {
      int end = e.indexOf(']');
      host = end < 0 ? e.substring(1) : e.substring(1, end);
      if (end >= 0 && e.startsWith(":", end + 1)) {
        port = port(e.substring(end + 2));
      }
    } else if (e.indexOf(':') == e.lastIndexOf(':') && e.indexOf(':') > 0) {
      int colon = e.indexOf(':');
      host = e.substring(0, colon);
      port = port(e.substring(colon + 1));
    }
    while (host.startsWith(".") || host.startsWith("*.")) {
      host = host.substring(host.indexOf('.') + 1);
    }
    return new Rule(host, port);
  }

  private static int port(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException ex) {
      return -2; // matches no port
    }
  }

  /** Whether {@code host} (and {@code port}, -1 when unknown) is to be reached directly. */
  boolean matches(String host, int port) {
    if (all) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    for (Rule r : rules) {
      boolean hostMatches = h.equals(r.host()) || h.endsWith("." + r.host());
      if (hostMatches && (r.port() == -1 || r.port() == port)) {
        return true;
      }
    }
    return false;
  }

  boolean isEmpty() {
    return !all && rules.isEmpty();
  }
}
