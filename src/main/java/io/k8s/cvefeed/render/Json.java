package io.k8s.cvefeed.render;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

/**
 * Writes JSON the way the official feed is served: UTF-8, {@code /} unescaped, and {@code <},
 * {@code >}, {@code &}, U+2028 and U+2029 escaped as lower-case hex escapes (what Go's {@code
 * encoding/json}, behind the website's {@code jsonify}, does). Output always ends with a newline.
 */
final class Json {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
          .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
          .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .characterEscapes(new HtmlSafeEscapes())
          .build();

  private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

  /** A template: a pretty printer keeps nesting state, so each document gets its own copy. */
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator(""))
          .withObjectIndenter(INDENTER)
          .withArrayIndenter(INDENTER);

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ISO_INSTANT;

  private Json() {}

  /**
   * Compact JSON (one line), then a newline.
   *
   * @param sizeHint the expected size in bytes, so that a large feed is not copied while it grows
   */
  static Artifact compact(
      String path, String mediaType, int sizeHint, Consumer<JsonGenerator> body) {
    return write(path, mediaType, ObjectWriteContext.empty(), sizeHint, body);
  }

  /** Two-space indented JSON with {@code "name": value}, then a newline. */
  static Artifact pretty(String path, String mediaType, Consumer<JsonGenerator> body) {
    return write(
        path,
        mediaType,
        new ObjectWriteContext.Base() {
          @Override
          public PrettyPrinter getPrettyPrinter() {
            return PRETTY.createInstance();
          }

          @Override
          public boolean hasPrettyPrinter() {
            return true;
          }
        },
        8192,
        body);
  }

  private static Artifact write(
      String path,
      String mediaType,
      ObjectWriteContext context,
      int sizeHint,
      Consumer<JsonGenerator> body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, sizeHint));
    try (JsonGenerator g = FACTORY.createGenerator(context, out)) {
      body.accept(g);
    }
    out.write('\n');
    return Artifact.owning(path, mediaType, out.toByteArray());
  }

  /** RFC 3339 in UTC with whole seconds: {@code 2023-06-15T14:42:32Z}. */
  static String timestamp(Instant instant) {
    return SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The standard JSON escapes plus the HTML-significant characters, as Go writes them. */
  private static final class HtmlSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final SerializedString LS = new SerializedString("\\u2028");
    private static final SerializedString PS = new SerializedString("\\u2029");

    private final int[] ascii = standardAsciiEscapesForJSON();

    HtmlSafeEscapes() {
      ascii['<'] = ESCAPE_STANDARD;
      ascii['>'] = ESCAPE_STANDARD;
      ascii['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public @Nullable SerializableString getEscapeSequence(int ch) {
      return switch (ch) {
        case 0x2028 -> LS;
        case 0x2029 -> PS;
        default -> null;
      };
    }
  }
}
