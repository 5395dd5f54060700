package io.k8s.cvefeed.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process HTTP proxy on loopback that records every request line it is asked to carry: it
 * forwards plain {@code GET http://host:port/path} requests (one per connection) and tunnels {@code
 * CONNECT host:port}. Tests read {@link #requests()} to see what went through it.
 */
public final class CountingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private CountingProxy() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "counting-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static CountingProxy start() throws IOException {
    return new CountingProxy();
  }

  /** {@code http://127.0.0.1:PORT}, the value for {@code HTTP_PROXY}/{@code HTTPS_PROXY}. */
  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** The request lines carried, e.g. {@code GET http://127.0.0.1:1234/x HTTP/1.1}. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread t = new Thread(() -> serve(client), "counting-proxy-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      String head = readHead(in);
      String requestLine = head.substring(0, head.indexOf("\r\n"));
      requests.add(requestLine);
      String[] parts = requestLine.split(" ");
      if (parts[0].equals("CONNECT")) {
        tunnel(client, parts[1]);
      } else {
        forward(client, head, parts);
      }
    } catch (IOException | RuntimeException e) {
      // the client sees the connection close
    }
  }

  private static void tunnel(Socket client, String authority) throws IOException {
    int colon = authority.lastIndexOf(':');
    try (Socket upstream =
        new Socket(
            authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)))) {
      client
          .getOutputStream()
          .write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      Thread back = pipe(upstream.getInputStream(), client.getOutputStream());
      client.getInputStream().transferTo(upstream.getOutputStream());
      back.interrupt();
    }
  }

  private static void forward(Socket client, String head, String[] parts) throws IOException {
    URI target = URI.create(parts[1]);
    String path =
        target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    String rest = head.substring(head.indexOf("\r\n") + 2);
    StringBuilder headers = new StringBuilder();
    for (String line : rest.split("\r\n")) {
      String lower = line.toLowerCase(java.util.Locale.ROOT);
      if (!line.isEmpty() && !lower.startsWith("connection:") && !lower.startsWith("proxy-")) {
        headers.append(line).append("\r\n");
      }
    }
    try (Socket upstream =
        new Socket(target.getHost(), target.getPort() == -1 ? 80 : target.getPort())) {
      OutputStream up = upstream.getOutputStream();
      up.write(
          (parts[0] + " " + path + " " + parts[2] + "\r\n" + headers + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      int length = contentLength(headers.toString());
      if (length > 0) {
        up.write(client.getInputStream().readNBytes(length));
      }
      up.flush();
      upstream.getInputStream().transferTo(client.getOutputStream());
    }
  }

  private static int contentLength(String headers) {
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
      }
    }
    return 0;
  }

  private static Thread pipe(InputStream from, OutputStream to) {
    Thread t =
        new Thread(
            () -> {
              try {
                from.transferTo(to);
              } catch (IOException e) {
                // tunnel closed
              }
            },
            "counting-proxy-pipe");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before the request head ended");
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /** The proxy's address, for assertions. */
  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
  }
}
