package io.github.d1java.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.cli.internal.WarmUp;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code d1} command as a user runs it: its own process, its own streams. */
class CliProcessTest {

  @TempDir Path dir;

  private static final String CONFIG =
      "name = \"app\"\n[[d1_databases]]\nbinding = \"DB\"\ndatabase_name = \"app-db\"\n"
          + "database_id = \"51e7c314-456e-4167-b6c3-869ad188fc23\"\n";

  private Process start(String... args) throws Exception {
    return startWith(CONFIG, args);
  }

  private Process startWith(String config, String... args) throws Exception {
    Files.writeString(dir.resolve("wrangler.toml"), config);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classPath());
    command.add(D1Command.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(dir.toFile()).start();
  }

  /** The test's module path and class path, as one class path: the child runs unnamed. */
  private static String classPath() throws Exception {
    List<String> parts = new ArrayList<>();
    parts.add(
        Path.of(D1Command.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString());
    for (String property : List.of("jdk.module.path", "java.class.path")) {
      String value = System.getProperty(property);
      if (value != null && !value.isEmpty()) {
        parts.add(value);
      }
    }
    return String.join(File.pathSeparator, parts);
  }

  private static String[] finish(Process p) throws Exception {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    // a guard against a hung child, not a speed assertion
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new String[] {out, err};
  }

  @Test
  void aLocalCommandPrintsNoLibraryLogLines() throws Exception {
    Process p = start("execute", "DB", "--local", "--command", "SELECT 41 + 1 AS answer");
    String[] streams = finish(p);
    assertThat(p.exitValue()).as(streams[1]).isZero();
    assertThat(streams[0]).contains("42");
    // HikariCP and the engine log at INFO; the command line shows warnings only
    assertThat(streams[1]).doesNotContain("INFO").doesNotContain("HikariDataSource");
  }

  @Test
  void aLocalImportPrintsNoLibraryLogLines() throws Exception {
    Path sql = dir.resolve("seed.sql");
    Files.writeString(
        sql, "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT);\nINSERT INTO t VALUES(1, 'x');\n");
    Process p = start("execute", "DB", "--local", "--file", sql.toString());
    String[] streams = finish(p);
    assertThat(p.exitValue()).as(streams[1]).isZero();
    assertThat(streams[1]).doesNotContain("INFO");
    assertThat(streams[0]).contains("2 commands executed successfully.");
  }

  @Test
  void aBrokenConfigIsReportedByTheCommandOnceAndTheWarmUpStaysSilent() throws Exception {
    Process p = startWith("name = \"app\"\n[[d1_databases]\n", "execute", "DB", "--command", "x");
    String[] streams = finish(p);
    assertThat(p.exitValue()).isNotZero();
    String all = streams[0] + streams[1];
    assertThat(all).contains("wrangler.toml");
    // the warm-up thread read the same file and failed too; only the command speaks
    assertThat(all).doesNotContain("d1-warm-up").doesNotContain("Exception in thread");
  }

  @Test
  void warmUpStartsOnlyForCommandsThatMayOpenALocalDatabase() {
    assertThat(WarmUp.startFor(List.of("execute", "DB", "--local", "--command", "x"), dir))
        .isTrue();
    assertThat(WarmUp.startFor(List.of("execute", "DB", "--file", "a.sql"), dir)).isTrue();
    assertThat(WarmUp.startFor(List.of("export", "DB", "--output", "x.sql"), dir)).isTrue();
    assertThat(WarmUp.startFor(List.of("migrations", "apply", "DB"), dir)).isTrue();
    assertThat(WarmUp.startFor(List.of("execute", "DB", "--remote", "--command", "x"), dir))
        .isFalse();
    assertThat(WarmUp.startFor(List.of("list"), dir)).isFalse();
    assertThat(WarmUp.startFor(List.of("--version"), dir)).isFalse();
    assertThat(WarmUp.startFor(List.of(), dir)).isFalse();
  }
}
