package io.k8s.cvefeed.github;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One good GitHub answer: valid JSON, fresh or from the {@link EtagCache}.
 *
 * @param uri the URL asked for
 * @param body the parsed body
 * @param link the {@code Link} header (from the cache when a 304 lacked one), or {@code null}
 * @param notModified whether GitHub answered 304 and the body came from the cache
 */
public record JsonPage(URI uri, JsonNode body, @Nullable String link, boolean notModified) {}
