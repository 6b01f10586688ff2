package io.github.d1java.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CorpusTest {

  @Test
  void shippedCorpusLoadsWithEightyOrMoreCases() {
    Corpus corpus = Corpus.load(Path.of("cases"));
    assertThat(corpus.cases()).hasSizeGreaterThanOrEqualTo(80);
    assertThat(corpus.cases()).extracting(Corpus.Case::name).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT {{?,*3}}? | SELECT ?,?,?,?",
        "({{c# INT, *2}}x) | (c1 INT, c2 INT, x)",
        "no template | no template",
        "{{%*4}} and {{a*2}} | %%%% and aa"
      })
  void expandsRepeatTemplates(String template, String expanded) {
    assertThat(Corpus.expand(template)).isEqualTo(expanded);
  }

  @Test
  void rejectsUnknownOpNamingFileAndCase(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("a.json"),
        "[{\"name\": \"x\", \"calls\": [{\"op\": \"nope\", \"sql\": \"\"}]}]");
    assertThatThrownBy(() -> Corpus.load(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a.json case 'x': unknown op 'nope'");
  }

  @Test
  void rejectsDuplicateNames(@TempDir Path dir) throws IOException {
    String c = "{\"name\": \"x\", \"calls\": [{\"op\": \"all\", \"sql\": \"SELECT 1\"}]}";
    Files.writeString(dir.resolve("a.json"), "[" + c + ", " + c + "]");
    assertThatThrownBy(() -> Corpus.load(dir)).hasMessageEndingWith("duplicate case name x");
  }

  @Test
  void rejectsCallsWithoutTheirFields(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("a.json"),
        "[{\"name\": \"x\", \"calls\": [{\"op\": \"firstCol\", \"sql\": \"SELECT 1\"}]}]");
    assertThatThrownBy(() -> Corpus.load(dir)).hasMessageEndingWith("firstCol needs column");
    Files.writeString(
        dir.resolve("a.json"), "[{\"name\": \"x\", \"calls\": [{\"op\": \"batch\"}]}]");
    assertThatThrownBy(() -> Corpus.load(dir)).hasMessageEndingWith("batch needs statements");
    Files.writeString(dir.resolve("a.json"), "[{\"name\": \"x\", \"calls\": []}]");
    assertThatThrownBy(() -> Corpus.load(dir))
        .hasMessageEndingWith("needs a non-empty calls array");
  }

  @Test
  void rejectsMalformedFiles(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.json"), "{\"name\": \"x\"}");
    assertThatThrownBy(() -> Corpus.load(dir)).hasMessageEndingWith("must hold an array of cases");
    Files.writeString(dir.resolve("a.json"), "[{");
    assertThatThrownBy(() -> Corpus.load(dir)).hasMessageContaining("not valid JSON");
  }
}
