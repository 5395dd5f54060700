package io.k8s.cvefeed.integrity;

import io.k8s.cvefeed.config.UsageException;
import io.k8s.cvefeed.github.SourceException;
import io.k8s.cvefeed.github.TeamMembersSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The allow-list: GitHub logins, and teams whose members count as listed. Logins compare ignoring
 * case, as GitHub's do. Teams are resolved at check time, so a change in membership takes effect
 * for the issues a later refresh checks (those whose inputs changed; ADR 002).
 */
public final class TrustedLabelers {
  /** A team as Prow names it: its organisation and slug. */
  public record Team(String org, String slug) {
    @Override
    public String toString() {
      return org + "/" + slug;
    }
  }

  private static final Pattern LOGIN =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?");

  private final Set<String> users;
  private final List<Team> teams;

  TrustedLabelers(Set<String> users, List<Team> teams) {
    Set<String> lower = new TreeSet<>();
    users.forEach(u -> lower.add(u.toLowerCase(Locale.ROOT)));
    this.users = Set.copyOf(lower);
    this.teams = List.copyOf(new LinkedHashSet<>(teams));
  }

  /** Every trusted login and team, in a stable order: what a refresh's result depends on. */
  public String describe() {
    return "users " + new TreeSet<>(users) + " teams " + teams;
  }

  /** An empty list: nobody is trusted. */
  public static TrustedLabelers none() {
    return new TrustedLabelers(Set.of(), List.of());
  }

  /**
   * Reads a {@code --trusted-labelers} file: one login per line; {@code #} starts a comment; blank
   * lines are ignored; a leading {@code @} is dropped.
   */
  public static TrustedLabelers readFile(Path file) throws UsageException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("--trusted-labelers " + file + ": cannot read (" + e + ")");
    }
    Set<String> users = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String login = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (login.startsWith("@")) {
        login = login.substring(1);
      }
      if (login.isEmpty()) {
        continue;
      }
      if (!LOGIN.matcher(login).matches()) {
        throw new UsageException(
            file + ":" + (i + 1) + ": '" + login + "' is not a GitHub login; write one per line");
      }
      users.add(login);
    }
    return new TrustedLabelers(users, List.of());
  }

  /** Both lists together. */
  public TrustedLabelers and(TrustedLabelers other) {
    Set<String> u = new TreeSet<>(users);
    u.addAll(other.users);
    List<Team> t = new ArrayList<>(teams);
    t.addAll(other.teams);
    return new TrustedLabelers(u, t);
  }

  /** Lower-case logins listed by name. */
  public Set<String> users() {
    return users;
  }

  public List<Team> teams() {
    return teams;
  }

  public boolean isEmpty() {
    return users.isEmpty() && teams.isEmpty();
  }

  /** Every trusted login, lower case: the listed users plus every member of every team. */
  public Set<String> resolve(TeamMembersSource members)
      throws SourceException, InterruptedException {
    Set<String> all = new TreeSet<>(users);
    for (Team team : teams) {
      for (String login : members.members(team.org(), team.slug())) {
        all.add(login.toLowerCase(Locale.ROOT));
      }
    }
    return all;
  }
}
