package io.k8s.cvefeed.history;

import io.k8s.cvefeed.render.Artifact;
import io.k8s.cvefeed.render.MediaTypes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code changes.xml}: the change history as Atom 1.0 (RFC 4287), one entry per event. Entry ids
 * are {@code tag:} URIs made of the event's time, CVE id and kind, so they never repeat.
 */
final class AtomChanges {
  static final String PATH = "changes.xml";
  static final String ID_PREFIX = "tag:kubernetes.io,2024:cve-feed/changes/";
  private static final String ATOM = "http://www.w3.org/2005/Atom";

  private AtomChanges() {}

  /**
   * @param selfUrl where {@code changes.xml} is published
   * @param homePageUrl the feed's home page
   * @param fallbackUpdated the feed's {@code updated} when there is no event
   */
  static Artifact write(
      List<ChangeEvent> events,
      String title,
      String selfUrl,
      String homePageUrl,
      String author,
      Instant fallbackUpdated) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
    try {
      XMLStreamWriter w =
          XMLOutputFactory.newDefaultFactory()
              .createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("feed");
      w.writeDefaultNamespace(ATOM);
      element(w, 1, "id", ID_PREFIX + "feed");
      element(w, 1, "title", title);
      Instant updated = events.isEmpty() ? fallbackUpdated : events.get(0).time();
      element(w, 1, "updated", updated.toString());
      link(w, 1, "self", selfUrl);
      link(w, 1, "alternate", homePageUrl);
      indent(w, 1);
      w.writeStartElement("author");
      element(w, 2, "name", author);
      indent(w, 1);
      w.writeEndElement();
      for (ChangeEvent e : events) {
        entry(w, e, homePageUrl);
      }
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing Atom to memory failed", e);
    }
    return new Artifact(PATH, MediaTypes.ATOM, out.toByteArray());
  }

  private static void entry(XMLStreamWriter w, ChangeEvent e, String homePageUrl)
      throws XMLStreamException {
    indent(w, 1);
    w.writeStartElement("entry");
    element(w, 2, "id", ID_PREFIX + e.key());
    element(w, 2, "title", e.headline());
    element(w, 2, "updated", e.time().toString());
    link(w, 2, "alternate", e.url() == null ? homePageUrl : e.url());
    indent(w, 2);
    w.writeEmptyElement("category");
    w.writeAttribute("term", e.kind().wireName());
    element(w, 2, "summary", details(e));
    indent(w, 1);
    w.writeEndElement();
  }

  /** The entry text: kind, statuses, severity and edited fields, one per line. */
  static String details(ChangeEvent e) {
    StringBuilder s = new StringBuilder("kind: ").append(e.kind().wireName());
    if (e.oldStatus() != null) {
      s.append("\nold status: ").append(e.oldStatus());
    }
    if (e.status() != null) {
      s.append("\nstatus: ").append(e.status());
    }
    if (e.severity() != null) {
      s.append("\nseverity: ").append(e.severity());
    }
    if (!e.fields().isEmpty()) {
      s.append("\nchanged: ").append(String.join(", ", e.fields()));
    }
    if (e.kind() == ChangeEvent.Kind.INITIAL) {
      s.append("\nitems: ").append(e.items());
    }
    return s.toString();
  }

  private static void element(XMLStreamWriter w, int depth, String name, String text)
      throws XMLStreamException {
    indent(w, depth);
    w.writeStartElement(name);
    w.writeCharacters(xmlSafe(text));
    w.writeEndElement();
  }

  private static void link(XMLStreamWriter w, int depth, String rel, String href)
      throws XMLStreamException {
    indent(w, depth);
    w.writeEmptyElement("link");
    w.writeAttribute("rel", rel);
    w.writeAttribute("href", href);
  }

  /** Drops the characters XML 1.0 cannot carry (C0 controls other than tab, LF, CR). */
  static String xmlSafe(String text) {
    return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
  }

  private static void indent(XMLStreamWriter w, int depth) throws XMLStreamException {
    w.writeCharacters("\n" + "  ".repeat(depth));
  }
}
