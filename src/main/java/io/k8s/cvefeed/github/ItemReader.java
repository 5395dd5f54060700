package io.k8s.cvefeed.github;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;

/**
 * Reads one element of a listing page (a JSON array) as the page streams in, so no page is held as
 * a tree. Called from fetching threads: must be thread-safe (a pure function is).
 *
 * <p>To work on a tree instead, read it: {@code JsonNode node = parser.readValueAsTree();}.
 */
@FunctionalInterface
public interface ItemReader<T> {
  /**
   * Reads the element whose first token is {@code parser.currentToken()}, consuming all of it (use
   * {@code parser.skipChildren()} for parts it ignores).
   *
   * @return the item, or {@code null} to drop the element (a pull request, say)
   * @throws SourceException when the element is not what GitHub sends; name {@code page}
   */
  @Nullable T read(URI page, JsonParser parser) throws SourceException;
}
