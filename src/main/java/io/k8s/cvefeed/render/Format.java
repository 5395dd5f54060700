package io.k8s.cvefeed.render;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The formats a refresh can publish ({@code --formats}). The JSON feed is always published: it is
 * the official feed, and the change history reads it back.
 */
public enum Format {
  JSON(stamped(JsonFeedRenderer::new)),
  MARKDOWN(stamped(MarkdownRenderer::new)),
  /** {@code index.html}, the {@code cve/} detail pages and their assets. */
  HTML(
      stamped(HtmlRenderer::new), timeless(CvePageRenderer::new), timeless(WebAssetsRenderer::new)),
  RSS(stamped(RssRenderer::new)),
  ATOM(stamped(AtomRenderer::new)),
  OSV(timeless(OsvRenderer::new));

  /** One renderer of a format, and whether its bytes depend on {@code Feed.updatedAt()}. */
  private record Part(Supplier<Renderer> renderer, boolean stampsTime) {}

  private final List<Part> parts;

  Format(Part... parts) {
    this.parts = List.of(parts);
  }

  private static Part stamped(Supplier<Renderer> renderer) {
    return new Part(renderer, true);
  }

  private static Part timeless(Supplier<Renderer> renderer) {
    return new Part(renderer, false);
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The renderers of {@code formats} whose output {@code select}s by whether it depends on the
   * feed's time, in declaration order.
   */
  static List<Renderer> renderers(Set<Format> formats, Predicate<Boolean> select) {
    List<Renderer> out = new ArrayList<>();
    for (Format f : formats.isEmpty() ? EnumSet.allOf(Format.class) : EnumSet.copyOf(formats)) {
      for (Part p : f.parts) {
        if (select.test(p.stampsTime())) {
          out.add(p.renderer().get());
        }
      }
    }
    return out;
  }

  /**
   * Parses {@code json,osv,html}; {@code all} means every format. JSON is added when missing.
   *
   * @throws IllegalArgumentException naming the unknown format and the known ones
   */
  public static Set<Format> parse(List<String> names) {
    Set<Format> out = EnumSet.of(JSON);
    for (String raw : names) {
      for (String name : raw.split(",", -1)) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        if (n.equals("ALL")) {
          out.addAll(EnumSet.allOf(Format.class));
          continue;
        }
        try {
          out.add(Format.valueOf(n));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "--formats "
                  + name.strip()
                  + ": unknown format; expected all or a list of json, markdown, html, rss, atom,"
                  + " osv",
              e);
        }
      }
    }
    return out;
  }
}
