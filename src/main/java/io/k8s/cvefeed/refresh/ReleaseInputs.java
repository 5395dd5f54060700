package io.k8s.cvefeed.refresh;

import io.k8s.cvefeed.github.RawIssue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A fingerprint of everything that shapes a release before anything is extracted: the program build
 * and the options that change output (the salt), and every field of every issue read. Equal inputs
 * give an equal feed, so a refresh whose inputs equal the last one's has nothing to extract, render
 * or hash.
 */
final class ReleaseInputs {
  private ReleaseInputs() {}

  /** {@code sha256:<hex>} over {@code salt} and {@code issues}, in order. */
  static String of(String salt, List<RawIssue> issues) {
    MessageDigest sha = sha256();
    add(sha, salt);
    for (RawIssue i : issues) {
      add(sha, Long.toString(i.number()));
      add(sha, i.title());
      add(sha, i.body());
      add(sha, i.state());
      add(sha, i.stateReason());
      add(sha, i.htmlUrl());
      add(sha, i.createdAt().toString());
      add(sha, i.updatedAt().toString());
      add(sha, i.closedAt() == null ? null : String.valueOf(i.closedAt()));
      add(sha, String.join("\n", i.labels()));
      add(sha, i.author());
    }
    return "sha256:" + HexFormat.of().formatHex(sha.digest());
  }

  /** {@code sha256:<hex>} over an {@link #of} fingerprint and the extra inputs' fingerprint. */
  static String withExtra(String issues, String extra) {
    MessageDigest sha = sha256();
    add(sha, issues);
    add(sha, extra);
    return "sha256:" + HexFormat.of().formatHex(sha.digest());
  }

  /**
   * A length-prefixed field, so that no two sequences of fields hash alike; null differs from "".
   */
  private static void add(MessageDigest sha, @Nullable String field) {
    if (field == null) {
      sha.update((byte) 0);
      return;
    }
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    sha.update((byte) 1);
    sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) ':');
    sha.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
