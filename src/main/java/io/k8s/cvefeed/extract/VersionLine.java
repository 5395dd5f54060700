package io.k8s.cvefeed.extract;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One line of an {@code Affected Versions} or {@code Fixed Versions} section, read. */
sealed interface VersionLine {

  /**
   * An affected span. {@code lower == null} means "from the start" ({@code introduced "0"}, or the
   * minor line's start when several upper-bound-only lines name the same component).
   *
   * @param components the components the line names; empty: the body's default component
   * @param lower first affected version, or {@code null}
   * @param upper the end, or {@code null} when open-ended
   * @param upperExclusive whether {@code upper} is the first unaffected version
   * @param upperOnly whether the line gave only an upper bound ({@code <= v1.24.14})
   * @param fixedInline a fixed version written on the same line ({@code (fixed in v1.10.11)})
   */
  record Affected(
      List<String> components,
      @Nullable SemVer lower,
      @Nullable SemVer upper,
      boolean upperExclusive,
      boolean upperOnly,
      @Nullable SemVer fixedInline)
      implements VersionLine {
    public Affected {
      components = List.copyOf(components);
    }

    Affected withComponents(List<String> names) {
      return new Affected(names, lower, upper, upperExclusive, upperOnly, fixedInline);
    }
  }

  /** A fixed version; no components: it applies to every component. */
  record Fixed(List<String> components, SemVer version) implements VersionLine {
    public Fixed {
      components = List.copyOf(components);
    }

    Fixed withComponents(List<String> names) {
      return new Fixed(names, version);
    }
  }

  /**
   * A line or heading that only names a component ({@code - kube-apiserver}): the version lines
   * after it that name none belong to it.
   */
  record ComponentOnly(String component) implements VersionLine {}

  /** Text that is not a version line (prose, a branch name): nothing to read, nothing wrong. */
  record Ignored() implements VersionLine {}

  /** A line that looks like a version line but cannot be read. */
  record Unreadable(String line, String expected) implements VersionLine {}
}
