/**
 * One refresh cycle — fetch, extract, render, gate, publish — and what it needs to skip the work
 * when its inputs did not change.
 */
@NullMarked
package io.k8s.cvefeed.refresh;

import org.jspecify.annotations.NullMarked;
