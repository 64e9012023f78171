package io.qaexport.application.port.in;

/** What an invalid record does to the run. */
public enum ErrorPolicy {
  /** The first invalid record stops the run; nothing is written. */
  FAIL,
  /** Invalid records are left out and logged beside the output. */
  SKIP
}
