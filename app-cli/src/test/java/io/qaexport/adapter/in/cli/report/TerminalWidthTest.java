package io.qaexport.adapter.in.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The width a launcher gives is used as given; one that is no positive number falls back to 80.
 * (Asking the terminal needs one: stty on /dev/tty, not tested here.)
 */
class TerminalWidthTest {
  @Test
  void aGivenWidthIsUsed() {
    assertEquals(132, new TerminalWidth("132").getAsInt());
    assertEquals(40, new TerminalWidth(" 40\n").getAsInt());
  }

  @Test
  void aGivenWidthThatIsNoPositiveNumberFallsBackTo80() {
    for (String given : new String[] {"", "wide", "0", "-3", "99999999999"}) {
      assertEquals(80, new TerminalWidth(given).getAsInt(), given);
    }
  }
}
