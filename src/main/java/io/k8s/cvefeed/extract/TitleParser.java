package io.k8s.cvefeed.extract;

import io.k8s.cvefeed.model.CveId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an announcement title: the leading block of CVE ids and the summary after it. This is the
 * one home of the leading-id rule: the extractor and {@code label.CandidateFinder} both use it.
 *
 * <p>The id block may follow bracketed prefixes ({@code [Security Advisory] CVE-2024-9042: ...})
 * and may itself be bracketed ({@code [CVE-2021-25748] ...}, {@code [CVE-2023-2727, CVE-2023-2728]
 * ...}); ids are joined by commas, {@code and}, {@code &} or {@code /}; the block ends at a
 * separator ({@code :}, {@code -}, en or em dash, {@code |}) or at the first word that is not an
 * id. Ids later in the summary ({@code Incomplete fix for CVE-2019-11250}) are not the issue's own.
 */
public final class TitleParser {
  private static final String ID = "CVE-\\d{4}-\\d{4,}(?![\\p{Alnum}])";
  private static final String BLOCK = ID + "(?:\\s*(?:,|/|&|\\band\\b)?\\s*" + ID + ")*";
  private static final Pattern LEADING =
      Pattern.compile(
          "^\\s*(?:\\[[^\\]]*]\\s*)*?(?:\\[\\s*(?<bracketed>"
              + BLOCK
              + ")\\s*]|(?<ids>"
              + BLOCK
              + "))\\s*(?:[:\\-\u2013\u2014|]\\s*)?(?<summary>.*)$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ONE_ID = Pattern.compile(ID, Pattern.CASE_INSENSITIVE);

  /** What a title yields: the ids (empty when the title carries none) and the summary. */
  public record Title(List<CveId> ids, String summary) {
    public Title {
      ids = List.copyOf(ids);
    }
  }

  private TitleParser() {}

  /** Parses a title; a title without a leading id gives no ids and the whole title trimmed. */
  public static Title parse(String title) {
    Matcher m = LEADING.matcher(title);
    if (!m.matches()) {
      return new Title(List.of(), title.strip());
    }
    String block = m.group("ids") != null ? m.group("ids") : m.group("bracketed");
    return new Title(ids(block), m.group("summary").strip());
  }

  /** Whether the title names the issue's own CVE ids (a leading id block). */
  public static boolean startsWithId(String title) {
    return LEADING.matcher(title).matches();
  }

  private static List<CveId> ids(String block) {
    List<CveId> ids = new ArrayList<>();
    Matcher m = ONE_ID.matcher(block);
    while (m.find()) {
      CveId id = CveId.of(m.group().toUpperCase(Locale.ROOT));
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }
}
