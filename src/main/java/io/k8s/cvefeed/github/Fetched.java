package io.k8s.cvefeed.github;

import org.jspecify.annotations.Nullable;

/** A body read by a {@link BodyReader}, with its {@code Link} header. */
record Fetched<R>(R value, @Nullable String link, boolean notModified) {}
