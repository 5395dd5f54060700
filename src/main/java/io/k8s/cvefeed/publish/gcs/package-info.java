/** Publishes to a Google Cloud Storage bucket with the official Java client. */
@NullMarked
package io.k8s.cvefeed.publish.gcs;

import org.jspecify.annotations.NullMarked;
