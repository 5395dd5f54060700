package io.k8s.cvefeed.publish.gcs;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
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
import org.jspecify.annotations.Nullable;

/**
 * Publishes to {@code gs://bucket/prefix}. The manifest is written with {@code ifGenerationMatch}
 * on the generation read (or {@code ifGenerationMatch=0} for a first publish), so of two concurrent
 * writers one fails instead of losing the other's update.
 */
public final class GcsPublisher implements Publisher {
  /** The custom metadata key holding an object's SHA-256, for the self-check. */
  static final String SHA256 = "sha256";

  private final Storage storage;
  private final String bucket;
  private final String prefix;

  /** The manifest found and its generation; both absent when there is none. */
  private record Read(@Nullable Manifest manifest, long generation) {}

  /**
   * @param storage a client the caller owns (see {@link GcsClients})
   * @param bucket the bucket name
   * @param prefix the object name prefix without leading or trailing {@code /}, or {@code ""}
   */
  public GcsPublisher(Storage storage, String bucket, String prefix) {
    this.storage = storage;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  /** A publisher with its own client, see {@link GcsClients#create(URI)}. */
  public static GcsPublisher create(@Nullable URI endpoint, String bucket, String prefix) {
    return new GcsPublisher(GcsClients.create(endpoint), bucket, prefix);
  }

  @Override
  public String target() {
    return prefix.isEmpty() ? "gs://" + bucket : "gs://" + bucket + "/" + prefix;
  }

  @Override
  public @Nullable Manifest published() throws PublishException {
    return readManifest().manifest();
  }

  @Override
  public byte @Nullable [] read(String path) throws PublishException {
    String name = PublishPlan.key(prefix, path);
    try {
      Blob blob = storage.get(BlobId.of(bucket, name));
      return blob == null ? null : storage.readAllBytes(blob.getBlobId());
    } catch (StorageException e) {
      throw GcsErrors.of(uri(name), "get", e);
    }
  }

  private Read readManifest() throws PublishException {
    String name = PublishPlan.key(prefix, Manifest.PATH);
    try {
      Blob blob = storage.get(BlobId.of(bucket, name));
      if (blob == null || blob.getGeneration() == null) {
        return new Read(null, 0);
      }
      long generation = blob.getGeneration();
      byte[] bytes = storage.readAllBytes(BlobId.of(bucket, name, generation));
      return new Read(Manifest.parse(bytes, uri(name)), generation);
    } catch (StorageException e) {
      throw GcsErrors.of(uri(name), "get", e);
    }
  }

  @Override
  public PublishResult publish(Release release, @Nullable Manifest previous)
      throws PublishException, InterruptedException {
    return publish(release, previous, java.util.Set.of());
  }

  @Override
  public PublishResult publish(
      Release release, @Nullable Manifest previous, java.util.Set<String> rewrite)
      throws PublishException, InterruptedException {
    PublishPlan plan = PublishPlan.of(release, previous, this, rewrite);
    if (plan.unchanged()) {
      return new PublishResult(target(), 0, 0);
    }
    long generation = expectedGeneration(previous);
    for (Artifact a : plan.writes()) {
      write(a, null);
    }
    writeManifest(plan.manifest(), generation, release.manifest().digest());
    for (String path : plan.removals()) {
      delete(PublishPlan.key(prefix, path));
    }
    return new PublishResult(target(), plan.writes().size() + 1, plan.removals().size());
  }

  /**
   * The generation the manifest must keep until this publish writes it ({@code 0}: must not exist).
   * Fails before writing anything when another writer published since {@code previous} was read;
   * the conditional manifest write catches a writer that races after this.
   */
  private long expectedGeneration(@Nullable Manifest previous) throws PublishException {
    Read read = readManifest();
    Manifest current = read.manifest();
    PublishPlan.requireStillPublished(
        previous, current, uri(PublishPlan.key(prefix, Manifest.PATH)));
    return read.generation();
  }

  /** A 412 after the client retried a write whose response was lost is our own write. */
  private void writeManifest(Artifact manifest, long generation, String digest)
      throws PublishException {
    try {
      write(manifest, generation);
    } catch (PublishException e) {
      if (e.getCause() instanceof StorageException s && s.getCode() == 412) {
        Manifest now = readManifest().manifest();
        if (now != null && now.digest().equals(digest)) {
          return;
        }
      }
      throw e;
    }
  }

  /**
   * @param generation {@code null}: unconditional; {@code 0}: must not exist; else must match
   */
  private void write(Artifact a, @Nullable Long generation) throws PublishException {
    String name = PublishPlan.key(prefix, a.path());
    BlobInfo info =
        BlobInfo.newBuilder(BlobId.of(bucket, name))
            .setContentType(a.mediaType())
            .setCacheControl(PublishPlan.cacheControl(a.path()))
            .setMetadata(Map.of(SHA256, a.sha256()))
            .build();
    try {
      if (generation == null) {
        storage.create(info, a.bytes(), Storage.BlobTargetOption.disableGzipContent());
      } else {
        storage.create(
            info,
            a.bytes(),
            Storage.BlobTargetOption.disableGzipContent(),
            generation == 0
                ? Storage.BlobTargetOption.doesNotExist()
                : Storage.BlobTargetOption.generationMatch(generation));
      }
    } catch (StorageException e) {
      throw GcsErrors.of(uri(name), "create", e);
    }
  }

  /**
   * Compares one listing of the prefix with {@code published}: each object's size, and the SHA-256
   * the publisher stores in its {@value #SHA256} metadata (objects written before it did are
   * reported, and rewritten once).
   */
  @Override
  public List<Damage> damage(Manifest published) throws PublishException {
    String base = prefix.isEmpty() ? "" : prefix + "/";
    Map<String, StoredFile> stored = new HashMap<>();
    try {
      for (Blob b : storage.list(bucket, Storage.BlobListOption.prefix(base)).iterateAll()) {
        Map<String, String> meta = b.getMetadata();
        stored.put(
            b.getName().substring(base.length()),
            new StoredFile(
                b.getSize() == null ? -1 : b.getSize(), meta == null ? null : meta.get(SHA256)));
      }
    } catch (StorageException e) {
      throw GcsErrors.of("gs://" + bucket + "/" + base, "list", e);
    }
    Map<String, String> expected = new HashMap<>();
    published.files().forEach((path, entry) -> expected.put(path, entry.sha256()));
    return StoredFile.compare(published, stored, expected);
  }

  private void delete(String name) throws PublishException {
    try {
      storage.delete(BlobId.of(bucket, name));
    } catch (StorageException e) {
      throw GcsErrors.of(uri(name), "delete", e);
    }
  }

  private String uri(String name) {
    return "gs://" + bucket + "/" + name;
  }
}
