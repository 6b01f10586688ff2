package io.github.d1java.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.sqlite.D1Sqlite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JavaRunnerTest {

  private static Corpus corpus;
  private static ObjectNode results;

  @BeforeAll
  static void runCorpus() {
    corpus = Corpus.load(Path.of("cases"));
    results = new JavaRunner(D1Sqlite::inMemory).run(corpus);
  }

  @Test
  void recordsOneOutcomePerCallForEveryCase() {
    assertThat(results.get("runner").asText()).isEqualTo("d1-java");
    for (Corpus.Case c : corpus.cases()) {
      JsonNode outcomes = results.get("cases").get(c.name());
      assertThat(outcomes).as(c.name()).isNotNull();
      assertThat(outcomes.get(0).path("error").asText())
          .as(c.name())
          .doesNotStartWith("setup failed");
      assertThat(outcomes.size()).as(c.name()).isEqualTo(c.calls().size());
    }
  }

  @Test
  void everyErrorIsAD1Error() {
    results
        .get("cases")
        .fields()
        .forEachRemaining(
            e -> {
              for (JsonNode outcome : e.getValue()) {
                if (outcome.has("error")) {
                  assertThat(outcome.get("error").asText()).as(e.getKey()).startsWith("D1_");
                }
              }
            });
  }

  @Test
  void writesExactLongsAndBlobsAsUnsignedBytes() {
    JsonNode max = results.get("cases").get("types/long-max").get(0).get("value").get("v");
    assertThat(max.isIntegralNumber()).isTrue();
    assertThat(max.longValue()).isEqualTo(Long.MAX_VALUE);
    JsonNode blob = results.get("cases").get("types/blob-bind").get(0).get("value").get("v");
    assertThat(blob.toString()).isEqualTo("[0,1,2,255]");
  }

  @Test
  void convertsCorpusParams() throws IOException {
    JsonNode params =
        new ObjectMapper()
            .readTree(
                "[1, 1.5, true, null, \"a{{b*2}}\", {\"blob\": [255]}, {\"double\": \"NaN\"},"
                    + " {\"bigint\": \"10\"}, {\"object\": {\"a\": 1}}, {\"list\": [1, 256]},"
                    + " {\"repeat\": 7, \"times\": 2}]");
    List<Object> values = new JavaRunner(D1Sqlite::inMemory).params(params);
    assertThat(values.subList(0, 5)).isEqualTo(Arrays.asList(1L, 1.5d, true, null, "abb"));
    assertThat((byte[]) values.get(5)).containsExactly(255);
    assertThat((Double) values.get(6)).isNaN();
    assertThat(values.get(7)).hasToString("10");
    assertThat(values.get(8)).isEqualTo(Map.of("a", 1));
    assertThat(values.get(9)).isEqualTo(List.of(1, 256));
    assertThat(values.subList(10, 12)).containsExactly(7L, 7L);
  }

  @Test
  void jsonOfUnknownTypeFailsClearly() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JavaRunner.json(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unexpected value type java.lang.Object");
  }
}
