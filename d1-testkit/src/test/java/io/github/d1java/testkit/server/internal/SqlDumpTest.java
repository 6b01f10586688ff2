package io.github.d1java.testkit.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlDumpTest {

  @ParameterizedTest
  @CsvSource({
    "3.0, 3", "1.5, 1.5", "-0.0, 0", "1e21, 1e+21", "1e20, 100000000000000000000", "1e-7, 1e-7",
    "0.000001, 0.000001", "123.456, 123.456", "1.2345e25, 1.2345e+25", "-2.5e-10, -2.5e-10",
    "1152921504606846976, 1152921504606847000"
  })
  void formatsNumbersAsJavaScriptDoes(double value, String js) {
    assertThat(SqlDump.jsNumber(value)).isEqualTo(js);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "plain|'plain'",
        "it's|'it''s'",
        "a\\nb|replace('a\\nb','\\n',char(10))",
      })
  void quotesStringsAsD1Does(String raw, String expected) {
    String value = raw.replace("\\n", "\n");
    assertThat(SqlDump.literal(value)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void quotesCrLfAndBlobs() {
    assertThat(SqlDump.literal("a\r\nb")).isEqualTo("replace(replace('a\\r\\nb','\\r',char(13)),'\\n',char(10))");
    assertThat(SqlDump.literal(new byte[] {1, (byte) 0xab})).isEqualTo("X'01ab'");
    assertThat(SqlDump.literal(null)).isEqualTo("NULL");
    assertThat(SqlDump.literal(42L)).isEqualTo("42");
  }
}
