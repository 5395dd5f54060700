/**
 * The change history ({@code changes.json}, {@code changes.xml}) computed at each publish, and the
 * webhook notifications sent after it.
 */
@NullMarked
package io.k8s.cvefeed.history;

import org.jspecify.annotations.NullMarked;
