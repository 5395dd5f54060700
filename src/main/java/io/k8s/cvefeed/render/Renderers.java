package io.k8s.cvefeed.render;

import io.k8s.cvefeed.model.Feed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Every output format, in a fixed order, and the one call that renders them all. */
public final class Renderers {
  private Renderers() {}

  /** The renderers of every published format and the web page's files, in a fixed order. */
  public static List<Renderer> all() {
    return Format.renderers(EnumSet.allOf(Format.class), false);
  }

  /**
   * All artifacts of {@link #all()} for {@code feed}, sorted by path. Pure: the same feed gives the
   * same list of the same bytes. Renderers run concurrently on the common fork-join pool.
   *
   * @throws IllegalStateException if two renderers claim the same path (a programming error)
   */
  public static List<Artifact> renderAll(Feed feed) {
    return render(all(), feed);
  }

  /**
   * The renderers whose output depends on {@link Feed#updatedAt()}. Every other artifact has the
   * same bytes whatever the time, so a refresh that stamps a new time re-renders only these.
   */
  public static List<Renderer> stamped() {
    return Format.renderers(EnumSet.allOf(Format.class), true);
  }

  /** The artifacts of {@link #stamped()} for {@code feed}, sorted by path. */
  public static List<Artifact> renderStamped(Feed feed) {
    return render(stamped(), feed);
  }

  /** Renders only {@code formats} ({@code --formats}). */
  public static Function<Feed, List<Artifact>> renderer(Set<Format> formats) {
    List<Renderer> renderers = Format.renderers(formats, false);
    return feed -> render(renderers, feed);
  }

  /**
   * The time-stamped files among {@code formats} for a feed, given what the same feed rendered at
   * another time ({@link Renderer#restamp}).
   */
  public static BiFunction<Feed, List<Artifact>, List<Artifact>> restamper(Set<Format> formats) {
    List<Renderer> renderers = Format.renderers(formats, true);
    return (feed, previous) -> collect(renderers, r -> r.restamp(feed, previous));
  }

  private static List<Artifact> render(List<Renderer> renderers, Feed feed) {
    return collect(renderers, r -> r.render(feed));
  }

  private static List<Artifact> collect(
      List<Renderer> renderers, Function<Renderer, List<Artifact>> render) {
    // Renderers are pure and independent: run them on all cores, then fix the order by path.
    List<List<Artifact>> rendered = renderers.parallelStream().map(render).toList();
    List<Artifact> out = new ArrayList<>();
    Set<String> paths = new HashSet<>();
    for (List<Artifact> artifacts : rendered) {
      for (Artifact a : artifacts) {
        if (!paths.add(a.path())) {
          throw new IllegalStateException(
              a.path() + ": rendered twice; renderer paths must differ");
        }
        out.add(a);
      }
    }
    out.sort(Comparator.comparing(Artifact::path));
    return List.copyOf(out);
  }
}
