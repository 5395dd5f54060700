package io.k8s.cvefeed.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 on Netty's event loop, feeding {@link Router}. Requests answered from memory (a cached
 * file, a liveness probe) are answered on the I/O thread that read them; everything else runs on
 * the worker pool. Answers on one connection leave in request order. Request bodies are read whole
 * up to {@link WebhookRoute#MAX_BODY}; beyond that they are read and dropped up to {@link
 * WebhookRoute#DRAIN_LIMIT}, and past that the connection is closed after the answer.
 */
final class HttpTransport implements AutoCloseable {
  /** Connections with nothing read or written for this long are closed. */
  static final Duration IDLE = Duration.ofSeconds(30);

  /** Netty's defaults; a request line over this gets a 400, as do headers over 8 KiB. */
  private static final int MAX_INITIAL_LINE = 4096;

  private static final int MAX_HEADER_SIZE = 8192;

  /** Requests queued on one connection (pipelining) before it stops reading. */
  static final int MAX_QUEUED = 16;

  private final EventLoopGroup group;
  private final Channel server;

  private HttpTransport(EventLoopGroup group, Channel server) {
    this.group = group;
    this.server = server;
  }

  /**
   * Binds {@code address} and starts serving.
   *
   * @param ioThreads event-loop threads
   * @param workers runs the requests that may block
   * @throws IOException when the address cannot be bound
   */
  static HttpTransport start(
      InetSocketAddress address, int ioThreads, Router router, ExecutorService workers)
      throws IOException {
    EventLoopGroup group =
        new NioEventLoopGroup(ioThreads, new DefaultThreadFactory("cvefeed-io", true));
    try {
      Channel server =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 512)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast(
                              new IdleStateHandler(
                                  true, 0, 0, IDLE.toMillis(), TimeUnit.MILLISECONDS),
                              new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_SIZE, 8192),
                              new HttpServerExpectContinueHandler(),
                              new Connection(router, workers));
                    }
                  })
              .bind(address)
              .syncUninterruptibly()
              .channel();
      return new HttpTransport(group, server);
    } catch (RuntimeException e) {
      // Netty rethrows the bind failure (a checked exception) unchecked.
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw new IOException(String.valueOf(e.getMessage()), e);
    }
  }

  InetSocketAddress address() {
    return (InetSocketAddress) server.localAddress();
  }

  /** Stops listening, closes every connection and stops the I/O threads. */
  @Override
  public void close() {
    server.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  /**
   * The path of a request target, still percent-encoded and without query or fragment: {@code
   * /a/b?q} → {@code /a/b}, and {@code http://host/a/b} → {@code /a/b}. Any other form (e.g. {@code
   * *} or {@code ../x}) comes back as it was sent, for the router to refuse as outside the artifact
   * set.
   */
  static String rawPath(String target) {
    if (!target.startsWith("/")) {
      try {
        URI uri = new URI(target);
        String path = uri.getRawPath();
        if (uri.isAbsolute() && path != null) {
          return path.isEmpty() ? "/" : path;
        }
      } catch (URISyntaxException e) {
        // falls through: refused by path
      }
    }
    int end = target.length();
    for (char stop : new char[] {'?', '#'}) {
      int at = target.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return target.substring(0, end);
  }

  static String remote(Channel channel) {
    SocketAddress a = channel.remoteAddress();
    return a instanceof InetSocketAddress i && i.getAddress() != null
        ? i.getAddress().getHostAddress()
        : String.valueOf(a);
  }

  /** The {@code Date} header, formatted once per second. */
  static final class HttpDates {
    private record Stamp(long second, String value) {}

    private static volatile Stamp last = new Stamp(-1, "");

    private HttpDates() {}

    static String now() {
      long now = System.currentTimeMillis() / 1000;
      Stamp s = last;
      if (s.second() != now) {
        s = new Stamp(now, ArtifactRoute.HTTP_DATE.format(Instant.ofEpochSecond(now)));
        last = s;
      }
      return s.value();
    }
  }
}
