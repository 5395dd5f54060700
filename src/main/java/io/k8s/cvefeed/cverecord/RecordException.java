package io.k8s.cvefeed.cverecord;

/** A CVE record could not be fetched or read; the message names the CVE and the reason. */
public final class RecordException extends Exception {
  private static final long serialVersionUID = 1L;

  public RecordException(String message) {
    super(message);
  }
}
