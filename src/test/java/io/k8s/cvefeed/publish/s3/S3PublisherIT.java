package io.k8s.cvefeed.publish.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.publish.PublishException;
import io.k8s.cvefeed.publish.Publisher;
import io.k8s.cvefeed.publish.PublisherContract;
import io.k8s.cvefeed.publish.Release;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link S3Publisher} against s3proxy in-process: transient store, real SigV4, port 0. */
class S3PublisherIT extends PublisherContract {
  private static final String ACCESS_KEY = "AKIDCONTRACTTEST";
  private static final String SECRET_KEY = "s3cr3t-never-printed-0123456789";
  private static final CountingStore STORE = new CountingStore(new TransientNio2BlobStore());
  private static S3Proxy proxy;
  private static URI endpoint;
  private S3Client client;
  private String bucket;
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  /**
   * Counts writes and refuses the next write of the keys a test names, as a bucket policy would.
   */
  static final class CountingStore extends ForwardingBlobStore {
    final AtomicInteger writes = new AtomicInteger();
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    volatile Runnable beforeNextPut = () -> {};
    final AtomicInteger sinceFault = new AtomicInteger();
    volatile int failAt = -1;

    /**
     * Keys whose write the fault hit. s3proxy answers the fault as a 5xx that the SDK retries, so a
     * retry of the same write must fail too, or the fault would depend on the SDK's retry budget.
     */
    final Set<String> faulted = ConcurrentHashMap.newKeySet();

    CountingStore(BlobStore delegate) {
      super(delegate);
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream in) {
      Runnable race = beforeNextPut;
      beforeNextPut = () -> {};
      race.run();
      boolean fault = isFault(request.key());
      if (refused.contains(request.key()) || fault) {
        drain(in); // answer like S3 does, after the body, so the connection stays usable
        if (fault) {
          throw (S3Exception) S3Exception.builder().statusCode(403).message("Refused").build();
        }
      }
      refuse(request.key());
      writes.incrementAndGet();
      return super.putBlob(request, in);
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
      if (isFault(request.key())) {
        throw (S3Exception) S3Exception.builder().statusCode(403).message("Refused").build();
      }
      refuse(request.key());
      writes.incrementAndGet();
      return super.removeBlob(request);
    }

    /** Whether this write is the Nth since the fault was set, or a retry of that one. */
    private boolean isFault(String key) {
      if (faulted.contains(key) || sinceFault.incrementAndGet() == failAt) {
        faulted.add(key);
        return true;
      }
      return false;
    }

    private static void drain(InputStream in) {
      try {
        in.readAllBytes();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private void refuse(String key) {
      if (refused.contains(key)) {
        throw (S3Exception) S3Exception.builder().statusCode(403).message("Access Denied").build();
      }
    }
  }

  @BeforeAll
  static void startProxy() throws Exception {
    proxy =
        S3Proxy.builder()
            .blobStore(STORE)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    while (!proxy.getState().equals("STARTED")) {
      Thread.onSpinWait();
    }
    endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  @AfterAll
  static void stopProxy() throws Exception {
    proxy.stop();
  }

  @BeforeEach
  void createBucket() {
    client = client(SECRET_KEY);
    bucket = "feed-" + BUCKETS.incrementAndGet();
    client.createBucket(b -> b.bucket(bucket));
    STORE.refused.clear();
    STORE.beforeNextPut = () -> {};
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private static S3Client client(String secret) {
    return S3Clients.create(
        endpoint,
        true,
        "us-east-1",
        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secret)));
  }

  @Override
  protected Publisher newPublisher() {
    return new S3Publisher(client, bucket, "k8s/feed");
  }

  @Override
  protected Map<String, byte[]> stored() {
    Map<String, byte[]> files = new TreeMap<>();
    for (S3Object o : client.listObjectsV2(b -> b.bucket(bucket)).contents()) {
      if (o.key().endsWith("/" + S3Listing.ETAGS)) {
        continue; // the self-check's record, not a published file
      }
      files.put(
          o.key().substring("k8s/feed/".length()),
          client.getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray());
    }
    return files;
  }

  @Override
  protected int writes() {
    return STORE.writes.get();
  }

  @Override
  protected void failWritesOf(String path) {
    STORE.refused.add("k8s/feed/" + path);
  }

  @Override
  protected void restoreWrites() {
    STORE.refused.clear();
    STORE.faulted.clear();
    STORE.failAt = -1;
  }

  @Override
  protected void failNthWrite(int n) {
    STORE.faulted.clear();
    STORE.sinceFault.set(0);
    STORE.failAt = n;
  }

  @Test
  void shouldRejectTheManifestWhenAnotherWriterWinsTheRace() throws Exception {
    newPublisher().publish(FIRST, null);
    Publisher slow = newPublisher();
    Manifest read = slow.published();
    // Another writer replaces the manifest after slow checked it, while slow uploads data.
    STORE.beforeNextPut =
        () -> client.putObject(b -> b.bucket(bucket).key("k8s/feed/manifest.json"), body(SECOND));

    assertThatThrownBy(() -> slow.publish(SHRUNK, read))
        .isInstanceOf(PublishException.class)
        .hasMessageStartingWith("s3://" + bucket + "/k8s/feed/manifest.json: 412")
        .hasMessageEndingWith("another writer published first; rerun");
    assertThat(newPublisher().published()).isEqualTo(SECOND.manifest());
  }

  private static RequestBody body(Release release) {
    return RequestBody.fromBytes(release.manifest().toArtifact().bytes());
  }

  @Test
  void shouldStoreContentTypeAndCacheControl() throws Exception {
    newPublisher().publish(FIRST, null);

    HeadObjectResponse data =
        client.headObject(b -> b.bucket(bucket).key("k8s/feed/osv/CVE-2026-0001.json"));
    HeadObjectResponse manifest =
        client.headObject(b -> b.bucket(bucket).key("k8s/feed/manifest.json"));
    assertThat(data.contentType()).isEqualTo("application/json");
    assertThat(data.cacheControl()).isEqualTo("public, max-age=300");
    assertThat(manifest.cacheControl()).isEqualTo("no-cache");
  }

  @Test
  void shouldNameTheObjectAndHintAtThePermissionWhenRefused() throws Exception {
    newPublisher().publish(FIRST, null);
    failWritesOf("feed.json");
    Publisher publisher = newPublisher();

    assertThatThrownBy(() -> publisher.publish(SECOND, publisher.published()))
        .isInstanceOf(PublishException.class)
        .hasMessage(
            "s3://"
                + bucket
                + "/k8s/feed/feed.json: 403 AccessDenied;"
                + " the credentials lack s3:PutObject on this key");
  }

  @Test
  void shouldNeverShowTheSecretKeyWhenSigningFails() throws Exception {
    String wrong = "wr0ng-s3cr3t-also-never-printed";
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    String messages;
    try (S3Client bad = client(wrong);
        PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(tee);
      System.setErr(tee);
      Publisher publisher = new S3Publisher(bad, bucket, "");
      messages = chain(catchThrowable(publisher::published));
      messages += chain(catchThrowable(() -> publisher.publish(FIRST, null)));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }

    assertThat(messages).startsWith("io.k8s.cvefeed.publish.PublishException: s3://" + bucket);
    assertThat(messages).contains("403");
    assertThat(messages + captured.toString(StandardCharsets.UTF_8))
        .doesNotContain(wrong)
        .doesNotContain(SECRET_KEY);
  }

  static String chain(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }
}
