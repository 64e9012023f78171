package io.qaexport.application.port.in.failure;

import java.nio.file.Path;

/** The dataset card was asked for at a path that an input or another output already holds. */
public final class CardPathTakenException extends UsageException {
  private static final long serialVersionUID = 1L;

  private final transient Path card;
  private final transient Path taken;

  public CardPathTakenException(Path card, Path taken) {
    super("the dataset card " + card + " would overwrite " + taken);
    this.card = card;
    this.taken = taken;
  }

  public Path card() {
    return card;
  }

  public Path taken() {
    return taken;
  }
}
