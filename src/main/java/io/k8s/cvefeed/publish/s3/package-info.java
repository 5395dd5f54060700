/** Publishes to an S3 (or S3-compatible) bucket with the AWS SDK v2. */
@NullMarked
package io.k8s.cvefeed.publish.s3;

import org.jspecify.annotations.NullMarked;
