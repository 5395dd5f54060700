package io.k8s.cvefeed.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * An answer a route has decided on; the router counts and logs it, then sends it. Routes set any
 * headers on the exchange before returning one.
 *
 * @param status the HTTP status
 * @param body the body, or {@code null} for none (304)
 * @param refusal why the request was refused, for the log; {@code null} when it was not
 */
record Reply(int status, byte @Nullable [] body, @Nullable String refusal) {
  static final String TEXT = "text/plain; charset=utf-8";
  private static final int WRITE_SLICE = 64 * 1024;

  /** A short plain-text answer: {@code message} and a newline. */
  static Reply text(HttpExchange exchange, int status, String message) {
    exchange.getResponseHeaders().set("Content-Type", TEXT);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    return new Reply(status, (message + "\n").getBytes(StandardCharsets.UTF_8), null);
  }

  static Reply empty(int status) {
    return new Reply(status, null, null);
  }

  /** This reply, logged as a refusal for {@code reason}. */
  Reply refused(String reason) {
    return new Reply(status, body, reason);
  }

  /** Sends the status and body; for HEAD only the body's length. */
  void send(HttpExchange exchange) throws IOException {
    byte[] b = body;
    if (b == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(b.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    try (OutputStream out = exchange.getResponseBody()) {
      // Slices keep the JDK server's copy buffers small and in cache; one 1 MB write makes it
      // allocate and copy through megabyte buffers per connection.
      for (int off = 0; off < b.length; off += WRITE_SLICE) {
        out.write(b, off, Math.min(WRITE_SLICE, b.length - off));
      }
    }
  }
}
