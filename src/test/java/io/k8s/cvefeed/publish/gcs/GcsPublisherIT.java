package io.k8s.cvefeed.publish.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.publish.PublishException;
import io.k8s.cvefeed.publish.Publisher;
import io.k8s.cvefeed.publish.PublisherContract;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link GcsPublisher} with the real client speaking HTTP to {@link FakeGcs}. */
class GcsPublisherIT extends PublisherContract {
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  private static FakeGcs gcs;
  private static Storage storage;
  private String bucket;

  @BeforeAll
  static void start() throws Exception {
    gcs = new FakeGcs();
    storage =
        StorageOptions.http()
            .setHost(gcs.endpoint().toString())
            .setProjectId("test")
            .setCredentials(NoCredentials.getInstance())
            .setRetrySettings(RetrySettings.newBuilder().setMaxAttempts(1).build())
            .build()
            .getService();
  }

  @AfterAll
  static void stop() throws Exception {
    storage.close();
    gcs.close();
  }

  @BeforeEach
  void newBucket() {
    bucket = "k8s-cve-feed-" + BUCKETS.incrementAndGet();
    gcs.refused.clear();
    gcs.beforeNextUpload = () -> {};
  }

  @Override
  protected Publisher newPublisher() {
    return new GcsPublisher(storage, bucket, "feed");
  }

  @Override
  protected Map<String, byte[]> stored() {
    Map<String, byte[]> files = new TreeMap<>();
    gcs.bucket(bucket).forEach((k, v) -> files.put(k.substring("feed/".length()), v.bytes()));
    return files;
  }

  @Override
  protected int writes() {
    return gcs.writes.get();
  }

  @Override
  protected void failWritesOf(String path) {
    gcs.refused.add(bucket + "/feed/" + path);
  }

  @Override
  protected void restoreWrites() {
    gcs.refused.clear();
    gcs.failAt = -1;
  }

  @Override
  protected void failNthWrite(int n) {
    gcs.sinceFault.set(0);
    gcs.failAt = n;
  }

  @Test
  void shouldStoreContentTypeAndCacheControl() throws Exception {
    newPublisher().publish(FIRST, null);

    FakeGcs.StoredObject data = gcs.bucket(bucket).get("feed/feed.json");
    FakeGcs.StoredObject manifest = gcs.bucket(bucket).get("feed/manifest.json");
    assertThat(data.contentType()).isEqualTo("application/json");
    assertThat(data.cacheControl()).isEqualTo("public, max-age=300");
    assertThat(manifest.cacheControl()).isEqualTo("no-cache");
  }

  @Test
  void shouldRejectTheManifestWhenAnotherWriterWinsTheRace() throws Exception {
    newPublisher().publish(FIRST, null);
    Publisher slow = newPublisher();
    Manifest read = slow.published();
    // Another writer publishes after slow checked the manifest, while slow uploads data.
    gcs.beforeNextUpload =
        () -> {
          try {
            new GcsPublisher(storage, bucket, "feed").publish(SECOND, read);
          } catch (PublishException | InterruptedException e) {
            throw new AssertionError(e);
          }
        };

    assertThatThrownBy(() -> slow.publish(SHRUNK, read))
        .isInstanceOf(PublishException.class)
        .hasMessage(
            "gs://"
                + bucket
                + "/feed/manifest.json: 412 Precondition Failed;"
                + " precondition failed, another writer published first; rerun");
    assertThat(newPublisher().published()).isEqualTo(SECOND.manifest());
  }

  @Test
  void shouldNameTheObjectAndTheMissingPermissionWhenForbidden() throws Exception {
    failWritesOf("manifest.json");

    assertThatThrownBy(() -> newPublisher().publish(FIRST, null))
        .isInstanceOf(PublishException.class)
        .hasMessage(
            "gs://"
                + bucket
                + "/feed/manifest.json: 403 Forbidden; the credentials lack storage.objects.create");
  }
}
