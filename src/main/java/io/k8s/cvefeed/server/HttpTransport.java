package io.k8s.cvefeed.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

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
  private static final int MAX_QUEUED = 16;

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

  /** A request read whole, waiting for its answer. */
  private record Pending(Exchange exchange, boolean head, boolean keepAlive) {}

  /** One connection's request reader and in-order answerer. All state is on its I/O thread. */
  private static final class Connection extends ChannelInboundHandlerAdapter {
    private final Router router;
    private final ExecutorService workers;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean busy;
    private boolean closing;

    private @Nullable HttpRequest request;
    private byte[] body = new byte[0];
    private int length;
    private long received;

    Connection(Router router, ExecutorService workers) {
      this.router = router;
      this.workers = workers;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (closing) {
          return;
        }
        if (msg instanceof HttpRequest r) {
          if (r.decoderResult().isFailure()) {
            refuseMalformed(ctx, r);
            return;
          }
          request = r;
          length = 0;
          received = 0;
        }
        if (msg instanceof HttpContent c && c.decoderResult().isFailure()) {
          HttpRequest r = request;
          request = null;
          if (r != null) {
            refuseMalformed(ctx, r);
          } else {
            ctx.close();
          }
          return;
        }
        if (msg instanceof HttpContent c && request != null) {
          collect(c.content());
          if (received > WebhookRoute.DRAIN_LIMIT) {
            finish(ctx, false);
            closing = true;
          } else if (c instanceof LastHttpContent) {
            finish(ctx, true);
          }
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    private void collect(ByteBuf content) {
      int n = content.readableBytes();
      received += n;
      int keep = (int) Math.min(n, Math.max(0, WebhookRoute.MAX_BODY + 1L - length));
      if (keep > 0) {
        if (length + keep > body.length) {
          body =
              Arrays.copyOf(
                  body,
                  Math.max(length + keep, Math.min(2 * body.length, WebhookRoute.MAX_BODY + 1)));
        }
        content.getBytes(content.readerIndex(), body, length, keep);
        length += keep;
      }
    }

    private void finish(ChannelHandlerContext ctx, boolean complete) {
      HttpRequest r = request;
      request = null;
      if (r == null) {
        return;
      }
      String path = rawPath(r.uri());
      boolean tooLarge = received > WebhookRoute.MAX_BODY;
      byte[] bytes = tooLarge ? new byte[0] : Arrays.copyOf(body, length);
      if (body.length > 64 * 1024) {
        body = new byte[0]; // do not keep a webhook-sized buffer per idle connection
      }
      boolean keepAlive = complete && HttpUtil.isKeepAlive(r);
      Exchange exchange =
          new Exchange(
              r.method().name(), path, r.headers(), bytes, tooLarge, remote(ctx.channel()));
      queue.add(new Pending(exchange, r.method().name().equals("HEAD"), keepAlive));
      drain(ctx);
    }

    /** Answers queued requests in order until one has to wait for the worker pool. */
    private void drain(ChannelHandlerContext ctx) {
      while (!busy && !queue.isEmpty()) {
        Pending p = queue.poll();
        Exchange e = p.exchange();
        if (router.answersInline(e.method(), e.rawPath())) {
          write(ctx, p, router.handle(e));
          continue;
        }
        busy = true;
        try {
          workers.execute(
              () -> {
                Reply reply = router.handle(e);
                ctx.executor()
                    .execute(
                        () -> {
                          busy = false;
                          write(ctx, p, reply);
                          drain(ctx);
                        });
              });
        } catch (RejectedExecutionException stopping) {
          busy = false;
          write(ctx, p, Reply.text(e, 503, "unavailable: server is stopping"));
        }
      }
      updateReading(ctx);
    }

    /**
     * Reads more requests only while fewer than {@link #MAX_QUEUED} wait and the client is taking
     * its answers: a client that pipelines requests without reading the answers stops being read.
     */
    private void updateReading(ChannelHandlerContext ctx) {
      boolean read = queue.size() < MAX_QUEUED && ctx.channel().isWritable();
      if (ctx.channel().config().isAutoRead() != read) {
        ctx.channel().config().setAutoRead(read);
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      updateReading(ctx);
      ctx.fireChannelWritabilityChanged();
    }

    private void write(ChannelHandlerContext ctx, Pending p, Reply reply) {
      if (!ctx.channel().isActive()) {
        return;
      }
      byte[] b = reply.body();
      ByteBuf content = b == null || p.head() ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(b);
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1,
              HttpResponseStatus.valueOf(reply.status()),
              content,
              p.exchange().responseHeaders(),
              EmptyHttpHeaders.INSTANCE);
      var headers = response.headers();
      headers.set(HttpHeaderNames.DATE, HttpDates.now());
      int status = reply.status();
      if (status != 304 && status != 204) {
        headers.set(HttpHeaderNames.CONTENT_LENGTH, b == null ? 0 : b.length);
      }
      boolean keepAlive = p.keepAlive() && !closing;
      if (!keepAlive) {
        headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      }
      var sent = ctx.writeAndFlush(response);
      if (!keepAlive) {
        closing = true;
        queue.clear();
        sent.addListener(ChannelFutureListener.CLOSE);
      }
    }

    private void refuseMalformed(ChannelHandlerContext ctx, HttpRequest r) {
      Exchange e =
          new Exchange(
              r.method().name(), "-", r.headers(), new byte[0], false, remote(ctx.channel()));
      write(ctx, new Pending(e, false, false), router.malformed(e));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof IdleStateEvent) {
        ctx.close();
      } else {
        ctx.fireUserEventTriggered(evt);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // A reset or a broken pipe: the client has gone; nothing to answer.
      ctx.close();
    }
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

  private static String remote(Channel channel) {
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
