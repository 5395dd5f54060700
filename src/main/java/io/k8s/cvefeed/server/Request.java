package io.k8s.cvefeed.server;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * One request as the routes see it, read whole by {@link HttpTransport}, and the response headers
 * the routes set before returning a {@link Reply}. Header names are case-insensitive.
 */
final class Request {
  private final String method;
  private final String rawPath;
  private final HttpHeaders request;
  private final byte[] body;
  private final boolean bodyTooLarge;
  private final String remote;
  private final HttpHeaders response = new DefaultHttpHeaders(false);

  /**
   * @param method the request method, e.g. {@code GET}
   * @param rawPath the request path, still percent-encoded, without the query
   * @param request the request headers
   * @param body the request body, at most {@link WebhookRoute#MAX_BODY} bytes
   * @param bodyTooLarge whether the sender sent more than {@link WebhookRoute#MAX_BODY} bytes
   * @param remote the client's address, for the log
   */
  Request(
      String method,
      String rawPath,
      HttpHeaders request,
      byte[] body,
      boolean bodyTooLarge,
      String remote) {
    this.method = method;
    this.rawPath = rawPath;
    this.request = request;
    this.body = body;
    this.bodyTooLarge = bodyTooLarge;
    this.remote = remote;
  }

  /** A GET of {@code rawPath} with the given request headers (name, value, …); for tests. */
  static Request get(String rawPath, String... headers) {
    HttpHeaders h = new DefaultHttpHeaders();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      h.add(headers[i], headers[i + 1]);
    }
    return new Request("GET", rawPath, h, new byte[0], false, "127.0.0.1");
  }

  String method() {
    return method;
  }

  String rawPath() {
    return rawPath;
  }

  /** The first value of a request header, or {@code null}. */
  @Nullable String header(String name) {
    return request.get(name);
  }

  byte[] body() {
    return body;
  }

  boolean bodyTooLarge() {
    return bodyTooLarge;
  }

  String remote() {
    return remote;
  }

  /** Sets a response header, replacing any value it had. */
  void setHeader(String name, String value) {
    response.set(name, value);
  }

  /** The first value of a response header set so far, or {@code null}. */
  @Nullable String responseHeader(String name) {
    return response.get(name);
  }

  HttpHeaders responseHeaders() {
    return response;
  }
}
