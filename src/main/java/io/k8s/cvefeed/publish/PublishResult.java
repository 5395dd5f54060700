package io.k8s.cvefeed.publish;

/**
 * What a publish wrote.
 *
 * @param target the target, e.g. {@code file:///srv/feed}
 * @param written artifacts written (changed or new), the manifest included
 * @param removed artifacts removed because they left the manifest
 */
public record PublishResult(String target, int written, int removed) {}
