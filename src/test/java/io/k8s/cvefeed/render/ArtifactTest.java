package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * An artifact over part of a renderer's buffer, or patched over another one's buffer, behaves as
 * one over exactly its content: same bytes written both ways, same hash, equal.
 */
class ArtifactTest {
  private static final byte[] CONTENT =
      "{\"updated_at\":\"1970-01-01T00:00:00Z\"}\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] STAMP = "2026-11-23T12:00:00Z".getBytes(StandardCharsets.US_ASCII);

  private static Artifact slice() {
    byte[] buffer = new byte[CONTENT.length + 100];
    System.arraycopy(CONTENT, 0, buffer, 0, CONTENT.length);
    buffer[CONTENT.length] = 'x'; // spare capacity that must never show
    return Artifact.owning("a.json", MediaTypes.JSON, buffer, CONTENT.length);
  }

  private static byte[] viaStream(Artifact a) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    a.writeTo(out);
    return out.toByteArray();
  }

  private static byte[] viaChannel(Artifact a) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    a.writeTo(Channels.newChannel(out));
    return out.toByteArray();
  }

  /** Every way to read {@code a} gives {@code expected}, and it equals an exact artifact. */
  private static void assertContent(Artifact a, byte[] expected) throws IOException {
    Artifact exact = new Artifact(a.path(), a.mediaType(), expected);
    assertThat(a).isEqualTo(exact).hasSameHashCodeAs(exact);
    assertThat(exact).isEqualTo(a);
    assertThat(a.size()).isEqualTo(expected.length);
    assertThat(a.bytes()).isEqualTo(expected);
    assertThat(viaStream(a)).isEqualTo(expected);
    assertThat(viaChannel(a)).isEqualTo(expected);
    assertThat(a.sha256()).isEqualTo(exact.sha256()).isEqualTo(Artifact.sha256Hex(expected));
    for (int i = 0; i < expected.length; i += Math.max(1, expected.length / 64)) {
      assertThat(a.byteAt(i)).as("byte %d", i).isEqualTo(expected[i]);
    }
  }

  @Test
  void shouldMatchAnExactArtifactWhenBuiltOverPartOfABuffer() throws Exception {
    assertContent(slice(), CONTENT);
  }

  @Test
  void shouldPatchWithoutChangingTheOriginal() throws Exception {
    Artifact original = slice();
    int at = original.indexOf("\"updated_at\":\"".getBytes(StandardCharsets.US_ASCII)) + 14;

    Artifact patched = original.patched(at, STAMP);

    assertContent(patched, "{\"updated_at\":\"2026-11-23T12:00:00Z\"}\n".getBytes());
    assertContent(original, CONTENT);
    assertThat(patched).isNotEqualTo(original);
    assertThat(original.byteAt(at + STAMP.length)).isEqualTo((byte) '"');
  }

  @Test
  void shouldPatchTwiceAsIfPatchedOnce() throws Exception {
    Artifact original = slice();
    int at = original.indexOf("\"updated_at\":\"".getBytes(StandardCharsets.US_ASCII)) + 14;

    Artifact twice = original.patched(at, STAMP).patched(at, "2027".getBytes());

    assertContent(twice, "{\"updated_at\":\"2027-11-23T12:00:00Z\"}\n".getBytes());
  }

  @Test
  void shouldWriteAPatchedArtifactLargerThanOneChunk() throws Exception {
    byte[] big = new byte[(3 << 20) + 17];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) ('a' + i % 26);
    }
    int at = (1 << 20) - 3; // the patch straddles the first chunk boundary
    byte[] expected = big.clone();
    System.arraycopy(STAMP, 0, expected, at, STAMP.length);

    Artifact patched =
        Artifact.owning("big.json", MediaTypes.JSON, big, big.length).patched(at, STAMP);

    assertContent(patched, expected);
    assertThat(Arrays.equals(big, expected)).isFalse(); // the shared buffer was left alone
  }

  @Test
  void shouldNotFindOrPatchPastTheContent() {
    Artifact a = slice();

    assertThat(a.indexOf("x".getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
    assertThatThrownBy(() -> a.patched(CONTENT.length - 1, new byte[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a.json");
    assertThatThrownBy(() -> a.byteAt(CONTENT.length))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> Artifact.owning("a.json", MediaTypes.JSON, new byte[1], 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldStillCopyWhatThePublicConstructorIsGiven() {
    byte[] mine = CONTENT.clone();
    Artifact a = new Artifact("a.json", MediaTypes.JSON, mine);

    mine[0] = 'X';

    assertThat(a.bytes()).isEqualTo(CONTENT);
  }
}
