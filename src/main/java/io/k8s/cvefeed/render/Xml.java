package io.k8s.cvefeed.render;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin indenting layer over the JDK {@link XMLStreamWriter}: two-space indentation, UTF-8, text
 * cleaned of characters XML 1.0 cannot carry. Writing to memory cannot fail, so stream errors are
 * programming errors and surface as {@link IllegalStateException}.
 */
final class Xml {
  /** RFC 822 dates as RSS 2.0 wants them: {@code Tue, 13 Jun 2023 14:42:07 GMT}. */
  private static final DateTimeFormatter RFC_822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
  private final XMLStreamWriter w;
  private int depth;

  Xml() {
    try {
      // A factory per document: factories are not specified to be thread-safe, and renderers
      // may run concurrently.
      w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens an element on a new line; {@code attributes} are name, value pairs. */
  Xml open(String name, String... attributes) {
    indent();
    run(() -> w.writeStartElement(name));
    attributes(attributes);
    depth++;
    return this;
  }

  /** Declares a namespace on the element just opened; empty prefix for the default one. */
  Xml namespace(String prefix, String uri) {
    run(() -> w.writeNamespace(prefix, uri));
    return this;
  }

  /** An element with text content only. */
  Xml text(String name, String text, String... attributes) {
    indent();
    run(() -> w.writeStartElement(name));
    attributes(attributes);
    run(() -> w.writeCharacters(clean(text)));
    run(w::writeEndElement);
    return this;
  }

  /** An element with attributes only; {@code prefix:name} with {@code uri} when namespaced. */
  Xml empty(String prefix, String uri, String name, String... attributes) {
    indent();
    run(
        () -> {
          if (prefix.isEmpty()) {
            w.writeEmptyElement(name);
          } else {
            w.writeEmptyElement(prefix, name, uri);
          }
        });
    attributes(attributes);
    return this;
  }

  Xml close() {
    depth--;
    indent();
    run(w::writeEndElement);
    return this;
  }

  byte[] finish() {
    run(w::writeEndDocument);
    run(w::close);
    bytes.write('\n');
    return bytes.toByteArray();
  }

  private void attributes(String... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      String name = pairs[i];
      String value = clean(pairs[i + 1]);
      run(() -> w.writeAttribute(name, value));
    }
  }

  private void indent() {
    String ws = "\n" + "  ".repeat(depth);
    run(() -> w.writeCharacters(ws));
  }

  /** Removes what XML 1.0 forbids and turns line breaks and tabs into spaces. */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      boolean allowed =
          (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
      out.appendCodePoint(allowed && cp != 0x2028 && cp != 0x2029 ? cp : ' ');
    }
    return out.toString();
  }

  static String rfc822(Instant instant) {
    return RFC_822.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private interface XmlAction {
    void run() throws XMLStreamException;
  }

  private static void run(XmlAction action) {
    try {
      action.run();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }
}
