/**
 * Turns a raw issue into an advisory plus diagnostics, and lends the same readings of component
 * names and CVSS vectors to the CVE records, with pure functions and no I/O.
 */
@NullMarked
package io.k8s.cvefeed.extract;

import org.jspecify.annotations.NullMarked;
