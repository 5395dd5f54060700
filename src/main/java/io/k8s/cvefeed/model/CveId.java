package io.k8s.cvefeed.model;

import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/** A CVE identifier such as {@code CVE-2023-2727}, always upper case. */
public record CveId(String value) implements Comparable<CveId> {
  /** The shape of an id: year, then four or more digits. */
  public static final Pattern PATTERN =
      Pattern.compile("CVE-(\\d{4})-(\\d{4,})", Pattern.CASE_INSENSITIVE);

  private static final Comparator<CveId> ORDER =
      Comparator.comparingInt(CveId::year)
          .thenComparingInt(id -> id.sequence().length())
          .thenComparing(CveId::sequence);

  public CveId {
    if (!PATTERN.matcher(value).matches() || !value.equals(value.toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException("not a CVE id: " + value);
    }
  }

  /** Parses untrusted text; case-insensitive, surrounding blanks ignored. */
  public static CveId parse(String text) throws InvalidInputException {
    String s = text.strip().toUpperCase(Locale.ROOT);
    if (!PATTERN.matcher(s).matches()) {
      throw new InvalidInputException(
          "\"" + text + "\": not a CVE id; expected CVE-YYYY-NNNN (four or more digits)");
    }
    return new CveId(s);
  }

  /** For trusted input (constants, tests); throws {@link IllegalArgumentException}. */
  public static CveId of(String value) {
    return new CveId(value);
  }

  public int year() {
    return Integer.parseInt(value.substring(4, 8));
  }

  String sequence() {
    return value.substring(9);
  }

  @Override
  public int compareTo(CveId other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return value;
  }
}
