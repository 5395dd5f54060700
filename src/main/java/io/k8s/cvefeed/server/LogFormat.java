package io.k8s.cvefeed.server;

/** How the server writes its log lines. */
public enum LogFormat {
  /** {@code 2026-11-23T07:50:03Z INFO refresh outcome=success items=12}: for people. */
  TEXT,
  /** One JSON object per line: for log pipelines. */
  JSON
}
