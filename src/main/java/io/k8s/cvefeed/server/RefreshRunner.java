package io.k8s.cvefeed.server;

import io.k8s.cvefeed.refresh.RefreshReport;

/**
 * Runs one refresh cycle for the server. The CLI passes {@code refresher::refresh}; tests pass
 * fakes. The server never runs two at once.
 */
@FunctionalInterface
public interface RefreshRunner {
  /**
   * Runs one cycle.
   *
   * @return what the cycle did
   * @throws Exception when the cycle failed and published nothing
   */
  RefreshReport run() throws Exception;
}
