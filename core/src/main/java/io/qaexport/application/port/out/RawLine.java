package io.qaexport.application.port.out;

/** The bytes of one input line exactly as read (without its line end), copied on request. */
@FunctionalInterface
public interface RawLine {
  byte[] copyBytes();
}
