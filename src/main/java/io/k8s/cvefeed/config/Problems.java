package io.k8s.cvefeed.config;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one place a command's options are validated: every check adds its problem here instead of
 * stopping at the first, and {@link #throwIfAny()} reports them all at once, one per line.
 */
public final class Problems {
  /** A check that either gives a value or says what is wrong. */
  @FunctionalInterface
  public interface Check<T> {
    T get() throws UsageException;
  }

  private final List<String> problems = new ArrayList<>();

  /** Records {@code problem} ({@code <option> <value>: <what is wrong>; <what to do>}). */
  public void add(String problem) {
    problems.add(problem);
  }

  /** Runs {@code check}; its {@link UsageException} becomes a problem and gives {@code null}. */
  public <T> @Nullable T check(Check<T> check) {
    try {
      return check.get();
    } catch (UsageException e) {
      problems.add(String.valueOf(e.getMessage()));
      return null;
    }
  }

  /** As {@link #check}, with {@code fallback} standing in so that later checks can still run. */
  public <T> T check(Check<T> check, T fallback) {
    T value = check(check);
    return value != null ? value : fallback;
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Throws one {@link UsageException} listing every problem, if there is any. */
  public void throwIfAny() throws UsageException {
    if (!problems.isEmpty()) {
      throw new UsageException(String.join("\n", problems));
    }
  }
}
