/**
 * Immutable domain values (advisories, CVE ids, CVSS, ranges, provenance, the feed) and the
 * exceptions for bad input and a failing environment, on the JDK only.
 */
@NullMarked
package io.k8s.cvefeed.model;

import org.jspecify.annotations.NullMarked;
