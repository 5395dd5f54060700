package io.k8s.cvefeed.integrity;

import io.k8s.cvefeed.config.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads who may apply a label from Prow's {@code plugins.yaml}: the {@code label} plugin's {@code
 * restricted_labels} map, keyed by {@code "*"}, an organisation or {@code org/repo}, each a list of
 * {@code {label, allowed_users, allowed_teams, assign_on}}. Entries for all three keys that cover
 * the repository count, as Prow merges them. Teams belong to the repository's organisation.
 */
public final class ProwLabelConfig {
  private ProwLabelConfig() {}

  /** The users and teams allowed to apply {@code label} in {@code repo} ({@code owner/name}). */
  public static TrustedLabelers read(Path file, String repo, String label) throws UsageException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("--trusted-labelers-from " + file + ": cannot read (" + e + ")");
    }
    return parse(text, file.toString(), repo, label);
  }

  static TrustedLabelers parse(String yaml, String subject, String repo, String label)
      throws UsageException {
    Object root;
    try {
      root =
          new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build())
              .loadFromString(yaml);
    } catch (YamlEngineException e) {
      throw new UsageException(subject + ": not valid YAML (" + firstLine(e.getMessage()) + ")");
    }
    Map<?, ?> restricted = map(map(root, "label"), "restricted_labels");
    String org = repo.substring(0, repo.indexOf('/'));
    Set<String> users = new TreeSet<>();
    List<TrustedLabelers.Team> teams = new ArrayList<>();
    boolean found = false;
    for (String key : List.of("*", org, repo)) {
      for (Object entry : list(restricted.get(key))) {
        if (entry instanceof Map<?, ?> m
            && m.get("label") instanceof String name
            && name.equalsIgnoreCase(label)) {
          found = true;
          strings(m.get("allowed_users")).forEach(users::add);
          strings(m.get("allowed_teams")).forEach(t -> teams.add(new TrustedLabelers.Team(org, t)));
        }
      }
    }
    if (!found) {
      throw new UsageException(
          subject
              + ": no label.restricted_labels entry for '"
              + label
              + "' under \"*\", "
              + org
              + " or "
              + repo
              + "; is this Prow's plugins.yaml?");
    }
    return new TrustedLabelers(users, teams);
  }

  private static Map<?, ?> map(@Nullable Object node, String key) {
    return node instanceof Map<?, ?> m && m.get(key) instanceof Map<?, ?> child ? child : Map.of();
  }

  private static List<?> list(@Nullable Object node) {
    return node instanceof List<?> l ? l : List.of();
  }

  private static List<String> strings(@Nullable Object node) {
    List<String> out = new ArrayList<>();
    for (Object o : list(node)) {
      if (o instanceof String s && !s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  private static String firstLine(@Nullable String text) {
    if (text == null) {
      return "unknown error";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
