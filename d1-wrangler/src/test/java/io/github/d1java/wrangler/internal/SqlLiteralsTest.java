package io.github.d1java.wrangler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlLiteralsTest {

  @Nested
  class JsNumber {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "3.0, 3",
      "0.1, 0.1",
      "-2.5, -2.5",
      "1e21, 1e+21",
      "1.5e21, 1.5e+21",
      "1e20, 100000000000000000000",
      "1e-7, 1e-7",
      "1.25e-7, 1.25e-7",
      "0.000001, 0.000001",
      "123456.789, 123456.789",
      "0.30000000000000004, 0.30000000000000004",
      "9007199254740993, 9007199254740992",
      "1.7976931348623157e308, 1.7976931348623157e+308",
      "4.9e-324, 5e-324",
      "2e23, 2e+23",
      "0.001, 0.001",
      "100, 100",
      "-1e-7, -1e-7"
    })
    void formatsLikeJavaScript(double value, String js) {
      assertThat(SqlLiterals.jsNumber(value)).isEqualTo(js);
    }

    /**
     * The fast paths (few decimals, then Double.toString) against the exact search for the fewest
     * digits.
     */
    @Test
    void theFastPathAgreesWithTheExactSearch() {
      SplittableRandom random = new SplittableRandom(20261130);
      for (int i = 0; i < 100_000; i++) {
        double bits = Double.longBitsToDouble(random.nextLong());
        double decimal =
            random.nextLong(-10_000_000, 10_000_000) / Math.pow(10, random.nextInt(12));
        double subnormal = Double.longBitsToDouble(random.nextLong(1, 1L << 52));
        double wide =
            random.nextLong(-999_999_999_999_999L, 1_000_000_000_000_000L)
                / Math.pow(10, random.nextInt(8));
        for (double d : new double[] {bits, decimal, subnormal, wide}) {
          if (Double.isFinite(d) && d != 0) {
            assertThat(SqlLiterals.jsNumber(d)).as("%s", d).isEqualTo(SqlLiterals.jsNumberExact(d));
          }
        }
      }
    }
  }

  @Nested
  class Literal {
    @Test
    void nullIsNULL() {
      assertThat(SqlLiterals.literal(null)).isEqualTo("NULL");
    }

    @Test
    void integersKeepAll64Bits() {
      assertThat(SqlLiterals.literal(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
      assertThat(SqlLiterals.literal(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
    }

    @Test
    void integerValuedRealsStayReal() {
      assertThat(SqlLiterals.literal(3.0)).isEqualTo("3.0");
      assertThat(SqlLiterals.literal(1e21)).isEqualTo("1e+21");
      assertThat(SqlLiterals.literal(0.5)).isEqualTo("0.5");
    }

    @Test
    void infinitiesOverflowToInfinityAndNaNIsNull() {
      assertThat(SqlLiterals.literal(Double.POSITIVE_INFINITY)).isEqualTo("1e999");
      assertThat(SqlLiterals.literal(Double.NEGATIVE_INFINITY)).isEqualTo("-1e999");
      assertThat(SqlLiterals.literal(Double.NaN)).isEqualTo("NULL");
    }

    @Test
    void blobsAreLowerCaseHexFromBytesOrD1Arrays() {
      assertThat(SqlLiterals.literal(new byte[] {0, (byte) 0xAB, 127})).isEqualTo("X'00ab7f'");
      assertThat(SqlLiterals.literal(List.of(1, 255))).isEqualTo("X'01ff'");
      assertThat(SqlLiterals.literal(new byte[0])).isEqualTo("X''");
    }

    @Test
    void otherTypesAreRefusedByName() {
      assertThatThrownBy(() -> SqlLiterals.literal(new Object()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Cannot export a value of type java.lang.Object");
    }
  }

  @Nested
  class Strings {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '"',
        value = {
          "plain|'plain'",
          "it's|'it''s'",
          "a\\nb|replace('a\\nb','\\n',char(10))",
          "a\\rb|replace('a\\rb','\\r',char(13))",
          "a\\r\\nb|replace(replace('a\\r\\nb','\\r',char(13)),'\\n',char(10))"
        })
    void escapeAsD1DoesWithRealNewlinesWrittenAsMarkers(String escaped, String literal) {
      String value = escaped.replace("\\r", "\r").replace("\\n", "\n");
      assertThat(SqlLiterals.string(value)).isEqualTo(literal);
    }

    @Test
    void textWithNulTravelsAsHex() {
      assertThat(SqlLiterals.string("a\0b")).isEqualTo("CAST(X'610062' AS TEXT)");
    }

    /** The export appends text in one pass; it must write what {@link SqlLiterals#string} does. */
    @Test
    void appendingAgreesWithStringForAnyText() {
      SplittableRandom random = new SplittableRandom(7);
      String alphabet = "ab'\"\n\r\0;é€😀 ";
      for (int i = 0; i < 20_000; i++) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(12); k > 0; k--) {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String s = text.toString();
        assertThat(SqlLiterals.appendLiteral(new StringBuilder("x,"), s).toString())
            .as("%s", s)
            .isEqualTo("x," + SqlLiterals.string(s));
      }
    }

    @Test
    void aLiteralBackslashNBesideANewlineGetsAnUnusedMarker() {
      assertThat(SqlLiterals.string("\\n\n")).isEqualTo("replace('\\n\\n$0$','\\n$0$',char(10))");
    }
  }
}
