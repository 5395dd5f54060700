package io.k8s.cvefeed.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An artifact reads the same every way: bytes, stream, channel, hash, equality. */
class ArtifactTest {
  private static final byte[] CONTENT =
      "{\"updated_at\":\"1970-01-01T00:00:00Z\"}\n".getBytes(StandardCharsets.UTF_8);

  /** {@code sha256sum} of {@link #CONTENT}. */
  private static final String SHA256_OF_CONTENT =
      "6571e9afa1fb8e1ac9837ad597a52b20d3db7b7c62cfb638a22810c0ffc83d76";

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

  @Test
  void shouldReadTheSameEveryWay() throws Exception {
    Artifact a = Artifact.owning("a.json", MediaTypes.JSON, CONTENT.clone());
    Artifact copy = new Artifact("a.json", MediaTypes.JSON, CONTENT);

    assertThat(a).isEqualTo(copy).hasSameHashCodeAs(copy);
    assertThat(a.size()).isEqualTo(CONTENT.length);
    assertThat(a.bytes()).isEqualTo(CONTENT);
    assertThat(viaStream(a)).isEqualTo(CONTENT);
    assertThat(viaChannel(a)).isEqualTo(CONTENT);
    assertThat(a.sha256()).isEqualTo(SHA256_OF_CONTENT).isEqualTo(Artifact.sha256Hex(CONTENT));
  }

  @Test
  void shouldWriteContentLargerThanOneChannelChunk() throws Exception {
    byte[] big = new byte[(3 << 20) + 17];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) ('a' + i % 26);
    }

    Artifact a = new Artifact("big.json", MediaTypes.JSON, big);

    assertThat(viaChannel(a)).isEqualTo(big);
  }

  @Test
  void shouldTellWhetherAStreamHoldsTheSameContent() throws Exception {
    byte[] big = new byte[(1 << 17) + 5]; // more than one read chunk
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    Artifact a = new Artifact("big.json", MediaTypes.JSON, big);
    byte[] flipped = big.clone();
    flipped[big.length - 1] ^= 1;

    assertThat(a.sameContent(new java.io.ByteArrayInputStream(big))).isTrue();
    assertThat(a.sameContent(new java.io.ByteArrayInputStream(flipped))).isFalse();
    assertThat(a.sameContent(new java.io.ByteArrayInputStream(big, 0, big.length - 1))).isFalse();
    assertThat(
            a.sameContent(
                new java.io.ByteArrayInputStream(java.util.Arrays.copyOf(big, big.length + 1))))
        .isFalse();
    Artifact empty = new Artifact("e.json", MediaTypes.JSON, new byte[0]);
    assertThat(empty.sameContent(new java.io.ByteArrayInputStream(new byte[0]))).isTrue();
    assertThat(empty.sameContent(new java.io.ByteArrayInputStream(new byte[1]))).isFalse();
  }

  @Test
  void shouldDifferInPathTypeOrBytes() {
    Artifact a = new Artifact("a.json", MediaTypes.JSON, CONTENT);

    assertThat(a).isNotEqualTo(new Artifact("b.json", MediaTypes.JSON, CONTENT));
    assertThat(a).isNotEqualTo(new Artifact("a.json", MediaTypes.ZIP, CONTENT));
    assertThat(a).isNotEqualTo(new Artifact("a.json", MediaTypes.JSON, new byte[] {'{', '}'}));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/etc/passwd", "osv/../x.json", "osv\\x.json"})
  void shouldRefuseAPathThatIsNotRelativeAndPlain(String path) {
    assertThatThrownBy(() -> new Artifact(path, MediaTypes.JSON, CONTENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("relative and plain");
  }

  @Test
  void shouldStillCopyWhatThePublicConstructorIsGiven() {
    byte[] mine = CONTENT.clone();
    Artifact a = new Artifact("a.json", MediaTypes.JSON, mine);

    mine[0] = 'X';

    assertThat(a.bytes()).isEqualTo(CONTENT);
  }
}
