package io.qaexport.adapter.in.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scanner path's number reading ({@link ScannedPairParser#shortDecimal}) against {@link
 * Double#parseDouble}: for every JSON number it takes, the same double, bit for bit (so -0.0 stays
 * negative); the numbers it leaves to {@code parseDouble} are those with an exponent or more than
 * 15 digits.
 */
class ShortDecimalFuzzTest {
  private static void check(String number) {
    byte[] bytes = ("x" + number + "y").getBytes(StandardCharsets.US_ASCII);
    double fast = ScannedPairParser.shortDecimal(bytes, 1, bytes.length - 1);
    if (Double.isNaN(fast)) {
      long digits = number.chars().filter(Character::isDigit).count();
      assertTrue(digits > 15 || number.contains("e") || number.contains("E"), number);
      return;
    }
    assertEquals(
        Double.doubleToRawLongBits(Double.parseDouble(number)),
        Double.doubleToRawLongBits(fast),
        number);
  }

  /** A number as JSON's grammar has it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
  private static String number(FuzzedDataProvider data) {
    var text = new StringBuilder();
    if (data.consumeBoolean()) {
      text.append('-');
    }
    int integerDigits = data.consumeInt(1, 20);
    text.append(integerDigits == 1 ? data.consumeInt(0, 9) : data.consumeInt(1, 9));
    for (int i = 1; i < integerDigits; i++) {
      text.append(data.consumeInt(0, 9));
    }
    if (data.consumeBoolean()) {
      text.append('.');
      for (int i = data.consumeInt(1, 20); i > 0; i--) {
        text.append(data.consumeInt(0, 9));
      }
    }
    if (data.consumeInt(0, 7) == 0) {
      text.append(data.consumeBoolean() ? 'e' : 'E')
          .append(data.pickValue(new String[] {"", "+", "-"}));
      text.append(data.consumeInt(0, 400));
    }
    return text.toString();
  }

  @FuzzTest(maxDuration = "5m")
  void shortDecimalsReadAsParseDoubleReadsThem(FuzzedDataProvider data) {
    check(number(data));
  }

  @Test
  void scoresAndTheirEdgesReadAsParseDoubleReadsThem() {
    for (String number :
        new String[] {
          "0",
          "-0",
          "0.0",
          "-0.0",
          "1",
          "0.72",
          "0.1",
          "0.3",
          "0.30000000000000004",
          "1.0",
          "999999999999999",
          "9999999999999999",
          "0.000000000000001",
          "123456.789012345",
          "0.123456789012345",
          "1e5",
          "-2.5E-3",
          "42",
          "-7.25"
        }) {
      check(number);
    }
    var random = new Random(15);
    for (int i = 0; i < 200_000; i++) {
      String digits = Long.toString(Math.abs(random.nextLong()) % 1_000_000_000_000_000L);
      int point = random.nextInt(digits.length() + 1);
      String number =
          point == digits.length()
              ? digits
              : (point == 0 ? "0" : digits.substring(0, point)) + "." + digits.substring(point);
      check(random.nextBoolean() ? "-" + number : number);
    }
  }
}
