package io.qaexport.domain;

/**
 * A record that cannot be exported. Carries only the reason; whoever knows the file and line adds
 * them: the export loop catches it at the mapping call, for that one record.
 */
public class InvalidRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidRecordException(String reason) {
    super(reason, null, false, false);
  }

  public String reason() {
    return getMessage();
  }
}
