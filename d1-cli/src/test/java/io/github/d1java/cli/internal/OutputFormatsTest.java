package io.github.d1java.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputFormatsTest {

  @Nested
  class JsonText {
    @Test
    void matchesJavaScriptsStringifyWithTwoSpaces() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("results", List.of());
      m.put("n", 1.0);
      m.put("x", 0.1);
      m.put("big", 9223372036854775807L);
      m.put("inf", Double.POSITIVE_INFINITY);
      m.put("blob", new byte[] {1, (byte) 255});
      m.put("o", Map.of());

      assertThat(Json.stringify(List.of(m)))
          .isEqualTo(
              "[\n  {\n    \"results\": [],\n    \"n\": 1,\n    \"x\": 0.1,\n"
                  + "    \"big\": 9223372036854775807,\n    \"inf\": null,\n"
                  + "    \"blob\": \"[1, 255]\",\n    \"o\": {}\n  }\n]");
    }
  }

  @Nested
  class Tables {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"abc, 3", "✅, 2", "❌, 2", "日本, 4", "é, 1", "🚣, 2"})
    void widthCountsTerminalColumnsAsStringWidthDoes(String text, int width) {
      assertThat(BoxTable.width(text)).isEqualTo(width);
    }

    @Test
    void cellsFormatValuesAsWranglerShowsThem() {
      assertThat(BoxTable.cell(null)).isEqualTo("null");
      assertThat(BoxTable.cell(3.0)).isEqualTo("3");
      assertThat(BoxTable.cell(new byte[] {1, 2})).isEqualTo("[1, 2]");
      assertThat(BoxTable.cell("a\r\nb")).isEqualTo("a b");
      assertThat(BoxTable.cell(Double.NaN)).isEqualTo("null");
    }

    @Test
    void headerOnlyTableHasNoBodyRules() {
      assertThat(BoxTable.render(List.of("a"), List.of())).isEqualTo("┌───┐\n│ a │\n└───┘\n");
    }
  }

  @Nested
  class Progress {
    @Test
    void barShowsPercentRateAndEta() {
      ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), "B", () -> 0L);

      assertThat(bar.line(25_000_000, 100_000_000, 5_000_000_000L))
          .isEqualTo("[########......................]  25%  25.0 MB  5.0 MB/s  ETA 0:15");
    }

    @Test
    void unknownTotalShowsCountAndRate() {
      ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), "rows", () -> 0L);

      assertThat(bar.line(3000, -1, 2_000_000_000L)).isEqualTo("3000 rows  1500 rows/s");
    }

    @Test
    void redrawsAtMostEvery100MillisecondsButAlwaysAtTheEnd() {
      StringWriter text = new StringWriter();
      long[] now = {0};
      ProgressBar bar = new ProgressBar(new PrintWriter(text), "rows", () -> now[0]);

      bar.update(1, 10);
      now[0] = 50_000_000L;
      bar.update(2, 10);
      now[0] = 60_000_000L;
      bar.update(10, 10);
      bar.finish();

      List<String> frames = new ArrayList<>(List.of(text.toString().split("\r", -1)));
      assertThat(frames).hasSize(3);
      assertThat(frames.get(2)).startsWith("[##############################] 100%").endsWith("\n");
    }

    @Test
    void finishWithoutDrawingPrintsNothing() {
      StringWriter text = new StringWriter();
      new ProgressBar(new PrintWriter(text), "rows", () -> 0L).finish();
      assertThat(text.toString()).isEmpty();
    }
  }
}
