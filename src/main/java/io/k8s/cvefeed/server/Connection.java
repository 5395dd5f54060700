package io.k8s.cvefeed.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/** One connection's request reader and in-order answerer. All state is on its I/O thread. */
final class Connection extends ChannelInboundHandlerAdapter {
  /** A request read whole, waiting for its answer. */
  private record Pending(Request exchange, boolean head, boolean keepAlive) {}

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
    String path = HttpTransport.rawPath(r.uri());
    boolean tooLarge = received > WebhookRoute.MAX_BODY;
    byte[] bytes = tooLarge ? new byte[0] : Arrays.copyOf(body, length);
    if (body.length > 64 * 1024) {
      body = new byte[0]; // do not keep a webhook-sized buffer per idle connection
    }
    boolean keepAlive = complete && HttpUtil.isKeepAlive(r);
    Request exchange =
        new Request(
            r.method().name(),
            path,
            r.headers(),
            bytes,
            tooLarge,
            HttpTransport.remote(ctx.channel()));
    queue.add(new Pending(exchange, r.method().name().equals("HEAD"), keepAlive));
    drain(ctx);
  }

  /** Answers queued requests in order until one has to wait for the worker pool. */
  private void drain(ChannelHandlerContext ctx) {
    while (!busy && !queue.isEmpty()) {
      Pending p = queue.poll();
      Request e = p.exchange();
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
   * Reads more requests only while fewer than {@link HttpTransport#MAX_QUEUED} wait and the client
   * is taking its answers: a client that pipelines requests without reading the answers stops being
   * read.
   */
  private void updateReading(ChannelHandlerContext ctx) {
    boolean read = queue.size() < HttpTransport.MAX_QUEUED && ctx.channel().isWritable();
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
    headers.set(HttpHeaderNames.DATE, HttpTransport.HttpDates.now());
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
    Request e =
        new Request(
            r.method().name(),
            "-",
            r.headers(),
            new byte[0],
            false,
            HttpTransport.remote(ctx.channel()));
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
