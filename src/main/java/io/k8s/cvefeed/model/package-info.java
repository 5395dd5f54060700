/** Immutable domain values: advisories, CVE ids, CVSS, ranges, the feed. JDK only. */
@NullMarked
package io.k8s.cvefeed.model;

import org.jspecify.annotations.NullMarked;
