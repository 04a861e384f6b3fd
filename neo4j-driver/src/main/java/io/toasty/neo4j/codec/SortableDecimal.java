package io.toasty.neo4j.codec;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact decimals as strings whose order is the numbers' order. Neo4j has no decimal type, and a
 * decimal's plain text sorts wrongly ("10" before "9", "-1" after "-2"), so {@code ORDER BY},
 * range filters, {@code min} and {@code max} on a decimal property would be lexical. Here every
 * value is written as 0.DIGITS × 10^E, with the digits free of trailing zeros:
 * <ul>
 *   <li>zero is {@code "1"};
 *   <li>a positive value is {@code "2"}, E plus an offset in ten digits, then the digits — a
 *       larger exponent is a larger number, and with equal exponents the digit strings compare as
 *       the numbers do (a prefix is the smaller);
 *   <li>a negative value is {@code "0"}, then the same ten exponent digits and the digits of its
 *       magnitude, each complemented to nine, then {@code "~"}: a larger magnitude sorts first,
 *       and the terminator (above every digit) puts -0.5 after -0.51.
 * </ul>
 * Equal decimals (1.5 and 1.50) are one string, so equality, {@code IN}, {@code DISTINCT} and
 * grouping hold too. Strings compare by code unit in Neo4j; the encoding is ASCII.
 */
public final class SortableDecimal {
  private static final long OFFSET = 5_000_000_000L;
  private static final int EXPONENT_DIGITS = 10;

  private SortableDecimal() {}

  /** {@code d} as its sortable string. */
  public static String encode(BigDecimal d) {
    if (d.signum() == 0) {
      return "1";
    }
    BigDecimal m = d.abs().stripTrailingZeros();
    String digits = m.unscaledValue().toString();
    long exponent = (long) digits.length() - m.scale(); // m = 0.digits × 10^exponent
    String e = String.format("%0" + EXPONENT_DIGITS + "d", exponent + OFFSET);
    if (d.signum() > 0) {
      return "2" + e + digits;
    }
    return "0" + complement(e) + complement(digits) + "~";
  }

  /** The decimal {@link #encode} wrote; a string not in that form is read as plain text. */
  public static BigDecimal decode(String s) {
    if (s.equals("1")) {
      return BigDecimal.ZERO;
    }
    char sign = s.isEmpty() ? ' ' : s.charAt(0);
    if ((sign == '2' || sign == '0') && s.length() > EXPONENT_DIGITS + 1 && !s.contains(".")) {
      boolean negative = sign == '0';
      String body = negative ? complement(s.substring(1, s.length() - 1)) : s.substring(1);
      long exponent = Long.parseLong(body.substring(0, EXPONENT_DIGITS)) - OFFSET;
      String digits = body.substring(EXPONENT_DIGITS);
      BigDecimal magnitude = new BigDecimal(new BigInteger(digits),
          Math.toIntExact(digits.length() - exponent));
      return negative ? magnitude.negate() : magnitude;
    }
    return new BigDecimal(s);
  }

  private static String complement(String digits) {
    char[] out = digits.toCharArray();
    for (int i = 0; i < out.length; i++) {
      out[i] = (char) ('9' - (out[i] - '0'));
    }
    return new String(out);
  }
}
