package io.github.d1java.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import io.github.d1java.conformance.ResultComparator.Divergence;
import io.github.d1java.conformance.ResultComparator.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultComparatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode results(String casesJson) {
    try {
      return JSON.readTree("{\"cases\": " + casesJson.replace('\'', '"') + "}");
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Report compare(String reference, String actual, Divergence... divergences) {
    return new ResultComparator(List.of(divergences)).compare(results(reference), results(actual));
  }

  @Nested
  class UsageFigures {

    private static final String REF =
        "{'usage/scan': [{'value': {'meta': {'changes': 0, 'rows_read': 6, 'rows_written': 0}}}],"
            + " 'meta/other': [{'value': {'meta': {'changes': 1, 'rows_read': 1, 'rows_written': 2}}}]}";
    private static final String ACT =
        "{'usage/scan': [{'value': {'meta': {'changes': 0, 'rows_read': 1, 'rows_written': 0}}}],"
            + " 'meta/other': [{'value': {'meta': {'changes': 1, 'rows_read': 0, 'rows_written': 2}}}]}";

    @Test
    void areComparedInTheUsageCasesOnly() {
      Report r = compare(REF, ACT);
      assertThat(r.failures()).hasSize(1);
      assertThat(r.failures().get(0).caseName()).isEqualTo("usage/scan");
      assertThat(r.failures().get(0).path()).isEqualTo("/0/value/meta/rows_read");
    }

    @Test
    void shareCountsEqualFigures() {
      assertThat(ResultComparator.usageShare(results(REF), results(ACT), true))
          .containsExactly(1, 2);
      assertThat(ResultComparator.usageShare(results(REF), results(ACT), false))
          .containsExactly(2, 4);
    }
  }

  @Nested
  class Values {

    @Test
    void identicalResultsPass() {
      Report r = compare("{'c': [{'value': {'v': 'x'}}]}", "{'c': [{'value': {'v': 'x'}}]}");
      assertThat(r.passed()).isTrue();
      assertThat(r.cases()).isEqualTo(1);
      assertThat(r.failures()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
      "9223372036854776000, 9223372036854775807",
      "-9223372036854776000, -9223372036854775808",
      "9007199254740992, 9007199254740993",
      "1, 1.0",
      "0, -0.0"
    })
    void numbersCompareAsJavaScriptSeesThem(String miniflare, String java) {
      Report r =
          compare("{'c': [{'value': " + miniflare + "}]}", "{'c': [{'value': " + java + "}]}");
      assertThat(r.failures()).isEmpty();
    }

    @Test
    void differentNumbersFail() {
      Report r = compare("{'c': [{'value': 1}]}", "{'c': [{'value': 2}]}");
      assertThat(r.failures()).singleElement().hasToString("c /0/value: miniflare 1 vs d1-java 2");
    }

    @Test
    void objectKeyOrderDoesNotMatter() {
      assertThat(
              compare(
                      "{'c': [{'value': {'1': 1, 'a': 2}}]}",
                      "{'c': [{'value': {'a': 2, '1': 1}}]}")
                  .failures())
          .isEmpty();
    }

    @Test
    void missingKeyIsADifference() {
      Report r = compare("{'c': [{'value': {'a': 1, 'b': 2}}]}", "{'c': [{'value': {'a': 1}}]}");
      assertThat(r.failures())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.path()).isEqualTo("/0/value/b");
                assertThat(d.actual()).isNull();
              });
    }

    @Test
    void blobArraysCompareElementWise() {
      assertThat(compare("{'c': [{'value': [0, 255]}]}", "{'c': [{'value': [0, 255]}]}").passed())
          .isTrue();
      assertThat(
              compare("{'c': [{'value': [0, 255]}]}", "{'c': [{'value': [0, 255, 1]}]}").failures())
          .singleElement()
          .extracting(ResultComparator.Difference::path)
          .isEqualTo("/0/value");
    }

    @Test
    void errorAgainstValueIsADifferenceOnBothKeys() {
      Report r = compare("{'c': [{'error': 'D1_ERROR: x'}]}", "{'c': [{'value': 1}]}");
      assertThat(r.failures())
          .extracting(ResultComparator.Difference::path)
          .containsExactly("/0/error", "/0/value");
    }

    @Test
    void nullAgainstStringIsADifference() {
      assertThat(compare("{'c': [{'value': null}]}", "{'c': [{'value': 'Infinity'}]}").passed())
          .isFalse();
    }

    @Test
    void caseMissingOnOneSideFails() {
      Report r = compare("{'a': [{'value': 1}], 'b': [{'value': 1}]}", "{'a': [{'value': 1}]}");
      assertThat(r.failures())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.caseName()).isEqualTo("b");
                assertThat(d.path()).isEmpty();
              });
      assertThat(r.cases()).isEqualTo(2);
    }
  }

  @Nested
  class Divergences {

    @Test
    void documentedDifferenceDoesNotFail() {
      Report r =
          compare(
              "{'types/int': [{'value': {'t': 'real'}}]}",
              "{'types/int': [{'value': {'t': 'integer'}}]}",
              new Divergence("types/int", "/0/value/t", Map.of(), "integers bind as INTEGER"));
      assertThat(r.passed()).isTrue();
      assertThat(r.documented()).hasSize(1);
      assertThat(r.unusedDivergences()).isEmpty();
    }

    @Test
    void divergenceOnlyCoversItsPath() {
      Report r =
          compare(
              "{'c': [{'value': {'t': 'real', 'v': 1}}]}",
              "{'c': [{'value': {'t': 'integer', 'v': 2}}]}",
              new Divergence("c", "/0/value/t", Map.of(), "reason"));
      assertThat(r.failures())
          .singleElement()
          .extracting(ResultComparator.Difference::path)
          .isEqualTo("/0/value/v");
    }

    @ParameterizedTest
    @CsvSource({
      "'**', '**/meta/last_row_id', true",
      "'x/*', '/*/value/meta/last_row_id', true",
      "'y/*', '**', false",
      "'x/a', '/0/value/meta/{changes,last_row_id}', true",
      "'x/a', '/0/value/meta/changes', false",
      "'*', '**', false"
    })
    void globsMatchCasesAndPaths(String casePattern, String pathPattern, boolean documented) {
      Report r =
          compare(
              "{'x/a': [{'value': {'meta': {'last_row_id': 2}}}]}",
              "{'x/a': [{'value': {'meta': {'last_row_id': 0}}}]}",
              new Divergence(casePattern, pathPattern, Map.of(), "reason"));
      assertThat(r.passed()).isEqualTo(documented);
    }

    @Test
    void whenConditionLooksAtTheReferenceSiblings() {
      Divergence onlyWithoutChanges =
          new Divergence("**", "**/last_row_id", Map.of("changes", IntNode.valueOf(0)), "reason");
      assertThat(
              compare(
                      "{'c': [{'value': {'meta': {'changes': 0, 'last_row_id': 2}}}]}",
                      "{'c': [{'value': {'meta': {'changes': 0, 'last_row_id': 0}}}]}",
                      onlyWithoutChanges)
                  .passed())
          .isTrue();
      assertThat(
              compare(
                      "{'c': [{'value': {'meta': {'changes': 1, 'last_row_id': 2}}}]}",
                      "{'c': [{'value': {'meta': {'changes': 1, 'last_row_id': 0}}}]}",
                      onlyWithoutChanges)
                  .passed())
          .isFalse();
    }

    @Test
    void unusedDivergenceIsReported() {
      Divergence stale = new Divergence("gone", "**", Map.of(), "fixed long ago");
      Report r = compare("{'c': [{'value': 1}]}", "{'c': [{'value': 1}]}", stale);
      assertThat(r.passed()).isTrue();
      assertThat(r.unusedDivergences()).containsExactly(stale);
    }

    @Test
    void divergenceNeedsAReason() {
      assertThatThrownBy(() -> new Divergence("c", "**", Map.of(), " "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("needs a reason");
    }

    @Test
    void readsTheDivergenceFile(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("divergences.json");
      Files.writeString(
          file,
          "[{\"case\": \"a\", \"path\": \"/0/value\", \"when\": {\"changes\": 0}, \"reason\":"
              + " \"r\"}, {\"case\": \"b\", \"reason\": \"s\"}]");
      List<Divergence> read = ResultComparator.readDivergences(file);
      assertThat(read).hasSize(2);
      assertThat(read.get(0).when()).containsEntry("changes", IntNode.valueOf(0));
      assertThat(read.get(1).pathPattern()).isEqualTo("**");
    }

    @Test
    void rejectsADivergenceWithoutCase(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("divergences.json");
      Files.writeString(file, "[{\"reason\": \"r\"}]");
      assertThatThrownBy(() -> ResultComparator.readDivergences(file))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("has no \"case\"");
    }

    @Test
    void theShippedDivergenceFileIsValid() throws IOException {
      assertThat(ResultComparator.readDivergences(Path.of("divergences.json")))
          .isNotEmpty()
          .allSatisfy(d -> assertThat(d.reason()).hasSizeGreaterThan(20));
    }
  }
}
