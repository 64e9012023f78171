package io.qaexport.application.port.in.failure;

import java.nio.file.Path;

/**
 * An output of the run would be written over an input, or over another output of the same run: the
 * same file, whatever the paths look like (links and relative paths included).
 */
public final class OutputPathTakenException extends UsageException {
  private static final long serialVersionUID = 1L;

  private final transient Path output;
  private final transient Path taken;
  private final boolean input;

  public OutputPathTakenException(Path output, Path taken, boolean input) {
    super(
        output
            + " would overwrite "
            + (input ? "the input " : "the output ")
            + taken
            + (output.equals(taken) ? "" : " (the same file)"));
    this.output = output;
    this.taken = taken;
    this.input = input;
  }

  public Path output() {
    return output;
  }

  public Path taken() {
    return taken;
  }

  /** Whether {@link #taken()} is an input (else another output of the run). */
  public boolean input() {
    return input;
  }
}
