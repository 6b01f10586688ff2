package io.github.d1java.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every README's java blocks are copies of code that compiles and runs in this build. */
class ReadmeSnippetsTest {

  @Test
  void everyReadmeInTheRepositoryFollowsTheSnippetConvention() throws IOException {
    // Surefire runs in the module's folder; the repository root is its parent.
    Path root = Path.of("").toAbsolutePath().getParent();
    List<Path> readmes = ReadmeSnippets.readmes(root);
    assertThat(readmes).contains(root.resolve("README.md"), root.resolve("d1-testkit/README.md"));
    List<String> problems = new ArrayList<>();
    for (Path readme : readmes) {
      problems.addAll(
          ReadmeSnippets.problems(
              root, root.relativize(readme).toString(), Files.readString(readme)));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void readmesUserPomIsTheOneTheUserProjectTestBuilds() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    String readme = Files.readString(root.resolve("README.md"));
    int start = readme.indexOf("```xml\n<project");
    assertThat(start).as("the README's user pom").isNotNegative();
    String pom = readme.substring(start + "```xml\n".length(), readme.indexOf("\n```", start) + 1);
    String tested =
        Files.readString(root.resolve("examples/src/it/user-project/pom.xml"))
            .replace("@project.version@", "0.1.0-SNAPSHOT");
    assertThat(pom).isEqualTo(tested);
  }

  @Nested
  class Checker {
    @TempDir Path root;

    private List<String> check(String readme) throws IOException {
      Files.writeString(
          root.resolve("A.java"),
          "class A {\n  void f() {\n    // snippet:start s\n    int x = 1;\n    // snippet:start inner\n"
              + "    x++;\n    // snippet:end inner\n    // snippet:end s\n  }\n}\n");
      return ReadmeSnippets.problems(root, "README.md", readme);
    }

    @Test
    void aMatchingBlockPassesWhateverItsIndentation() throws IOException {
      assertThat(check("<!-- snippet: A.java s -->\n```java\nint x = 1;\nx++;\n```\n")).isEmpty();
      assertThat(check("<!-- snippet: A.java inner -->\n  ```java\n      x++;\n  ```\n")).isEmpty();
    }

    @Test
    void aDifferentBlockIsReportedWithTheFirstDifference() throws IOException {
      assertThat(check("text\n<!-- snippet: A.java s -->\n```java\nint x = 2;\nx++;\n```\n"))
          .containsExactly(
              "README.md:3: differs from A.java snippet s at block line 1: source has [int x = 1;],"
                  + " README has [int x = 2;]");
    }

    @Test
    void aBlockWithoutMarkerIsReported() throws IOException {
      assertThat(check("Intro\n```java\nint x = 1;\n```\n"))
          .containsExactly(
              "README.md:2: java block without a <!-- snippet: <path> <name> --> line above");
    }

    @Test
    void aMarkerNamingAMissingFileOrSnippetIsReported() throws IOException {
      assertThat(check("<!-- snippet: B.java s -->\n```java\n```\n"))
          .containsExactly("README.md:2: snippet source B.java does not exist");
      assertThat(check("<!-- snippet: A.java t -->\n```java\n```\n"))
          .containsExactly("README.md:2: no '// snippet:start t' ... '// snippet:end t' in A.java");
    }

    @Test
    void otherBlocksAreFree() throws IOException {
      assertThat(check("```xml\n<a/>\n```\n```bash\nls\n```\n")).isEmpty();
    }
  }
}
