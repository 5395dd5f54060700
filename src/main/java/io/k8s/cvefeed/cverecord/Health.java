package io.k8s.cvefeed.cverecord;

import org.jspecify.annotations.Nullable;

/**
 * How the record source is doing, for {@code /metrics}.
 *
 * @param requests requests sent to the API since start
 * @param failures requests that ended without a usable answer (network, 429, 5xx, garbage)
 * @param fromCache lookups answered from the cache within the TTL
 * @param unavailable CVEs the last refresh had no record for because of a failure
 * @param lastSuccessEpochSeconds when the API last answered usefully, or {@code null}
 */
public record Health(
    long requests,
    long failures,
    long fromCache,
    int unavailable,
    @Nullable Long lastSuccessEpochSeconds) {}
