package io.k8s.cvefeed.render;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads the pages back with the JDK XML parser: they are written as polyglot HTML. */
final class PolyglotHtml {
  private PolyglotHtml() {}

  static Document parse(byte[] page) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(page));
  }

  static List<Element> elements(Document doc, String tag) {
    return elements(doc.getDocumentElement(), tag);
  }

  static List<Element> elements(Element root, String tag) {
    NodeList nodes = root.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  /** Every attribute value of every element, for "no such href" checks. */
  static List<String> attributes(Document doc, String name) {
    return elements(doc, "*").stream()
        .filter(e -> e.hasAttribute(name))
        .map(e -> e.getAttribute(name))
        .toList();
  }

  /** The Content-Security-Policy of the page's meta element. */
  static String csp(Document doc) {
    return elements(doc, "meta").stream()
        .filter(m -> m.getAttribute("http-equiv").equals("Content-Security-Policy"))
        .findFirst()
        .orElseThrow()
        .getAttribute("content");
  }
}
