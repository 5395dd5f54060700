package io.k8s.cvefeed.refresh;

import java.time.Duration;

/**
 * Where one refresh spent its time, for the {@code --json} summary and the benchmarks. A refresh
 * that reused its last result spends nothing on extraction and rendering.
 *
 * @param fetch reading every page from GitHub
 * @param extract reading advisories out of the issues, checks included
 * @param render rendering every format and computing the content digest
 * @param publish building the release and writing it to every target
 */
public record Phases(Duration fetch, Duration extract, Duration render, Duration publish) {
  /** No measurement. */
  public static final Phases NONE =
      new Phases(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
}
