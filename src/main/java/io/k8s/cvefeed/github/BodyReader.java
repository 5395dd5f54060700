package io.k8s.cvefeed.github;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

/**
 * Reads a whole body from a parser standing before its first token. A {@link JacksonException}
 * means the body is malformed or cut short and is retried; a {@link SourceException} means the JSON
 * is well-formed but not what GitHub sends, and ends the fetch.
 */
@FunctionalInterface
interface BodyReader<R> {
  R read(JsonParser parser) throws SourceException;
}
