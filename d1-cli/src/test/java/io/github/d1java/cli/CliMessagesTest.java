package io.github.d1java.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.d1java.testkit.server.FakeD1Server;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI speaks as {@code d1}, keeps wrangler's helpful parts, and checks arguments first. */
class CliMessagesTest {

  @TempDir Path dir;

  private final Map<String, String> env = new HashMap<>();
  private String out;
  private String err;

  @BeforeEach
  void config() throws IOException {
    Files.writeString(
        dir.resolve("wrangler.toml"),
        "name = \"app\"\n[[d1_databases]]\nbinding = \"DB\"\ndatabase_name = \"app-db\"\n"
            + "database_id = \"51e7c314-456e-4167-b6c3-869ad188fc23\"\n");
  }

  private int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code =
        D1Command.commandLine(dir, env, new PrintWriter(o), new PrintWriter(e), false, false)
            .execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  @Nested
  class SpeaksAsD1 {
    @Test
    void localExecuteTellsHowToGoRemoteWithD1() {
      assertThat(run("execute", "DB", "--command", "SELECT 1")).isZero();

      assertThat(out)
          .contains(
              "🌀 To execute on your remote database, add a --remote flag to your d1 command.\n")
          .doesNotContain("wrangler command");
    }

    @Test
    void localExportTellsHowToGoRemoteWithD1() {
      assertThat(run("execute", "DB", "--command", "CREATE TABLE t(a)")).isZero();

      assertThat(run("export", "DB", "--output", "out.sql")).isZero();

      assertThat(out)
          .contains("🌀 To export your remote database, add a --remote flag to your d1 command.\n")
          .doesNotContain("wrangler command");
    }

    @Test
    void remoteExecuteTellsHowToGoLocalWithD1() throws IOException {
      Files.delete(dir.resolve("wrangler.toml"));
      try (FakeD1Server server = FakeD1Server.start()) {
        server.createDatabase("app-db");
        env.put("CLOUDFLARE_API_TOKEN", server.apiToken());
        env.put("CLOUDFLARE_ACCOUNT_ID", server.accountId());
        env.put("CLOUDFLARE_API_BASE_URL", server.baseUrl());

        assertThat(run("execute", "app-db", "--remote", "--command", "SELECT 1")).as(err).isZero();
      }

      assertThat(out)
          .contains(
              "🌀 To execute on your local development database, remove the --remote flag from"
                  + " your d1 command.\n")
          .doesNotContain("wrangler command");
    }

    @Test
    void missingTokenSaysD1NeedsItAndKeepsTheTokenCreationLink() {
      env.put("CLOUDFLARE_ACCOUNT_ID", "0123456789abcdef0123456789abcdef");

      assertThat(run("execute", "DB", "--remote", "--command", "SELECT 1")).isEqualTo(1);

      assertThat(out).isEmpty();
      assertThat(err)
          .isEqualTo(
              "✘ [ERROR] d1 needs an API token for --remote: set a CLOUDFLARE_API_TOKEN"
                  + " environment variable. Go to"
                  + " https://developers.cloudflare.com/fundamentals/api/get-started/create-token/"
                  + " for instructions on how to create an API token (with D1 edit permission),"
                  + " and assign its value to CLOUDFLARE_API_TOKEN.\n")
          .doesNotContain("wrangler to work");
    }
  }

  @Nested
  class ArgumentErrorsComeBeforeAnyBanner {
    @Test
    void invalidAccountIdNamesTheProperty() {
      env.put("CLOUDFLARE_API_TOKEN", "token");
      env.put("CLOUDFLARE_ACCOUNT_ID", "not/an/id");

      assertThat(run("execute", "DB", "--remote", "--command", "SELECT 1")).isEqualTo(1);

      assertThat(out).isEmpty();
      assertThat(err).isEqualTo("✘ [ERROR] accountId must match [A-Za-z0-9_-]+, got 'not/an/id'\n");
    }

    @Test
    void missingLocalFile() {
      assertThat(run("execute", "DB", "--file", "missing.sql")).isEqualTo(1);

      assertThat(out).isEmpty();
      assertThat(err)
          .isEqualTo(
              "✘ [ERROR] Unable to read SQL text file \""
                  + dir.resolve("missing.sql")
                  + "\": no such file.\n");
    }

    @Test
    void folderGivenAsFile() throws IOException {
      Files.createDirectories(dir.resolve("sql"));

      assertThat(run("execute", "DB", "--file", "sql")).isEqualTo(1);

      assertThat(out).isEmpty();
      assertThat(err)
          .isEqualTo(
              "✘ [ERROR] Unable to read SQL text file \""
                  + dir.resolve("sql")
                  + "\": it is a folder, not a file.\n");
    }

    @Test
    void missingRemoteFile() {
      try (FakeD1Server server = FakeD1Server.start()) {
        server.createDatabase("app-db");
        env.put("CLOUDFLARE_API_TOKEN", server.apiToken());
        env.put("CLOUDFLARE_ACCOUNT_ID", server.accountId());
        env.put("CLOUDFLARE_API_BASE_URL", server.baseUrl());

        assertThat(run("execute", "app-db", "--remote", "--file", "missing.sql", "--yes"))
            .isEqualTo(1);
      }

      assertThat(out).isEmpty();
      assertThat(err)
          .isEqualTo(
              "✘ [ERROR] Unable to read SQL text file \""
                  + dir.resolve("missing.sql")
                  + "\": no such file.\n");
    }
  }

  @Nested
  class ExecuteFile {
    @Test
    void jsonPrintsEveryStatementsResultWithItsRows() throws IOException {
      Files.writeString(
          dir.resolve("q.sql"),
          "CREATE TABLE t(a);\nINSERT INTO t VALUES (1), (2);\nSELECT a FROM t ORDER BY a;\n");

      assertThat(run("execute", "DB", "--file", "q.sql", "--json")).as(err).isZero();

      JsonNode json = new ObjectMapper().readTree(out);
      assertThat(json).hasSize(3);
      assertThat(json.get(0).get("results")).isEmpty();
      assertThat(json.get(1).get("results")).isEmpty();
      assertThat(json.get(2).get("results").toString()).isEqualTo("[{\"a\":1},{\"a\":2}]");
      for (JsonNode r : json) {
        assertThat(r.get("success").asBoolean()).isTrue();
        assertThat(r.get("meta").fieldNames()).toIterable().containsExactly("duration");
      }
    }

    @Test
    void withoutJsonPrintsTheSummary() throws IOException {
      Files.writeString(
          dir.resolve("q.sql"), "CREATE TABLE t(a);\nINSERT INTO t VALUES (1), (2);\nSELECT 1;\n");

      assertThat(run("execute", "DB", "--file", "q.sql")).as(err).isZero();

      assertThat(out).contains("🚣 3 commands executed successfully.\n");
      JsonNode json = new ObjectMapper().readTree(out.substring(out.indexOf("\n[") + 1));
      assertThat(json).hasSize(1);
      JsonNode summary = json.get(0).get("results").get(0);
      assertThat(summary.get("Total queries executed").asLong()).isEqualTo(3);
      assertThat(summary.get("Rows written").asLong()).isEqualTo(2);
    }
  }
}
