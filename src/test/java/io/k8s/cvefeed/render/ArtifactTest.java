package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An artifact over part of a renderer's buffer behaves as one over exactly its content. */
class ArtifactTest {
  private static final byte[] CONTENT =
      "{\"updated_at\":\"1970-01-01T00:00:00Z\"}\n".getBytes(StandardCharsets.UTF_8);

  private static Artifact slice() {
    byte[] buffer = new byte[CONTENT.length + 100];
    System.arraycopy(CONTENT, 0, buffer, 0, CONTENT.length);
    buffer[CONTENT.length] = 'x'; // spare capacity that must never show
    return Artifact.owning("a.json", MediaTypes.JSON, buffer, CONTENT.length);
  }

  @Test
  void shouldMatchAnExactArtifactWhenBuiltOverPartOfABuffer() throws Exception {
    Artifact exact = new Artifact("a.json", MediaTypes.JSON, CONTENT);
    Artifact slice = slice();
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    slice.writeTo(written);
    ByteBuffer buffer = slice.buffer();
    byte[] viaBuffer = new byte[buffer.remaining()];
    buffer.get(viaBuffer);

    assertThat(slice).isEqualTo(exact).hasSameHashCodeAs(exact);
    assertThat(slice.size()).isEqualTo(CONTENT.length);
    assertThat(slice.bytes()).isEqualTo(CONTENT);
    assertThat(written.toByteArray()).isEqualTo(CONTENT);
    assertThat(viaBuffer).isEqualTo(CONTENT);
    assertThat(slice.sha256()).isEqualTo(exact.sha256()).isEqualTo(Artifact.sha256Hex(CONTENT));
  }

  @Test
  void shouldPatchACopyAndLeaveTheOriginalAlone() {
    Artifact original = slice();
    byte[] stamp = "2026-11-23T12:00:00Z".getBytes(StandardCharsets.US_ASCII);
    int at = original.indexOf("\"updated_at\":\"".getBytes(StandardCharsets.US_ASCII)) + 14;

    Artifact patched = original.patched(at, stamp);

    assertThat(new String(patched.bytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"updated_at\":\"2026-11-23T12:00:00Z\"}\n");
    assertThat(original.bytes()).isEqualTo(CONTENT);
    assertThat(original.byteAt(at + stamp.length)).isEqualTo((byte) '"');
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
