package io.k8s.cvefeed.github;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Response bodies with a ceiling. A page of 100 issues is a few megabytes (GitHub caps a body at
 * 65,536 characters); a server that sends far more, or a small gzip body that inflates to
 * gigabytes, is refused instead of filling the heap.
 */
final class LimitedBody {
  /**
   * The ceiling unless the builder says otherwise. The largest page GitHub can send is about 40 MB
   * (100 bodies of 65,536 characters, each escaped to six bytes); a real one is a few megabytes.
   */
  static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  private LimitedBody() {}

  /** An answer over the ceiling: not a network fault, so never retried. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long max) {
      super(
          "answer larger than "
              + (max % (1024 * 1024) == 0 ? max / (1024 * 1024) + " MiB" : max + " bytes"));
    }
  }

  /** Collects the body into one array, failing with {@link TooLarge} past {@code max} bytes. */
  static HttpResponse.BodyHandler<byte[]> handler(long max) {
    return info -> new Subscriber(max);
  }

  /** Reads all of {@code in}, failing with {@link TooLarge} past {@code max} bytes. */
  static byte[] readAll(InputStream in, long max) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (bytes.length > max) {
      throw new TooLarge(max);
    }
    return bytes;
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final long max;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.@Nullable Subscription subscription;
    private long received;

    Subscriber(long max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        received += b.remaining();
        if (received > max) {
          Flow.Subscription s = subscription;
          if (s != null) {
            s.cancel();
          }
          body.completeExceptionally(new TooLarge(max));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        out.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable t) {
      body.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      body.complete(out.toByteArray());
    }
  }
}
