package io.k8s.cvefeed.check;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The hand-written OSV records in {@code fixtures/check/osv} (each summary says what it tests). */
public final class CheckFixtures {
  private CheckFixtures() {}

  public static Path osvDir() {
    try {
      return Path.of(CheckFixtures.class.getResource("/fixtures/check/osv").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
