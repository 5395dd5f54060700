package io.k8s.cvefeed.server;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * An answer a route has decided on; the router counts and logs it, then sends it. Routes set any
 * headers on the exchange before returning one; {@link HttpTransport} sends it.
 *
 * @param status the HTTP status
 * @param body the body, or {@code null} for none (304)
 * @param refusal why the request was refused, for the log; {@code null} when it was not
 */
record Reply(int status, byte @Nullable [] body, @Nullable String refusal) {
  static final String TEXT = "text/plain; charset=utf-8";

  /** A short plain-text answer: {@code message} and a newline. */
  static Reply text(Request exchange, int status, String message) {
    exchange.setHeader("Content-Type", TEXT);
    exchange.setHeader("Cache-Control", "no-store");
    return new Reply(status, (message + "\n").getBytes(StandardCharsets.UTF_8), null);
  }

  static Reply empty(int status) {
    return new Reply(status, null, null);
  }

  /** This reply, logged as a refusal for {@code reason}. */
  Reply refused(String reason) {
    return new Reply(status, body, reason);
  }
}
