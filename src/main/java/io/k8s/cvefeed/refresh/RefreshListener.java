package io.k8s.cvefeed.refresh;

/** Hears the end of every refresh that got as far as publishing (notifications, metrics). */
@FunctionalInterface
public interface RefreshListener {
  /** Must not throw; failures are the listener's own to log and count. */
  void refreshed(RefreshReport report);
}
