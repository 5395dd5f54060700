/** One refresh cycle: fetch, extract, render, publish. */
@NullMarked
package io.k8s.cvefeed.refresh;

import org.jspecify.annotations.NullMarked;
