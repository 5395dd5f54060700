package io.k8s.cvefeed.publish.s3;

import io.k8s.cvefeed.publish.Damage;
import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.publish.PublishException;
import io.k8s.cvefeed.publish.PublishPlan;
import io.k8s.cvefeed.publish.PublishResult;
import io.k8s.cvefeed.publish.Publisher;
import io.k8s.cvefeed.publish.Release;
import io.k8s.cvefeed.publish.StoredFile;
import io.k8s.cvefeed.render.Artifact;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Publishes to {@code s3://bucket/prefix}. The manifest is written with {@code If-Match} on the
 * ETag read (or {@code If-None-Match: *} for a first publish), so of two concurrent writers one
 * fails instead of losing the other's update.
 */
public final class S3Publisher implements Publisher {
  /** The object recording every object's ETag, written before the manifest. */
  static final String ETAGS = S3Listing.ETAGS;

  private final S3Client client;
  private final String bucket;
  private final String prefix;

  /** The manifest found and its ETag, both null when absent. */
  private record Read(@Nullable Manifest manifest, @Nullable String etag) {}

  /**
   * @param client a client the caller owns and closes (see {@link S3Clients})
   * @param bucket the bucket name
   * @param prefix the key prefix without leading or trailing {@code /}, or {@code ""}
   */
  public S3Publisher(S3Client client, String bucket, String prefix) {
    this.client = client;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  /**
   * A publisher with its own client: the default credential chain, see {@link
   * S3Clients#create(java.net.URI, boolean, String)}.
   */
  public static S3Publisher create(
      @Nullable URI endpoint,
      boolean pathStyle,
      @Nullable String region,
      String bucket,
      String prefix) {
    return new S3Publisher(S3Clients.create(endpoint, pathStyle, region), bucket, prefix);
  }

  @Override
  public String target() {
    return prefix.isEmpty() ? "s3://" + bucket : "s3://" + bucket + "/" + prefix;
  }

  @Override
  public @Nullable Manifest published() throws PublishException {
    return readManifest().manifest();
  }

  @Override
  public byte @Nullable [] read(String path) throws PublishException {
    String key = PublishPlan.key(prefix, path);
    try {
      return client
          .getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build())
          .asByteArray();
    } catch (NoSuchKeyException e) {
      return null;
    } catch (SdkException e) {
      throw S3Errors.of(uri(key), "read", e);
    }
  }

  private Read readManifest() throws PublishException {
    String key = PublishPlan.key(prefix, Manifest.PATH);
    try {
      ResponseBytes<GetObjectResponse> bytes =
          client.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build());
      Manifest manifest = Manifest.parse(bytes.asByteArray(), uri(key));
      return new Read(manifest, bytes.response().eTag());
    } catch (NoSuchKeyException e) {
      return new Read(null, null);
    } catch (SdkException e) {
      throw S3Errors.of(uri(key), "read", e);
    }
  }

  @Override
  public PublishResult publish(Release release, @Nullable Manifest previous)
      throws PublishException, InterruptedException {
    return publish(release, previous, Set.of());
  }

  /**
   * Writes the changed objects, then {@value #ETAGS} (every object's ETag, for the next run's
   * self-check), then the manifest, then deletes what left the release.
   */
  @Override
  public PublishResult publish(Release release, @Nullable Manifest previous, Set<String> rewrite)
      throws PublishException, InterruptedException {
    PublishPlan plan = PublishPlan.of(release, previous, this, rewrite);
    if (plan.unchanged()) {
      return new PublishResult(target(), 0, 0);
    }
    String etag = expectedEtag(previous);
    Map<String, S3Listing.Stored> listed = S3Listing.list(client, bucket, prefix);
    Map<String, String> etags = new TreeMap<>();
    release
        .artifacts()
        .forEach(
            a -> {
              S3Listing.Stored st = listed.get(a.path());
              if (st != null) {
                etags.put(a.path(), st.etag());
              }
            });
    for (Artifact a : plan.writes()) {
      etags.put(a.path(), put(a, null, false));
    }
    put(S3Listing.etagsArtifact(release.manifest().digest(), etags), null, false);
    putManifest(plan.manifest(), etag, release.manifest().digest());
    for (String path : plan.removals()) {
      delete(PublishPlan.key(prefix, path));
    }
    return new PublishResult(target(), plan.writes().size() + 1, plan.removals().size());
  }

  /**
   * The ETag the manifest must keep until this publish writes it, or {@code null} when it must stay
   * absent. Fails before writing anything when another writer published since {@code previous} was
   * read; the conditional manifest write catches a writer that races after this.
   */
  private @Nullable String expectedEtag(@Nullable Manifest previous) throws PublishException {
    Read read = readManifest();
    Manifest current = read.manifest();
    PublishPlan.requireStillPublished(
        previous, current, uri(PublishPlan.key(prefix, Manifest.PATH)));
    return read.etag();
  }

  /**
   * Writes the manifest conditionally. A 412 after the SDK retried a write whose response was lost
   * is our own write: the manifest then already has our digest.
   */
  private void putManifest(Artifact manifest, @Nullable String etag, String digest)
      throws PublishException {
    try {
      put(manifest, etag, true);
    } catch (PublishException e) {
      if (e.getCause() instanceof AwsServiceException s && s.statusCode() == 412) {
        Manifest now = readManifest().manifest();
        if (now != null && now.digest().equals(digest)) {
          return;
        }
      }
      throw e;
    }
  }

  /** Writes {@code a}; returns the ETag stored. */
  private String put(Artifact a, @Nullable String ifMatch, boolean conditional)
      throws PublishException {
    String key = PublishPlan.key(prefix, a.path());
    PutObjectRequest.Builder request =
        PutObjectRequest.builder()
            .bucket(bucket)
            .key(key)
            .contentType(a.mediaType())
            .cacheControl(PublishPlan.cacheControl(a.path()));
    if (conditional) {
      if (ifMatch == null) {
        request.ifNoneMatch("*");
      } else {
        request.ifMatch(ifMatch);
      }
    }
    try {
      return client.putObject(request.build(), RequestBody.fromBytes(a.bytes())).eTag();
    } catch (SdkException e) {
      throw S3Errors.of(uri(key), "write", e);
    }
  }

  /**
   * Compares one listing of the prefix with {@code published}: each object's size, and its ETag
   * with the one {@value #ETAGS} recorded when the release was published (a record of another
   * release, or none, reports every object, which are then rewritten once).
   */
  @Override
  public List<Damage> damage(Manifest published) throws PublishException {
    Map<String, S3Listing.Stored> listed = S3Listing.list(client, bucket, prefix);
    Map<String, StoredFile> stored = new HashMap<>();
    listed.forEach((path, st) -> stored.put(path, new StoredFile(st.size(), st.etag())));
    byte[] record = read(ETAGS);
    Map<String, String> expected =
        record == null ? Map.of() : S3Listing.parseEtags(record, published.digest());
    return StoredFile.compare(published, stored, expected);
  }

  private void delete(String key) throws PublishException {
    try {
      client.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key).build());
    } catch (SdkException e) {
      throw S3Errors.of(uri(key), "delete", e);
    }
  }

  private String uri(String key) {
    return "s3://" + bucket + "/" + key;
  }
}
