package io.k8s.cvefeed.integrity;

import io.k8s.cvefeed.publish.Manifest;
import io.k8s.cvefeed.publish.PublishException;
import io.k8s.cvefeed.render.Artifact;
import java.io.IOException;
import java.security.PublicKey;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks a published release: the signature of {@code manifest.json}, then each listed file's size
 * and SHA-256, in path order. Stops at the first file that fails.
 */
public final class ReleaseVerifier {
  /**
   * The verdict.
   *
   * @param failedFile the first file that failed, or {@code null} when all passed
   * @param message what was checked, or what failed and why
   * @param files files checked against the manifest
   */
  public record Result(@Nullable String failedFile, String message, int files) {
    public boolean ok() {
      return failedFile == null;
    }
  }

  private final PublicKey key;

  public ReleaseVerifier(PublicKey key) {
    this.key = key;
  }

  public Result verify(ReleaseReader reader) throws InterruptedException {
    byte[] manifestBytes;
    byte[] signature;
    try {
      manifestBytes = reader.read(Manifest.PATH);
    } catch (IOException e) {
      return fail(reader, Manifest.PATH, "cannot read (" + e.getMessage() + ")");
    }
    try {
      signature = reader.read(ManifestSignature.PATH);
    } catch (IOException e) {
      return fail(reader, ManifestSignature.PATH, "cannot read (" + e.getMessage() + ")");
    }
    if (!ManifestSignature.verify(key, manifestBytes, signature)) {
      return fail(
          reader,
          ManifestSignature.PATH,
          "signature does not match manifest.json for this public key");
    }
    Manifest manifest;
    try {
      manifest = Manifest.parse(manifestBytes, reader.where(Manifest.PATH));
    } catch (PublishException e) {
      return new Result(Manifest.PATH, String.valueOf(e.getMessage()), 0);
    }
    int checked = 0;
    for (Map.Entry<String, Manifest.FileEntry> e : manifest.files().entrySet()) {
      String problem = check(reader, e.getKey(), e.getValue());
      if (problem != null) {
        return fail(reader, e.getKey(), problem);
      }
      checked++;
    }
    return new Result(null, "signature good; " + checked + " files match manifest.json", checked);
  }

  private static @Nullable String check(
      ReleaseReader reader, String path, Manifest.FileEntry expected) throws InterruptedException {
    if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
      return "not a plain relative path; refusing to read it";
    }
    byte[] bytes;
    try {
      bytes = reader.read(path);
    } catch (IOException e) {
      return "cannot read (" + e.getMessage() + ")";
    }
    if (bytes.length != expected.size()) {
      return "size " + bytes.length + " differs from the manifest's " + expected.size();
    }
    String sha = Artifact.sha256Hex(bytes);
    if (!sha.equals(expected.sha256())) {
      return "sha256 " + sha + " differs from the manifest's " + expected.sha256();
    }
    return null;
  }

  private static Result fail(ReleaseReader reader, String path, String problem) {
    return new Result(path, reader.where(path) + ": " + problem, 0);
  }
}
