package io.qaexport.domain.dedup;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form in which questions are compared for deduplication and split assignment (SPEC §6):
 * Unicode NFC, case-folded, {@code [source:…]} markers, punctuation and invisible format characters
 * (soft hyphen, zero-width space and joiners, word joiner, a byte-order mark: text pasted from
 * documents and LLM output carries them unseen) left out, whitespace collapsed to one space and
 * trimmed. Symbols, digits and letters stay.
 */
public final class QuestionKey {
  private static final String MARKER = "[source:";

  private QuestionKey() {}

  public static String normalise(String question) {
    // Full case folding as the JDK offers it: upper then lower maps ß to ss, as folding does;
    // twice, since the capital ẞ lowers to ß, which only the second round folds to ss.
    String folded =
        Normalizer.normalize(question, Normalizer.Form.NFC)
            .toUpperCase(Locale.ROOT)
            .toLowerCase(Locale.ROOT)
            .toUpperCase(Locale.ROOT)
            .toLowerCase(Locale.ROOT);
    folded = Normalizer.normalize(folded, Normalizer.Form.NFC);
    var out = new StringBuilder(folded.length());
    boolean space = false;
    for (int i = 0; i < folded.length(); ) {
      if (folded.startsWith(MARKER, i)) {
        int end = folded.indexOf(']', i);
        if (end >= 0) {
          i = end + 1;
          space = true;
          continue;
        }
      }
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (isWhiteSpace(cp)) {
        space = true;
      } else if (!isPunctuation(cp) && Character.getType(cp) != Character.FORMAT) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  /** A 64-bit hash of a normalised question (FNV-1a over its chars, then a 64-bit finaliser). */
  public static long hash(String normalised) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < normalised.length(); i++) {
      h ^= normalised.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** The hash of {@code question} after {@link #normalise}. */
  public static long of(String question) {
    return hash(normalise(question));
  }

  /** The SplitMix64 finaliser: spreads every input bit over the whole word. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * Unicode's White_Space (the JDK's two tests miss U+0085 NEXT LINE), and the information
   * separators U+001C–U+001F that Java counts as whitespace.
   */
  private static boolean isWhiteSpace(int cp) {
    return cp == 0x85 || Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  private static boolean isPunctuation(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
        return true;
      default:
        return false;
    }
  }
}
