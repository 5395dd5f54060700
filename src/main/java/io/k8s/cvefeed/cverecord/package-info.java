/**
 * The second source: the CNA's CVE JSON 5 records (the CVE Services API, cve.org), fetched and
 * cached, cross-checked against each announcement and used to fill what it leaves out.
 */
@NullMarked
package io.k8s.cvefeed.cverecord;

import org.jspecify.annotations.NullMarked;
