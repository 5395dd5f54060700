package io.k8s.cvefeed.model;

/**
 * A CVSS base vector with the score and severity computed from it.
 *
 * @param version {@code 3.0}, {@code 3.1} or {@code 4.0}
 * @param vector the normalised vector string, e.g. {@code CVSS:3.1/AV:N/AC:L/...}
 * @param score the base score computed from the vector
 * @param severity the rating of {@code score}
 */
public record Cvss(String version, String vector, double score, Severity severity) {}
